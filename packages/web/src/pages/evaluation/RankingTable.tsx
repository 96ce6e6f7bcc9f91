// The ranking of one year: nominal rank, index score, dimension scores, and the rank interval as a bar
// on a track of ranks 1 … n (Q5–Q95 of the Monte Carlo, a tick at the median, a diamond at the nominal).
import { Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationRunDetail } from '@scimon/contracts';
import { intervalGeometry, rankingRows, type RankingRow } from '../../features/evaluation/run-view.ts';
import { formatNumber } from '../../charts/common-option.ts';

export function RankingTable({ run, year }: { run: EvaluationRunDetail; year: number }) {
  const { t, i18n } = useTranslation('evaluation');
  const en = i18n.language === 'en-US';
  const rows = rankingRows(run, year, en);
  const n = rows.length;
  const hasMc = run.uncertainty?.year === year;
  const dims = (run.results?.nodes ?? []).filter((x) => x.kind === 'dimension');
  return (
    <>
      <Typography.Paragraph type="secondary" className="ev-hint">
        {hasMc ? t('ranking.intervalHint', { runs: run.uncertainty?.runs ?? 0 }) : t('ranking.noMcHint')}
      </Typography.Paragraph>
      <Table<RankingRow>
        size="small"
        rowKey="orgUnit"
        data-testid="ranking-table"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('ranking.rank'), dataIndex: 'nominal', width: 60, align: 'center', fixed: 'left' },
          { title: t('ranking.unit'), dataIndex: 'name', width: 220, fixed: 'left', ellipsis: true },
          {
            title: t('ranking.score'),
            dataIndex: 'score',
            width: 80,
            align: 'right',
            render: (v: number | null) => <strong>{formatNumber(v)}</strong>,
          },
          ...dims.map((d) => ({
            title: <Tooltip title={en ? d.nameEn : d.nameZh}>{d.code}</Tooltip>,
            key: d.code,
            width: 64,
            align: 'right' as const,
            render: (_: unknown, r: RankingRow) => formatNumber(r.dimensions[d.code] ?? null, 1),
          })),
          {
            title: (
              <span className="ev-interval-head">
                {t('ranking.interval')}
                <span className="ev-legend">
                  <i className="ev-legend-bar" /> Q5–Q95 <i className="ev-legend-median" />{' '}
                  {t('ranking.median')} <i className="ev-legend-nominal" /> {t('ranking.nominal')}
                </span>
              </span>
            ),
            key: 'interval',
            width: 340,
            render: (_: unknown, r: RankingRow) => <IntervalBar row={r} n={n} />,
          },
          {
            title: 'Q5 / ' + t('ranking.median') + ' / Q95',
            key: 'q',
            width: 130,
            align: 'center',
            render: (_: unknown, r: RankingRow) =>
              r.q5 === null ? '—' : `${r.q5} / ${formatNumber(r.median, 1)} / ${r.q95}`,
          },
        ]}
      />
    </>
  );
}

function IntervalBar({ row, n }: { row: RankingRow; n: number }) {
  const { t } = useTranslation('evaluation');
  const g = intervalGeometry(row, n);
  if (!g) return null;
  const label =
    row.q5 === null
      ? t('ranking.barNominal', { nominal: row.nominal })
      : t('ranking.barLabel', {
          q5: row.q5,
          q95: row.q95,
          median: formatNumber(row.median, 1),
          nominal: row.nominal,
        });
  return (
    <Tooltip title={label}>
      <div className="ev-track" role="img" aria-label={label} data-testid="rank-interval">
        <div className="ev-track-ticks" style={{ backgroundSize: `${100 / n}% 100%` }} />
        {g.width > 0 && <div className="ev-bar" style={{ left: `${g.left}%`, width: `${g.width}%` }} />}
        {g.median !== null && <div className="ev-median" style={{ left: `${g.median}%` }} />}
        {g.nominal !== null && <div className="ev-nominal" style={{ left: `${g.nominal}%` }} />}
      </div>
    </Tooltip>
  );
}
