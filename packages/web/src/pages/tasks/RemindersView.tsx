// 我的提醒: the signed-in user's overdue and due-soon items (tasks, milestones, reports) and work waiting
// (returned reports, reviews, extension requests), overdue first.
import { useMemo, useState } from 'react';
import { Alert, List, Segmented, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReminderItem, ReminderKind } from '@scimon/contracts';
import { useSession } from '../../auth/session.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useReminders } from './tasks-api.ts';
import { REMINDER_GROUPS, reminderGroup, sortReminders, type ReminderGroup } from './task-view.ts';

const KIND_COLOURS: Record<ReminderKind, string> = {
  task_overdue: 'red',
  report_overdue: 'red',
  report_returned: 'volcano',
  task_due_soon: 'gold',
  milestone_due: 'gold',
  report_due: 'blue',
  review_pending: 'geekblue',
  extension_pending: 'geekblue',
};

const GROUP_KEYS: Record<ReminderGroup, string> = {
  overdue: 'reminders.groupOverdue',
  dueSoon: 'reminders.groupDueSoon',
  todo: 'reminders.groupTodo',
};

export function RemindersList({ items }: { items: ReminderItem[] }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  return (
    <List
      className="reminders"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: t('reminders.none') }}
      renderItem={(r) => (
        <List.Item data-testid="reminder" data-kind={r.kind}>
          <div className="reminder-row">
            <Tag color={KIND_COLOURS[r.kind]} className="reminder-kind">
              {t(`reminders.kind.${r.kind}`)}
            </Tag>
            <Link to={`/tasks/${encodeURIComponent(r.taskCode)}`} className="reminder-task">
              <strong>{r.taskCode}</strong> {en ? r.taskTitleEn : r.taskTitleZh}
            </Link>
            <span className="reminder-date">{r.date ?? ''}</span>
          </div>
          <div className="reminder-message">{en ? r.messageEn : r.messageZh}</div>
        </List.Item>
      )}
    />
  );
}

export default function RemindersView() {
  const { t } = useTranslation('tasks');
  const { user, isLoading } = useSession();
  const q = useReminders(!!user && !user.mustChangePassword);
  const [group, setGroup] = useState<ReminderGroup | 'all'>('all');
  const today = q.data?.asOf ?? '';
  const sorted = useMemo(() => sortReminders(q.data?.items ?? [], today), [q.data, today]);
  const counts = useMemo(() => {
    const c: Record<ReminderGroup, number> = { overdue: 0, dueSoon: 0, todo: 0 };
    for (const i of sorted) c[reminderGroup(i, today)] += 1;
    return c;
  }, [sorted, today]);
  const shown = group === 'all' ? sorted : sorted.filter((i) => reminderGroup(i, today) === group);
  if (!isLoading && !user) return <Alert type="info" showIcon message={t('reminders.signIn')} />;
  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      <div className="reminder-filter">
        <Typography.Text type="secondary">
          {t('reminders.intro', { date: today, count: sorted.length })}
        </Typography.Text>
        <Segmented<ReminderGroup | 'all'>
          value={group}
          onChange={setGroup}
          options={[
            { value: 'all', label: `${t('reminders.all')} ${sorted.length}` },
            ...REMINDER_GROUPS.map((g) => ({ value: g, label: `${t(GROUP_KEYS[g])} ${counts[g]}` })),
          ]}
        />
      </div>
      <RemindersList items={shown} />
    </QueryState>
  );
}
