// The run's tables: effective weights down the hierarchy (with AHP checks and entropy), the outlier
// treatment and treated points, and the statistical audit per dimension with its warnings.
import { Card, Col, Empty, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationRunDetail } from '@scimon/contracts';
import { weightTree, type WeightRow } from '../../features/evaluation/run-view.ts';
import { formatNumber } from '../../charts/common-option.ts';

type Results = NonNullable<EvaluationRunDetail['results']>;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function RunTables({ run }: { run: EvaluationRunDetail }) {
  const { t, i18n } = useTranslation('evaluation');
  const en = i18n.language === 'en-US';
  const res = run.results as Results;
  const nodeName = (code: string) => {
    const n = res.nodes.find((x) => x.code === code);
    return n ? (en ? n.nameEn : n.nameZh) : code;
  };
  const unitName = new Map(res.rows.map((r) => [r.orgUnit, en ? r.nameEn : r.nameZh]));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('weightsTable.title')} data-testid="effective-weights">
          <Typography.Paragraph type="secondary" className="ev-hint">
            {t('weightsTable.hint')}
          </Typography.Paragraph>
          <Table<WeightRow>
            size="small"
            pagination={false}
            scroll={{ y: 360 }}
            dataSource={weightTree(res, en)}
            columns={[
              {
                title: t('weights.node'),
                dataIndex: 'name',
                render: (name: string, r) => (
                  <span>
                    {r.kind === 'dimension' && <Tag color="blue">{r.code}</Tag>}
                    {name}
                  </span>
                ),
              },
              {
                title: t('weightsTable.weight'),
                dataIndex: 'weight',
                width: 100,
                align: 'right',
                render: (w: number) => formatNumber(w, 4),
              },
              {
                title: t('weightsTable.effective'),
                dataIndex: 'effectiveWeight',
                width: 170,
                render: (w: number) => (
                  <div className="ev-weight-cell">
                    <div className="ev-weight-bar" style={{ width: `${Math.min(100, w * 100 * 2.5)}%` }} />
                    <span>{pct(w)}</span>
                  </div>
                ),
              },
            ]}
          />
          {res.weighting.ahp.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text strong>{t('weightsTable.ahp')}</Typography.Text>
              <ul className="ev-list">
                {res.weighting.ahp.map((a) => (
                  <li key={a.parent}>
                    {a.parent === 'INDEX' ? t('ahp.index') : nodeName(a.parent)}: λmax{' '}
                    {a.lambdaMax.toFixed(3)} · CI {a.ci.toFixed(3)} · CR {a.cr.toFixed(3)}{' '}
                    <Tag color={a.consistent ? 'success' : 'error'}>
                      {a.consistent ? t('ahp.consistent') : t('ahp.inconsistent')}
                    </Tag>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('treatment.title')} data-testid="treated-points">
          {res.treatedPoints.length === 0 &&
          res.treatment.every((x) => x.winsorised === 0 && !x.transformed) ? (
            <Empty
              description={run.settings.treat.method === 'none' ? t('treatment.off') : t('treatment.none')}
            />
          ) : (
            <>
              <Table
                size="small"
                rowKey="indicator"
                pagination={false}
                dataSource={res.treatment.filter((x) => x.winsorised > 0 || x.transformed)}
                columns={[
                  { title: t('treatment.indicator'), dataIndex: 'indicator', render: nodeName },
                  {
                    title: t('treatment.skewKurt'),
                    render: (_: unknown, x: Results['treatment'][number]) =>
                      `${formatNumber(x.skewBefore)} / ${formatNumber(x.kurtBefore)} → ${formatNumber(x.skewAfter)} / ${formatNumber(x.kurtAfter)}`,
                  },
                  { title: t('treatment.winsorised'), dataIndex: 'winsorised', width: 90, align: 'right' },
                  {
                    title: t('treatment.transformed'),
                    dataIndex: 'transformed',
                    width: 110,
                    render: (v: string | null) => v ?? '—',
                  },
                ]}
              />
              <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
                {t('treatment.points', { count: res.treatedPoints.length })}
              </Typography.Text>
              <Table
                size="small"
                rowKey={(p) => `${p.orgUnit}-${p.year}-${p.indicator}`}
                pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
                dataSource={res.treatedPoints}
                columns={[
                  {
                    title: t('ranking.unit'),
                    dataIndex: 'orgUnit',
                    render: (c: string) => unitName.get(c) ?? c,
                  },
                  { title: t('ranking.year'), dataIndex: 'year', width: 70 },
                  { title: t('treatment.indicator'), dataIndex: 'indicator', render: nodeName },
                  { title: t('treatment.how'), dataIndex: 'treatment', width: 110 },
                ]}
              />
            </>
          )}
        </Card>
        <Card size="small" title={t('audit.title')} style={{ marginTop: 16 }} data-testid="audit">
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={res.audit.map(({ code, cronbachAlpha, explainedVariance, warnings }) => ({
              code,
              cronbachAlpha,
              explainedVariance,
              warnings,
            }))}
            columns={[
              {
                title: t('audit.node'),
                dataIndex: 'code',
                render: (c: string) => (c === 'INDEX' ? t('ahp.index') : nodeName(c)),
              },
              {
                title: (
                  <Tooltip title={t('audit.alphaHint')}>
                    <span>Cronbach α</span>
                  </Tooltip>
                ),
                dataIndex: 'cronbachAlpha',
                width: 100,
                align: 'right',
                render: (v: number | null) => formatNumber(v, 3),
              },
              {
                title: t('audit.pc1'),
                dataIndex: 'explainedVariance',
                width: 100,
                align: 'right',
                render: (v: number[]) => (v[0] === undefined ? '—' : pct(v[0])),
              },
              {
                title: t('audit.warnings'),
                dataIndex: 'warnings',
                render: (ws: string[]) =>
                  ws.length === 0 ? (
                    <Tag color="success">{t('audit.ok')}</Tag>
                  ) : (
                    ws.map((w) => (
                      <Tag key={w} color="warning" style={{ marginBottom: 2 }}>
                        {t(`warnings.${w}`, { defaultValue: w })}
                      </Tag>
                    ))
                  ),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
