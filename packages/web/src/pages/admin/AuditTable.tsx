// The audit events, paginated by the server; a row expands to its before / after.
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';

interface Props {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function AuditTable({ items, total, page, pageSize, loading, onPage }: Props) {
  const { t } = useTranslation('audit');
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const columns: ColumnsType<AuditEvent> = [
    { title: t('col.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('col.actor'), dataIndex: 'actor', width: 130, render: (v: string | null) => v ?? dash },
    {
      title: t('col.action'),
      dataIndex: 'action',
      width: 190,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('col.object'),
      render: (_, e) => (e.objectType ? `${e.objectType}${e.objectId ? ` · ${e.objectId}` : ''}` : dash),
    },
    {
      title: t('col.client'),
      dataIndex: 'clientAddress',
      width: 130,
      render: (v: string | null) => v ?? dash,
    },
    {
      title: t('col.requestId'),
      dataIndex: 'requestId',
      width: 120,
      render: (v: string | null) =>
        v ? (
          <Typography.Text type="secondary" ellipsis={{ tooltip: v }} style={{ maxWidth: 100 }}>
            {v}
          </Typography.Text>
        ) : (
          dash
        ),
    },
  ];
  return (
    <Table<AuditEvent>
      rowKey={(e) => String(e.id)}
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      expandable={{
        rowExpandable: (e) => e.before != null || e.after != null,
        expandedRowRender: (e) => (
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
            <div>
              <Typography.Text strong>{t('col.before')}</Typography.Text>
              <Json value={e.before} />
            </div>
            <div>
              <Typography.Text strong>{t('col.after')}</Typography.Text>
              <Json value={e.after} />
            </div>
          </div>
        ),
      }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => t('total', { count: n }),
        onChange: onPage,
      }}
    />
  );
}
