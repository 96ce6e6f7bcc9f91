// 考核计分: one row per lead unit over every task it leads, the rates behind the score, the weights in force,
// and the .xlsx export. Signed-in users only (the API's rule).
import { Alert, Button, Progress, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ScoreboardRow } from '@scimon/contracts';
import { useSession } from '../../auth/session.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useScoreboard } from './tasks-api.ts';
import { ColourCounts } from './ColourTag.tsx';
import { UnitName } from './UnitName.tsx';
import { rateText } from './task-view.ts';

function Rate({ rate, num, den }: { rate: number | null; num: number; den: number }) {
  return (
    <span className="rate-cell">
      <span>{rateText(rate)}</span>
      <span className="muted">
        {num}/{den}
      </span>
    </span>
  );
}

export default function ScoreboardView() {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  const { user, isLoading } = useSession();
  const q = useScoreboard(!!user && !user.mustChangePassword);
  if (!isLoading && !user) return <Alert type="info" showIcon message={t('scoreboard.signIn')} />;
  const rules = q.data?.rules ?? [];
  const weightSum = rules.reduce((s, r) => s + r.weight, 0);

  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      <div className="tasks-toolbar">
        <Typography.Text type="secondary" className="score-rules">
          {t('scoreboard.asOf', { date: q.data?.asOf ?? '' })} · {t('scoreboard.weights')}:{' '}
          {rules
            .map(
              (r) =>
                `${en ? r.nameEn : r.nameZh} ${weightSum ? Math.round((r.weight / weightSum) * 100) : 0}%`,
            )
            .join(t('listSep'))}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href="/api/tasks/export.xlsx" download>
          {t('scoreboard.export')}
        </Button>
      </div>
      <Table<ScoreboardRow>
        size="small"
        rowKey={(r) => r.leadUnit.code}
        pagination={false}
        dataSource={q.data?.items ?? []}
        data-testid="scoreboard"
        scroll={{ x: 1100 }}
        columns={[
          { title: t('scoreboard.rank'), dataIndex: 'rank', width: 56, align: 'center' },
          {
            title: t('report.leadUnit'),
            width: en ? 120 : 150,
            render: (_, r) => (
              <span data-testid="score-unit" data-unit={r.leadUnit.code}>
                <UnitName unit={r.leadUnit} />
              </span>
            ),
          },
          {
            title: t('scoreboard.score'),
            width: 150,
            render: (_, r) =>
              r.score === null ? (
                '—'
              ) : (
                <Progress
                  percent={Math.round(r.score * 10) / 10}
                  size="small"
                  format={(p) => (p ?? 0).toFixed(1)}
                  style={{ margin: 0 }}
                />
              ),
          },
          { title: t('scoreboard.tasksLed'), dataIndex: 'tasksLed', width: 80, align: 'right' },
          {
            title: t('scoreboard.colours'),
            width: 170,
            render: (_, r) => <ColourCounts counts={r.colours} />,
          },
          {
            title: (
              <Tooltip title={t('scoreboard.onTimeReportsHint')}>{t('scoreboard.onTimeReports')}</Tooltip>
            ),
            width: 110,
            render: (_, r) => <Rate rate={r.onTimeReportRate} num={r.reportsOnTime} den={r.reportsDue} />,
          },
          {
            title: (
              <Tooltip title={t('scoreboard.onTimeClosureHint')}>{t('scoreboard.onTimeClosure')}</Tooltip>
            ),
            width: 110,
            render: (_, r) => (
              <Rate rate={r.onTimeClosureRate} num={r.closedOnTime} den={r.tasksDueOrClosed} />
            ),
          },
          {
            title: t('scoreboard.overdue'),
            width: 80,
            align: 'right',
            render: (_, r) => (
              <span className={r.overdue ? 'overdue-count' : ''} data-testid="score-overdue">
                {r.overdue}
              </span>
            ),
          },
          {
            title: t('scoreboard.milestones'),
            width: 110,
            render: (_, r) => <Rate rate={r.milestoneRate} num={r.milestonesMet} den={r.milestonesDue} />,
          },
          {
            title: t('scoreboard.indicators'),
            width: 100,
            render: (_, r) =>
              r.indicatorProgress === null ? (
                <Typography.Text type="secondary">{t('indicator.notAvailable')}</Typography.Text>
              ) : (
                rateText(r.indicatorProgress)
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="score-note">
        {t('scoreboard.note')}
      </Typography.Paragraph>
    </QueryState>
  );
}
