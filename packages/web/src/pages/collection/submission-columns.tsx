// Table columns of a submission shared by the workbench and the approval queue.
import type { ColumnType } from 'antd/es/table';
import type { SubmissionSummary } from '@scimon/contracts';
import { OnTimeTag, StatusTag } from './StatusTag.tsx';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const statusColumn = (t: Translate, width: number): ColumnType<SubmissionSummary> => ({
  title: t('col.status'),
  key: 'status',
  width,
  render: (_: unknown, s: SubmissionSummary) => <StatusTag status={s.status} />,
});

export const onTimeColumn = (t: Translate, width: number): ColumnType<SubmissionSummary> => ({
  title: t('col.onTime'),
  key: 'onTime',
  width,
  render: (_: unknown, s: SubmissionSummary) => <OnTimeTag onTime={s.onTime} />,
});

/** The number of values and of missing ones. */
export const valuesColumn = (t: Translate): ColumnType<SubmissionSummary> => ({
  title: t('col.values'),
  key: 'values',
  width: 150,
  render: (_: unknown, s: SubmissionSummary) =>
    t('col.valuesText', { count: s.valueCount, missing: s.missingCount }),
});
