// 排名: published evaluation runs (issue 6) — rank intervals, a dimension radar per unit, rank change
// year on year. The header link appears only once a published run exists; without one this page says so.
import { lazy, Suspense, useState } from 'react';
import { Card, Descriptions, Empty, Select, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationRunDetail } from '@scimon/contracts';
import { useEvaluationRun, usePublishedRuns } from '../../api/evaluation.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../components/format.ts';

const RankingCharts = lazy(() => import('./RankingCharts.tsx'));

/** Normalisation and aggregation of the run, e.g. `minmax · amean` (per level: `amean / gmean`). */
function methodText(run: EvaluationRunDetail): string {
  const agg = run.settings.aggregate.method;
  return `${run.settings.normalise.method} · ${Array.isArray(agg) ? agg.join(' / ') : agg}`;
}

export default function RankingPage() {
  const { t } = useTranslation('ranking');
  const runs = usePublishedRuns();
  const [runId, setRunId] = useState<number | undefined>(undefined);
  const id = runId ?? runs.data?.[0]?.id;
  const run = useEvaluationRun(id);
  const [yearChoice, setYear] = useState<number | undefined>(undefined);
  const years = run.data?.years ?? [];
  const year = yearChoice && years.includes(yearChoice) ? yearChoice : years[years.length - 1];
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {runs.data && runs.data.length > 0 && (
          <Space>
            <label htmlFor="ranking-run">{t('run')}</label>
            <span data-testid="ranking-run">
              <Select
                id="ranking-run"
                style={{ width: 320 }}
                value={id}
                options={runs.data.map((r) => ({
                  value: r.id,
                  label: r.name ?? `#${r.id} · ${r.years.join('、')}`,
                }))}
                onChange={(v: number) => setRunId(v)}
              />
            </span>
            <label htmlFor="ranking-year">{t('common:chart.year')}</label>
            <span data-testid="ranking-year">
              <Select
                id="ranking-year"
                style={{ width: 100 }}
                value={year}
                options={years.map((y) => ({ value: y, label: String(y) }))}
                onChange={(v: number) => setYear(v)}
              />
            </span>
          </Space>
        )}
      </Space>
      <QueryState isPending={runs.isPending} error={runs.error} onRetry={() => void runs.refetch()}>
        {runs.data?.length === 0 ? (
          <Card>
            <Empty description={t('none')} data-testid="ranking-empty" />
          </Card>
        ) : (
          <QueryState isPending={run.isPending} error={run.error} isEmpty={!run.data?.results}>
            {run.data && year !== undefined && (
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
                  <Descriptions.Item label={t('meta.level')}>
                    {t(`level.${run.data.level}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('meta.framework')}>
                    {run.data.framework.code} v{run.data.framework.version}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('meta.method')}>{methodText(run.data)}</Descriptions.Item>
                  <Descriptions.Item label={t('meta.uncertainty')}>
                    {run.data.uncertainty
                      ? t('meta.monteCarlo', {
                          runs: run.data.uncertainty.runs,
                          year: run.data.uncertainty.year,
                        })
                      : t('meta.noUncertainty')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('meta.published')}>
                    {formatDateTime(run.data.publishedAt)}
                  </Descriptions.Item>
                </Descriptions>
                <Suspense fallback={<Skeleton active />}>
                  <RankingCharts run={run.data} year={year} />
                </Suspense>
              </Space>
            )}
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}
