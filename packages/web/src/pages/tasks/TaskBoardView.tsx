// 任务看板: every task grouped by article, lead unit or colour, with colour counts per group; filters by
// colour and lead unit. Public.
import { useMemo, useState } from 'react';
import { Collapse, Progress, Select, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TaskColour, TaskSummary } from '@scimon/contracts';
import { useLeadUnits } from '../../api/catalogue.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useTaskBoard, type BoardBy } from './tasks-api.ts';
import { ColourCounts, ColourTag } from './ColourTag.tsx';
import { UnitNames, useUnitName } from './UnitName.tsx';
import { COLOUR_ORDER } from './task-view.ts';

export function PercentCell({ percent, timeShare }: { percent: number | null; timeShare: number | null }) {
  const { t } = useTranslation('tasks');
  if (percent === null) return <Typography.Text type="secondary">{t('task.noPercent')}</Typography.Text>;
  return (
    <Tooltip title={timeShare === null ? undefined : t('task.timeShareHint', { share: timeShare })}>
      <Progress percent={percent} size="small" style={{ margin: 0, minWidth: 96 }} />
    </Tooltip>
  );
}

export function DueCell({ task }: { task: Pick<TaskSummary, 'dueDate' | 'dueDateAssumption'> }) {
  const { t } = useTranslation('tasks');
  if (!task.dueDate) return <Typography.Text type="secondary">{t('task.noDue')}</Typography.Text>;
  return (
    <span className="nowrap">
      {task.dueDate}
      {task.dueDateAssumption && (
        <Tooltip title={t('task.dueAssumedHint')}>
          <Typography.Text type="secondary" className="assumed">
            {' '}
            {t('task.dueAssumed')}
          </Typography.Text>
        </Tooltip>
      )}
    </span>
  );
}

function TaskTable({ items }: { items: TaskSummary[] }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  return (
    <Table<TaskSummary>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={items}
      tableLayout="fixed"
      columns={[
        {
          title: t('task.code'),
          dataIndex: 'code',
          width: 104,
          render: (code: string, r) => (
            <Link to={`/tasks/${encodeURIComponent(code)}`} className={r.parentCode ? 'subtask-code' : ''}>
              {code}
            </Link>
          ),
        },
        {
          title: t('task.title'),
          render: (_, r) => (
            <Link to={`/tasks/${encodeURIComponent(r.code)}`} className="task-title-link">
              {en ? r.titleEn : r.titleZh}
            </Link>
          ),
        },
        {
          title: t('task.leadUnits'),
          width: en ? 250 : 270,
          render: (_, r) => <UnitNames units={r.leadUnits} />,
        },
        {
          title: t('task.due'),
          width: en ? 150 : 130,
          render: (_, r) => <DueCell task={r} />,
        },
        {
          title: t('task.percent'),
          width: 150,
          render: (_, r) => <PercentCell percent={r.percent} timeShare={r.timeShare} />,
        },
        {
          title: t('task.colour'),
          width: 72,
          align: 'center',
          render: (_, r) => <ColourTag colour={r.colour} reason={r.colourReason} />,
        },
      ]}
    />
  );
}

export default function TaskBoardView() {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  const [by, setBy] = useState<BoardBy>('article');
  const [colour, setColour] = useState<TaskColour | undefined>();
  const [leadUnit, setLeadUnit] = useState<string | undefined>();
  const board = useTaskBoard({ by, colour, leadUnit });
  const units = useLeadUnits();
  const unitName = useUnitName();
  const groups = useMemo(() => board.data?.groups ?? [], [board.data]);
  const total = useMemo(() => {
    const c = { red: 0, yellow: 0, green: 0, blue: 0 };
    for (const g of groups) for (const k of COLOUR_ORDER) c[k] += g.counts[k];
    return c;
  }, [groups]);
  const taskCount = COLOUR_ORDER.reduce((s, k) => s + total[k], 0);

  return (
    <div>
      <div className="tasks-toolbar">
        <Space wrap size={12}>
          <span>
            <span className="toolbar-label">{t('board.groupBy')}</span>
            <Segmented<BoardBy>
              value={by}
              onChange={setBy}
              options={[
                { value: 'article', label: t('board.byArticle') },
                { value: 'leadUnit', label: t('board.byLeadUnit') },
                { value: 'colour', label: t('board.byColour') },
              ]}
            />
          </span>
          <Select<TaskColour>
            allowClear
            placeholder={t('board.allColours')}
            value={colour}
            onChange={setColour}
            style={{ width: 140 }}
            aria-label={t('board.colourFilter')}
            options={COLOUR_ORDER.map((c) => ({ value: c, label: t(`colour.${c}`) }))}
          />
          <Select<string>
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('board.allUnits')}
            value={leadUnit}
            onChange={setLeadUnit}
            style={{ width: 200 }}
            aria-label={t('board.unitFilter')}
            options={(units.data ?? []).map((u) => ({ value: u.code, label: unitName.short(u) }))}
          />
        </Space>
        <span className="board-total">
          {t('board.total', { count: taskCount })} <ColourCounts counts={total} />
        </span>
      </div>
      <Typography.Paragraph type="secondary" className="colour-legend">
        {COLOUR_ORDER.map((c) => (
          <span key={c}>
            <ColourTag colour={c} /> {t(`legend.${c}`)}
          </span>
        ))}
      </Typography.Paragraph>
      <QueryState
        isPending={board.isPending}
        error={board.error}
        isEmpty={groups.length === 0}
        onRetry={() => void board.refetch()}
      >
        <Collapse
          key={`${board.data?.by ?? by}:${groups.map((g) => g.key).join(',')}`}
          className="task-groups"
          defaultActiveKey={groups.filter((g) => g.items.length > 0).map((g) => g.key)}
          items={groups.map((g) => ({
            key: g.key,
            label: (
              <span className="group-head" data-testid="task-group">
                <span className="group-label">
                  {by === 'colour'
                    ? t(`colour.${g.key}`, { defaultValue: en ? g.labelEn : g.labelZh })
                    : by === 'leadUnit'
                      ? unitName.short({ code: g.key, shortName: g.labelZh })
                      : en
                        ? g.labelEn
                        : g.labelZh}
                </span>
                <span className="group-count">{t('board.total', { count: g.items.length })}</span>
                <ColourCounts counts={g.counts} />
              </span>
            ),
            children: <TaskTable items={g.items} />,
          }))}
        />
      </QueryState>
    </div>
  );
}
