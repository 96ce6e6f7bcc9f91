// One task: its facts and colour, the actions the signed-in user may take, the milestone chart, the lead
// units' progress, reports with evidence and review, extension requests, the timeline, linked indicators.
import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  FileAddOutlined,
  FlagOutlined,
  FieldTimeOutlined,
  NodeIndexOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '@scimon/contracts';
import { useSession } from '../../auth/session.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../api/http.ts';
import { useTaskDetail } from './tasks-api.ts';
import { ColourTag } from './ColourTag.tsx';
import { DueCell, PercentCell } from './TaskBoardView.tsx';
import { UnitNames } from './UnitName.tsx';
import { daysBetween, fileableUnits, isManager } from './task-view.ts';
import {
  CloseModal,
  DueDateModal,
  ExtensionModal,
  MilestoneModal,
  ReportModal,
  StageModal,
} from './TaskForms.tsx';
import {
  ExtensionsList,
  IndicatorsTable,
  MilestoneTable,
  ReportsList,
  StageHistory,
  TaskTimeline,
  UnitsProgress,
} from './TaskSections.tsx';

const MilestoneChart = lazy(() => import('./MilestoneChart.tsx'));

type Dialog = 'report' | 'extension' | 'due' | 'stage' | 'milestone' | 'close' | null;

function Facts({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      className="task-facts"
      items={[
        {
          key: 'article',
          label: t('task.article'),
          children: `${task.articleCode} ${en ? task.articleTitleEn : task.articleTitleZh}`,
        },
        { key: 'lead', label: t('task.leadUnits'), children: <UnitNames units={task.leadUnits} /> },
        {
          key: 'co',
          label: t('task.coUnits'),
          children: task.coUnits.length ? <UnitNames units={task.coUnits} /> : '—',
        },
        { key: 'start', label: t('task.start'), children: task.startDate },
        { key: 'due', label: t('task.due'), children: <DueCell task={task} /> },
        {
          key: 'percent',
          label: t('task.percent'),
          children: (
            <div style={{ width: 180 }}>
              <PercentCell percent={task.percent} timeShare={task.timeShare} />
            </div>
          ),
        },
        {
          key: 'share',
          label: t('task.timeShare'),
          children: task.timeShare === null ? '—' : `${task.timeShare}%`,
        },
        {
          key: 'stage',
          label: t('task.stage'),
          children: (en ? task.stageNameEn : task.stageNameZh) ?? '—',
        },
        ...(task.parentCode
          ? [
              {
                key: 'parent',
                label: t('task.parent'),
                children: <Link to={`/tasks/${encodeURIComponent(task.parentCode)}`}>{task.parentCode}</Link>,
              },
            ]
          : []),
        ...(task.children.length
          ? [
              {
                key: 'children',
                label: t('task.children'),
                children: (
                  <Space size={8} wrap>
                    {task.children.map((c) => (
                      <Link key={c} to={`/tasks/${encodeURIComponent(c)}`}>
                        {c}
                      </Link>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
        ...(task.closure
          ? [
              {
                key: 'closed',
                label: t('task.closedOn'),
                children: `${task.closure.closedOn} · ${task.closure.signedBy}`,
              },
            ]
          : []),
      ]}
    />
  );
}

function Detail({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  const { user } = useSession();
  const manager = isManager(user);
  const units = fileableUnits(user, task);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const open = !task.closedOn;
  const canExtend = open && !!task.dueDate && daysBetween(task.asOf, task.dueDate) >= 0 && units.length > 0;
  const seesReports = task.visibleUnits.length > 0;

  return (
    <>
      <div className="task-title-row">
        <Link to="/tasks" className="back-link">
          <ArrowLeftOutlined /> {t('detail.back')}
        </Link>
      </div>
      <div className="task-title-row">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="task-title">
          <span className="task-code">{task.code}</span> {en ? task.titleEn : task.titleZh}
        </Typography.Title>
        <span className="task-colour-big">
          <ColourTag colour={task.colour} />
          <Typography.Text type="secondary" data-testid="colour-reason">
            {t(`reason.${task.colourReason}`)}
          </Typography.Text>
        </span>
      </div>
      <Facts task={task} />
      {task.closedOn && (
        <Alert
          type="success"
          showIcon
          message={t('detail.closed', { date: task.closedOn })}
          description={task.closure?.summary}
          style={{ marginBottom: 12 }}
        />
      )}
      {(units.length > 0 || manager) && (
        <div className="task-actions" data-testid="task-actions">
          {units.length > 0 && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setDialog('report')}>
              {t('actions.fileReport')}
            </Button>
          )}
          {canExtend && (
            <Button icon={<FieldTimeOutlined />} onClick={() => setDialog('extension')}>
              {t('actions.requestExtension')}
            </Button>
          )}
          {manager && open && (
            <>
              <span className="action-sep" />
              <Button icon={<CalendarOutlined />} onClick={() => setDialog('due')}>
                {t('actions.setDue')}
              </Button>
              <Button icon={<FlagOutlined />} onClick={() => setDialog('milestone')}>
                {t('actions.addMilestone')}
              </Button>
              <Button icon={<NodeIndexOutlined />} onClick={() => setDialog('stage')}>
                {t('actions.changeStage')}
              </Button>
              <Button icon={<CheckCircleOutlined />} onClick={() => setDialog('close')}>
                {t('actions.close')}
              </Button>
            </>
          )}
        </div>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('detail.milestones')}>
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 160 }} />}>
              <MilestoneChart task={task} />
            </Suspense>
            {task.milestones.length > 0 ? (
              <MilestoneTable milestones={task.milestones} />
            ) : (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {t('milestone.none')}
              </Typography.Paragraph>
            )}
          </Card>
          {seesReports && (
            <Card size="small" title={t('detail.reports')} style={{ marginTop: 16 }}>
              <ReportsList task={task} manager={manager} />
            </Card>
          )}
          {seesReports && (
            <Card size="small" title={t('detail.extensions')} style={{ marginTop: 16 }}>
              <ExtensionsList task={task} manager={manager} />
            </Card>
          )}
          {!seesReports && (
            <Alert type="info" showIcon message={t('detail.reportsHidden')} style={{ marginTop: 16 }} />
          )}
        </Col>
        <Col xs={24} xl={9}>
          {seesReports && (
            <Card size="small" title={t('detail.units')} style={{ marginBottom: 16 }}>
              <UnitsProgress task={task} />
            </Card>
          )}
          <Card size="small" title={t('detail.timeline')} style={{ marginBottom: 16 }}>
            <TaskTimeline task={task} />
          </Card>
          {task.indicators.length > 0 && (
            <Card size="small" title={t('detail.indicators')} style={{ marginBottom: 16 }}>
              <IndicatorsTable indicators={task.indicators} />
            </Card>
          )}
          {task.stageHistory.length > 0 && (
            <Card size="small" title={t('detail.stageHistory')}>
              <StageHistory task={task} />
            </Card>
          )}
        </Col>
      </Row>
      {dialog === 'report' && <ReportModal task={task} units={units} open onClose={close} />}
      {dialog === 'extension' && <ExtensionModal task={task} units={units} open onClose={close} />}
      {dialog === 'due' && <DueDateModal task={task} open onClose={close} />}
      {dialog === 'stage' && <StageModal task={task} open onClose={close} />}
      {dialog === 'milestone' && <MilestoneModal task={task} open onClose={close} />}
      {dialog === 'close' && <CloseModal task={task} open onClose={close} />}
    </>
  );
}

export default function TaskDetailView({ code }: { code: string }) {
  const { t } = useTranslation('tasks');
  const q = useTaskDetail(code);
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Alert type="warning" showIcon message={t('detail.notFound', { code })} />;
  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      {q.data && <Detail task={q.data} />}
    </QueryState>
  );
}
