// The located problems of an import (sheet, row, column, value, message in the current language).
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '@scimon/contracts';

interface Props {
  problems: readonly ImportProblem[];
  /** A plain list instead of a table (for a few general problems). */
  compact?: boolean;
  testId?: string;
}

export function ProblemList({ problems, compact, testId }: Props) {
  const { t, i18n } = useTranslation('collection');
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  if (compact) {
    return (
      <ul className="problem-list" data-testid={testId}>
        {problems.map((p, k) => (
          <li key={k}>{p.message[lang]}</li>
        ))}
      </ul>
    );
  }
  const rows = problems.map((p, k) => ({ ...p, key: k }));
  return (
    <Table
      data-testid={testId}
      size="small"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      rowClassName={() => 'problem-row'}
      columns={[
        { title: t('problems.sheet'), dataIndex: 'sheet', width: 90, render: (v: string | null) => v ?? '—' },
        { title: t('problems.row'), dataIndex: 'row', width: 64, render: (v: number | null) => v ?? '—' },
        {
          title: t('problems.column'),
          dataIndex: 'column',
          width: 200,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('problems.value'),
          dataIndex: 'value',
          width: 110,
          render: (v: string | null) =>
            v === null ? '—' : <Typography.Text code>{v === '' ? ' ' : v}</Typography.Text>,
        },
        {
          title: t('problems.message'),
          key: 'message',
          render: (_: unknown, p: ImportProblem) => p.message[lang],
        },
      ]}
    />
  );
}
