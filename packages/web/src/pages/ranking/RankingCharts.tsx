// The 排名 charts (lazy: ECharts in its own chunk): rank intervals, dimension radar, rank change.
import { useMemo, useState } from 'react';
import { Card, Col, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationRunDetail, OrgUnitNode } from '@scimon/contracts';
import { useOrgUnitTree } from '../../api/catalogue.ts';
import { unitName } from '../../components/OrgUnitPicker.tsx';
import { EChart } from '../../charts/EChart.tsx';
import {
  buildRadarOption,
  buildRankChangeOption,
  buildRankIntervalOption,
  sortByRank,
} from '../../charts/ranking-option.ts';
import { rankChangeModel, rankRows, radarModel } from './ranking-view.ts';

export default function RankingCharts({ run, year }: { run: EvaluationRunDetail; year: number }) {
  const { t, i18n } = useTranslation('ranking');
  const en = i18n.language === 'en-US';
  const tree = useOrgUnitTree();
  const names = useMemo(() => {
    const m = new Map<string, string>();
    const visit = (n: OrgUnitNode) => {
      m.set(n.code, unitName(n, en, true));
      n.children.forEach(visit);
    };
    (tree.data ?? []).forEach(visit);
    return m;
  }, [tree.data, en]);
  const rows = useMemo(() => rankRows(run, year, en, names), [run, year, en, names]);
  const units = useMemo(
    () =>
      (run.results?.rows ?? [])
        .filter((r) => r.year === year)
        .map((r) => ({ value: r.orgUnit, label: names.get(r.orgUnit) ?? (en ? r.nameEn : r.nameZh) })),
    [run, year, en, names],
  );
  const top = sortByRank(rows)
    .slice(0, 3)
    .map((r) => units.find((u) => u.label === r.name)?.value)
    .filter((v): v is string => !!v);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const radarUnits = chosen ?? top;
  const common = { saveAsImage: t('common:chart.saveAsImage') };
  const interval = buildRankIntervalOption(rows, {
    ...common,
    title: t('interval.title', { year }),
    subtitle: !run.uncertainty
      ? t('interval.nominalOnly')
      : run.uncertainty.year === year
        ? t('interval.subtitle', { runs: run.uncertainty.runs })
        : t('interval.otherYear', { year, analysed: run.uncertainty.year }),
    exportName: `ranking-${run.id}-${year}`,
    interval: t('interval.interval'),
    nominal: t('interval.nominal'),
    median: t('interval.median'),
    rankAxis: t('rankAxis'),
  });
  const radar = buildRadarOption(radarModel(run, year, radarUnits, en, names), {
    ...common,
    title: t('radar.title', { year }),
    subtitle: t('radar.subtitle'),
    exportName: `radar-${run.id}-${year}`,
  });
  const change = buildRankChangeOption(rankChangeModel(run, en, names), {
    ...common,
    title: t('change.title'),
    subtitle: t('change.subtitle'),
    exportName: `rank-change-${run.id}`,
    rankAxis: t('rankAxis'),
  });
  const h = Math.max(320, rows.length * 28 + 110);
  return (
    <Row gutter={[16, 16]} data-testid="ranking-charts">
      <Col xs={24} xl={12}>
        <Card size="small">
          <EChart
            option={interval}
            height={h}
            ariaLabel={t('interval.title', { year })}
            exportName={`ranking-${run.id}-${year}`}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          extra={
            <Space data-testid="radar-units">
              <label htmlFor="radar-units" style={{ whiteSpace: 'nowrap' }}>
                {t('radar.units')}
              </label>
              <Select
                id="radar-units"
                mode="multiple"
                maxCount={5}
                style={{ width: 380, maxWidth: '100%' }}
                value={radarUnits}
                options={units}
                onChange={(v: string[]) => setChosen(v)}
              />
            </Space>
          }
        >
          <EChart
            option={radar}
            height={380}
            ariaLabel={t('radar.title', { year })}
            exportName={`radar-${run.id}-${year}`}
          />
        </Card>
        <Card size="small" style={{ marginTop: 16 }}>
          <EChart
            option={change}
            height={320}
            ariaLabel={t('change.title')}
            exportName={`rank-change-${run.id}`}
          />
        </Card>
      </Col>
    </Row>
  );
}
