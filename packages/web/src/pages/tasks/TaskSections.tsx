// Parts of the task page: lead units' progress, reports (with evidence and the coordinator's review),
// extension requests (with the decision), the timeline, linked indicators, milestones and stage history.
import { useState } from 'react';
import { App, Button, Empty, List, Progress, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { CheckOutlined, PaperClipOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type {
  LinkedIndicator,
  Milestone,
  TaskDetail,
  TaskExtension,
  TaskReport,
  TimelineEntry,
} from '@scimon/contracts';
import { formatDateTime } from '../../components/format.ts';
import { errorText } from '../../components/QueryState.tsx';
import { STATE_COLOURS } from '../../charts/gantt-option.ts';
import { taskWrites, useTaskAction } from './tasks-api.ts';
import { ReasonModal } from './TaskForms.tsx';
import { UnitName, useUnitName } from './UnitName.tsx';

const REPORT_COLOURS: Record<TaskReport['status'], string> = {
  submitted: 'processing',
  returned: 'error',
  accepted: 'success',
};
const EXTENSION_COLOURS: Record<TaskExtension['status'], string> = {
  pending: 'processing',
  refused: 'error',
  approved: 'success',
};

function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function UnitsProgress({ task }: { task: TaskDetail }) {
  const { t } = useTranslation('tasks');
  const visible = new Set(task.visibleUnits);
  const rows = task.units.filter((u) => visible.has(u.leadUnit.code));
  return (
    <Table
      size="small"
      rowKey={(r) => r.leadUnit.code}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('units.none') }}
      columns={[
        { title: t('report.leadUnit'), render: (_, r) => <UnitName unit={r.leadUnit} /> },
        {
          title: t('units.accepted'),
          width: 150,
          render: (_, r) =>
            r.latestAcceptedPercent === null ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <Tooltip title={r.latestAcceptedPeriod}>
                <Progress percent={r.latestAcceptedPercent} size="small" style={{ margin: 0 }} />
              </Tooltip>
            ),
        },
        {
          title: t('units.current'),
          width: 160,
          render: (_, r) => (
            <span className="nowrap">
              {r.currentPeriod}{' '}
              <Tag
                color={r.currentPeriodStatus === 'none' ? 'default' : REPORT_COLOURS[r.currentPeriodStatus]}
              >
                {t(`reportStatus.${r.currentPeriodStatus}`)}
              </Tag>
            </span>
          ),
        },
      ]}
    />
  );
}

function EvidenceLinks({ report }: { report: TaskReport }) {
  if (report.evidence.length === 0) return null;
  return (
    <div className="evidence-list">
      {report.evidence.map((e) => (
        <a key={e.id} href={e.href} className="evidence-link" title={e.sha256} data-testid="evidence-link">
          <PaperClipOutlined /> {e.fileName} <span className="muted">({kb(e.sizeBytes)})</span>
        </a>
      ))}
    </div>
  );
}

export function ReportsList({ task, manager }: { task: TaskDetail; manager: boolean }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  const { message } = App.useApp();
  const [returning, setReturning] = useState<TaskReport | null>(null);
  const accept = useTaskAction((id: number) => taskWrites.accept(id));
  const giveBack = useTaskAction((v: { id: number; reason: string }) =>
    taskWrites.returnReport(v.id, v.reason),
  );
  const milestoneTitle = new Map(task.milestones.map((m) => [m.id, en ? m.titleEn : m.titleZh]));
  const reports = [...task.reports].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id - a.id);
  if (reports.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.none')} />;
  return (
    <>
      <List
        itemLayout="vertical"
        dataSource={reports}
        renderItem={(r) => (
          <List.Item
            key={r.id}
            data-testid="report"
            data-status={r.status}
            actions={
              manager && r.status === 'submitted'
                ? [
                    <Button
                      key="accept"
                      type="primary"
                      size="small"
                      icon={<CheckOutlined />}
                      loading={accept.isPending && accept.variables === r.id}
                      onClick={() =>
                        accept.mutate(r.id, {
                          onSuccess: () => void message.success(t('review.accepted')),
                          onError: (e) => void message.error(errorText(e, (k) => t(k))),
                        })
                      }
                    >
                      {t('review.accept')}
                    </Button>,
                    <Button
                      key="return"
                      danger
                      size="small"
                      icon={<RollbackOutlined />}
                      onClick={() => setReturning(r)}
                    >
                      {t('review.return')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <div className="report-head">
              <Space size={8} wrap>
                <strong>{r.period}</strong>
                <UnitName unit={r.leadUnit} />
                {r.revision > 1 && <Tag>{t('report.revision', { n: r.revision })}</Tag>}
                {r.final && <Tag color="purple">{t('report.finalTag')}</Tag>}
                <Tag color={REPORT_COLOURS[r.status]} data-testid="report-status">
                  {t(`reportStatus.${r.status}`)}
                </Tag>
              </Space>
              <span className="report-percent">
                <Progress percent={r.percent} size="small" style={{ width: 140, margin: 0 }} />
              </span>
            </div>
            <Typography.Paragraph className="report-text" ellipsis={{ rows: 4, expandable: true }}>
              {r.text}
            </Typography.Paragraph>
            {r.milestones.length > 0 && (
              <ul className="report-milestones">
                {r.milestones.map((m) => (
                  <li key={m.milestoneId}>
                    {milestoneTitle.get(m.milestoneId) ?? `#${m.milestoneId}`}:{' '}
                    {m.doneOn ? t('report.milestoneDoneOn', { date: m.doneOn }) : t('report.milestoneOpen')}
                  </li>
                ))}
              </ul>
            )}
            <EvidenceLinks report={r} />
            <div className="report-meta">
              {t('report.submittedBy', { user: r.submittedBy, at: formatDateTime(r.submittedAt) })}
              {r.reviewedBy &&
                ` · ${t(r.status === 'accepted' ? 'report.acceptedBy' : 'report.returnedBy', {
                  user: r.reviewedBy,
                  at: formatDateTime(r.reviewedAt),
                })}`}
            </div>
            {r.status === 'returned' && r.reviewReason && (
              <div className="review-reason" data-testid="return-reason">
                {t('report.returnReason')}: {r.reviewReason}
              </div>
            )}
          </List.Item>
        )}
      />
      <ReasonModal
        open={!!returning}
        title={t('review.returnTitle', { period: returning?.period ?? '' })}
        okText={t('review.return')}
        label={t('review.reason')}
        onClose={() => setReturning(null)}
        onSubmit={(reason) => giveBack.mutateAsync({ id: returning?.id ?? 0, reason })}
      />
    </>
  );
}

export function ExtensionsList({ task, manager }: { task: TaskDetail; manager: boolean }) {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const unitName = useUnitName();
  const [refusing, setRefusing] = useState<TaskExtension | null>(null);
  const approve = useTaskAction((id: number) => taskWrites.approveExtension(id));
  const refuse = useTaskAction((v: { id: number; reason: string }) =>
    taskWrites.refuseExtension(v.id, v.reason),
  );
  if (task.extensions.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('extension.none')} />;
  return (
    <>
      <List
        dataSource={task.extensions}
        renderItem={(e) => (
          <List.Item
            key={e.id}
            data-testid="extension"
            actions={
              manager && e.status === 'pending'
                ? [
                    <Button
                      key="approve"
                      type="primary"
                      size="small"
                      onClick={() =>
                        approve.mutate(e.id, {
                          onSuccess: () => void message.success(t('extension.approved')),
                          onError: (err) => void message.error(errorText(err, (k) => t(k))),
                        })
                      }
                    >
                      {t('extension.approve')}
                    </Button>,
                    <Button key="refuse" danger size="small" onClick={() => setRefusing(e)}>
                      {t('extension.refuse')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={
                <Space size={8} wrap>
                  <span>{unitName.short({ code: e.leadUnit })}</span>
                  <span className="nowrap">
                    {e.currentDue} → <strong>{e.newDue}</strong>
                  </span>
                  <Tag color={EXTENSION_COLOURS[e.status]}>{t(`extensionStatus.${e.status}`)}</Tag>
                </Space>
              }
              description={
                <>
                  <div>{e.reason}</div>
                  <div className="report-meta">
                    {t('extension.requestedBy', { user: e.requestedBy, date: e.requestedOn })}
                    {e.decisionReason && ` · ${t('extension.decisionReason')}: ${e.decisionReason}`}
                  </div>
                </>
              }
            />
          </List.Item>
        )}
      />
      <ReasonModal
        open={!!refusing}
        title={t('extension.refuseTitle')}
        okText={t('extension.refuse')}
        label={t('review.reason')}
        onClose={() => setRefusing(null)}
        onSubmit={(reason) => refuse.mutateAsync({ id: refusing?.id ?? 0, reason })}
      />
    </>
  );
}

const TIMELINE_COLOURS: Record<TimelineEntry['kind'], string> = {
  stage_changed: '#9254de',
  report_submitted: '#1d5fa8',
  report_returned: '#cf1322',
  report_accepted: '#389e0d',
  extension_requested: '#d48806',
  extension_approved: '#389e0d',
  extension_refused: '#cf1322',
  milestone_done: '#13a8a8',
  closed: '#262626',
};

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

export function TaskTimeline({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  const unitName = useUnitName();
  if (task.timeline.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.none')} />;
  const describe = (e: TimelineEntry): string => {
    const d = e.detail;
    switch (e.kind) {
      case 'stage_changed':
        return str(en ? d.stageNameEn : d.stageNameZh);
      case 'report_submitted':
        return t('timeline.reportDetail', {
          period: str(d.period),
          percent: str(d.percent),
          revision: str(d.revision),
        });
      case 'report_returned':
      case 'extension_refused':
        return d.reason ? `${t('review.reason')}: ${str(d.reason)}` : '';
      case 'report_accepted':
        return t('timeline.periodRevision', { period: str(d.period), revision: str(d.revision) });
      case 'extension_requested':
        return `${str(d.currentDue)} → ${str(d.newDue)}`;
      case 'extension_approved':
        return `→ ${str(d.newDue)}`;
      case 'milestone_done':
        return str(en ? d.titleEn : d.titleZh);
      default:
        return '';
    }
  };
  const items = [...task.timeline].reverse();
  return (
    <Timeline
      className="task-timeline"
      items={items.map((e, i) => ({
        key: `${e.kind}-${e.refId ?? ''}-${i}`,
        color: TIMELINE_COLOURS[e.kind],
        children: (
          <div data-testid="timeline-entry" data-kind={e.kind}>
            <div className="timeline-head">
              <span className="timeline-date">{e.date}</span>
              <strong>{t(`timeline.kind.${e.kind}`)}</strong>
              {e.leadUnit && <span className="muted">{unitName.short({ code: e.leadUnit })}</span>}
              {e.actor && <span className="muted">· {e.actor}</span>}
            </div>
            {describe(e) && <div className="timeline-detail">{describe(e)}</div>}
            {e.kind === 'stage_changed' && e.detail.evidence && (
              <div className="timeline-detail muted">
                {t('manage.stageEvidence')}: {str(e.detail.evidence)}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

export function MilestoneTable({ milestones }: { milestones: Milestone[] }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  return (
    <Table<Milestone>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={milestones}
      columns={[
        { title: t('milestone.title'), render: (_, m) => (en ? m.titleEn : m.titleZh) },
        { title: t('milestone.due'), dataIndex: 'dueDate', width: 110 },
        { title: t('milestone.done'), width: 110, render: (_, m) => m.doneOn ?? '—' },
        {
          title: t('milestone.stateLabel'),
          width: 96,
          render: (_, m) => (
            <Tag color={STATE_COLOURS[m.state]} bordered={false}>
              {t(`milestone.state.${m.state}`)}
            </Tag>
          ),
        },
      ]}
    />
  );
}

export function IndicatorsTable({ indicators }: { indicators: LinkedIndicator[] }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  return (
    <Table<LinkedIndicator>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={indicators}
      columns={[
        {
          title: t('indicator.name'),
          render: (_, r) => (en ? r.nameEn : r.nameZh) ?? r.code,
        },
        {
          title: t('indicator.value'),
          width: 116,
          render: (_, r) =>
            r.value === null ? (
              <Tooltip
                title={
                  r.notAvailableReason
                    ? t(`indicator.reason.${r.notAvailableReason}`, { defaultValue: r.notAvailableReason })
                    : undefined
                }
              >
                <Typography.Text type="secondary">{t('indicator.notAvailable')}</Typography.Text>
              </Tooltip>
            ) : (
              <span className="nowrap">
                {r.value.toLocaleString()} {(en ? r.unitEn : r.unitZh) ?? ''}
                {r.year !== null && <span className="muted"> ({r.year})</span>}
              </span>
            ),
        },
        {
          title: t('indicator.target'),
          width: 70,
          render: (_, r) =>
            r.target === null
              ? '—'
              : `${r.target.toLocaleString()}${r.targetYear ? ` (${r.targetYear})` : ''}`,
        },
        {
          title: t('indicator.status'),
          width: 88,
          render: (_, r) => t(`indicator.statusName.${r.status}`, { defaultValue: r.status }),
        },
      ]}
    />
  );
}

export function StageHistory({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.changedOn}-${r.stage}`}
      pagination={false}
      dataSource={[...task.stageHistory].reverse()}
      columns={[
        { title: t('manage.changedOn'), dataIndex: 'changedOn', width: 110 },
        { title: t('task.stage'), width: 150, render: (_, r) => (en ? r.stageNameEn : r.stageNameZh) },
        { title: t('manage.stageEvidence'), render: (_, r) => r.evidence ?? '—' },
      ]}
    />
  );
}
