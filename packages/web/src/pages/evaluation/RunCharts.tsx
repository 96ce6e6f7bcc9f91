// The run's charts (lazy: ECharts in its own chunk): a dimension radar for chosen units and the
// sensitivity of the ranks to each uncertain input.
import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationRunDetail } from '@scimon/contracts';
import { EChart } from '../../charts/EChart.tsx';
import { buildRadarOption } from '../../charts/ranking-option.ts';
import { buildSensitivityOption, type SensitivityFactor } from '../../charts/sensitivity-option.ts';
import { formatNumber } from '../../charts/common-option.ts';
import { radarOf, rankingRows, sensitivityOf } from '../../features/evaluation/run-view.ts';

export default function RunCharts({ run, year }: { run: EvaluationRunDetail; year: number }) {
  const { t, i18n } = useTranslation('evaluation');
  const en = i18n.language === 'en-US';
  const rows = useMemo(() => rankingRows(run, year, en), [run, year, en]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const units = chosen ?? rows.slice(0, 3).map((r) => r.orgUnit);
  const common = { saveAsImage: t('common:chart.saveAsImage') };
  const radar = useMemo(
    () =>
      buildRadarOption(radarOf(run, year, units, en), {
        ...common,
        title: t('radar.title', { year }),
        subtitle: t('radar.subtitle'),
        exportName: `evaluation-${run.id}-radar-${year}`,
      }),
    [run, year, units.join(), en, t],
  );
  const factors = sensitivityOf(run, (name) => t(`factors.${name}`, { defaultValue: name }));
  const sensitivity = useMemo(
    () =>
      buildSensitivityOption(factors, {
        ...common,
        title: t('sensitivity.title'),
        subtitle: t('sensitivity.subtitle', { year: run.uncertainty?.year ?? year }),
        exportName: `evaluation-${run.id}-sensitivity`,
        first: t('sensitivity.first'),
        total: t('sensitivity.total'),
        bounds: t('sensitivity.bounds'),
      }),
    [run, en, t],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('radar.card')}
          extra={
            <Space>
              <label htmlFor="ev-radar-units">{t('radar.units')}</label>
              <Select
                id="ev-radar-units"
                mode="multiple"
                maxCount={5}
                maxTagCount="responsive"
                style={{ width: 300 }}
                value={units}
                options={rows.map((r) => ({ value: r.orgUnit, label: r.name }))}
                onChange={(v: string[]) => setChosen(v)}
              />
            </Space>
          }
        >
          <div data-testid="radar-chart">
            <EChart
              option={radar}
              height={380}
              ariaLabel={t('radar.title', { year })}
              exportName={`evaluation-${run.id}-radar-${year}`}
            />
          </div>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('sensitivity.card')} style={{ height: '100%' }}>
          {factors.length > 0 ? (
            <div data-testid="sensitivity-chart">
              <EChart
                option={sensitivity}
                height={Math.max(260, factors.length * 56 + 130)}
                ariaLabel={t('sensitivity.title')}
                exportName={`evaluation-${run.id}-sensitivity`}
              />
              <Table<SensitivityFactor>
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={factors}
                columns={[
                  { title: t('sensitivity.factor'), dataIndex: 'name' },
                  {
                    title: 'Si',
                    align: 'right',
                    render: (_: unknown, f) => withBounds(f.si, f.siQ5, f.siQ95),
                  },
                  {
                    title: 'STi',
                    align: 'right',
                    render: (_: unknown, f) => withBounds(f.sti, f.stiQ5, f.stiQ95),
                  },
                ]}
              />
            </div>
          ) : (
            <Empty description={run.uncertainty ? t('sensitivity.none') : t('sensitivity.noMc')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** "0.62 [0.5, 0.75]" with the bootstrap bounds when known. */
function withBounds(v: number | null, lo: number | null, hi: number | null): string {
  const b = lo !== null && hi !== null ? ` [${formatNumber(lo, 3)}, ${formatNumber(hi, 3)}]` : '';
  return `${formatNumber(v, 3)}${b}`;
}
