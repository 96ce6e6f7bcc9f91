// The milestone chart of one task (lazy: brings ECharts in its own chunk).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '@scimon/contracts';
import { EChart } from '../../charts/EChart.tsx';
import '../../charts/gantt-setup.ts';
import { buildGanttOption, ganttHeight } from '../../charts/gantt-option.ts';
import { COLOUR_HEX } from './task-view.ts';

export default function MilestoneChart({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation('tasks');
  const en = i18n.language === 'en-US';
  const option = useMemo(
    () =>
      buildGanttOption(
        {
          taskLabel: `${task.code} ${t('milestone.taskSpan')}`,
          start: task.startDate,
          due: task.dueDate,
          closedOn: task.closedOn,
          colour: COLOUR_HEX[task.colour],
          today: task.asOf,
          milestones: task.milestones.map((m) => ({
            label: en ? m.titleEn : m.titleZh,
            dueDate: m.dueDate,
            doneOn: m.doneOn,
            state: m.state,
          })),
        },
        {
          title: t('milestone.chartTitle'),
          subtitle: t('milestone.chartSubtitle'),
          saveAsImage: t('common:chart.saveAsImage'),
          today: t('milestone.today'),
          start: t('task.start'),
          due: t('milestone.due'),
          noDue: t('task.noDue'),
          done: t('milestone.done'),
          closed: t('task.closedOn'),
          states: {
            met: t('milestone.state.met'),
            late: t('milestone.state.late'),
            overdue: t('milestone.state.overdue'),
            open: t('milestone.state.open'),
          },
        },
      ),
    [task, en, t],
  );
  return (
    <EChart
      option={option}
      height={ganttHeight(task.milestones.length)}
      ariaLabel={t('milestone.chartTitle')}
      exportName={`${task.code}-milestones`}
    />
  );
}
