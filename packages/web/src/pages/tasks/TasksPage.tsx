// 督办: one page behind /tasks and /tasks/*: the board, the scoreboard, my reminders, and one task's detail.
import { lazy, Suspense } from 'react';
import { Badge, Segmented, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useReminders } from './tasks-api.ts';
import './tasks.css';

const TaskBoardView = lazy(() => import('./TaskBoardView.tsx'));
const ScoreboardView = lazy(() => import('./ScoreboardView.tsx'));
const RemindersView = lazy(() => import('./RemindersView.tsx'));
const TaskDetailView = lazy(() => import('./TaskDetailView.tsx'));

type Section = 'board' | 'scoreboard' | 'reminders';

export default function TasksPage() {
  const { t } = useTranslation('tasks');
  const rest = useParams()['*'] ?? '';
  const navigate = useNavigate();
  const { user } = useSession();
  const reminders = useReminders(!!user && !user.mustChangePassword);
  const reminderCount = reminders.data?.items.length ?? 0;

  const section: Section | null =
    rest === '' ? 'board' : rest === 'scoreboard' || rest === 'reminders' ? rest : null;
  const code = section ? null : decodeURIComponent(rest.split('/')[0] ?? '');

  const options = [
    { value: 'board', label: t('tabs.board') },
    { value: 'scoreboard', label: t('tabs.scoreboard') },
    ...(user
      ? [
          {
            value: 'reminders',
            label: (
              <span data-testid="reminders-tab">
                {t('tabs.reminders')}{' '}
                <Badge
                  count={reminderCount}
                  size="small"
                  overflowCount={99}
                  color={reminderCount ? '#cf1322' : undefined}
                />
              </span>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="tasks-page">
      <div className="tasks-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Segmented
          value={section ?? 'board'}
          options={options}
          onChange={(v) => navigate(v === 'board' ? '/tasks' : `/tasks/${v}`)}
        />
      </div>
      <Suspense fallback={<PageLoading />}>
        {section === 'board' && <TaskBoardView />}
        {section === 'scoreboard' && <ScoreboardView />}
        {section === 'reminders' && <RemindersView />}
        {code && <TaskDetailView code={code} />}
      </Suspense>
    </div>
  );
}
