// The tasks decomposed from one article: title, kind, stage, lead units, due date.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { LeadUnit, PolicyTask } from '@scimon/contracts';
import { StageTag } from './StageTag.tsx';
import { LeadUnitTags } from './LeadUnitTags.tsx';

export function TaskTable({ tasks, names }: { tasks: PolicyTask[]; names: ReadonlyMap<string, LeadUnit> }) {
  const { t, i18n } = useTranslation('policy');
  const en = i18n.language === 'en-US';
  const columns: ColumnsType<PolicyTask> = [
    {
      title: t('task.code'),
      dataIndex: 'code',
      width: 96,
      render: (c: string) => <Typography.Text type="secondary">{c}</Typography.Text>,
    },
    {
      title: t('task.title'),
      render: (_, task) => (
        <span style={{ paddingLeft: task.parentCode ? 20 : 0 }}>{en ? task.titleEn : task.titleZh}</span>
      ),
    },
    {
      title: t('task.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (k: string) => <Tag>{t(`kind.${k}`, { defaultValue: k })}</Tag>,
    },
    {
      title: t('task.stage'),
      dataIndex: 'stage',
      width: 130,
      render: (s: string | null) => <StageTag stage={s} />,
    },
    {
      title: t('task.leadUnits'),
      width: 400,
      render: (_, task) => <LeadUnitTags units={task.leadUnits} names={names} />,
    },
    {
      title: t('task.due'),
      width: 110,
      render: (_, task) =>
        task.dueDate ? (
          <span title={task.dueDateAssumption ? t('task.dueAssumed') : undefined}>
            {task.dueDate}
            {task.dueDateAssumption ? '*' : ''}
          </span>
        ) : (
          <span style={{ color: '#bfbfbf' }}>—</span>
        ),
    },
  ];
  return (
    <Table<PolicyTask> size="small" rowKey="code" columns={columns} dataSource={tasks} pagination={false} />
  );
}
