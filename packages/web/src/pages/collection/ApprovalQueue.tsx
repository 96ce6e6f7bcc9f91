// The approval queue: submissions of a period by status (submitted by default); row selection for bulk
// approve / return (with a reason), single actions per row, and the detail drawer.
import { useState } from 'react';
import { App, Button, Flex, Select, Space, Table, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SubmissionStatus, SubmissionSummary } from '@scimon/contracts';
import {
  bulkAction,
  submissionAction,
  useCollectionAction,
  useSubmissions,
  type SingleAction,
} from '../../api/collection.ts';
import { QueryState, errorText } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../components/format.ts';
import { onTimeColumn, statusColumn, valuesColumn } from './submission-columns.tsx';
import { ReasonModal } from './ReasonModal.tsx';
import { SubmissionDrawer } from './SubmissionDrawer.tsx';

const STATUSES = ['submitted', 'returned', 'approved', 'published', 'draft'] as const;

type Pending =
  | { kind: 'bulk'; action: 'return'; rows: SubmissionSummary[] }
  | { kind: 'one'; action: 'return' | 'unapprove'; row: SubmissionSummary };

export default function ApprovalQueue({ framework, period }: { framework: string; period: string }) {
  const { t, i18n } = useTranslation('collection');
  const en = i18n.language === 'en-US';
  const { message } = App.useApp();
  const [status, setStatus] = useState<SubmissionStatus | 'all'>('submitted');
  const [selected, setSelected] = useState<number[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useSubmissions({ framework, period, status: status === 'all' ? undefined : status });
  const rows = list.data ?? [];
  const selectedRows = rows.filter((r) => selected.includes(r.id));

  const one = useCollectionAction((v: { row: SubmissionSummary; action: SingleAction; reason?: string }) =>
    submissionAction(v.row.id, v.action, { version: v.row.version, reason: v.reason }),
  );
  const bulk = useCollectionAction(
    (v: { action: 'approve' | 'return'; rows: SubmissionSummary[]; reason?: string }) =>
      bulkAction({
        action: v.action,
        items: v.rows.map((r) => ({ id: r.id, version: r.version })),
        reason: v.reason,
      }),
  );

  const approve = async (row: SubmissionSummary) => {
    try {
      await one.mutateAsync({ row, action: 'approve' });
      void message.success(t('review.approved', { count: 1 }));
    } catch (e) {
      void message.error(errorText(e, (k) => t(k)));
    }
  };

  const approveSelected = async () => {
    try {
      await bulk.mutateAsync({ action: 'approve', rows: selectedRows });
      void message.success(t('review.approved', { count: selectedRows.length }));
      setSelected([]);
    } catch (e) {
      void message.error(errorText(e, (k) => t(k)));
    }
  };

  const unitOf = (s: SubmissionSummary) => (en ? s.orgUnit.nameEn : s.orgUnit.nameZh);

  const columns = [
    {
      title: t('col.orgUnit'),
      key: 'orgUnit',
      render: (_: unknown, s: SubmissionSummary) => (
        <Button type="link" className="link-cell" onClick={() => setOpenId(s.id)} data-unit={s.orgUnit.code}>
          {unitOf(s)}
        </Button>
      ),
    },
    { title: t('col.period'), dataIndex: 'period', width: 76 },
    statusColumn(t, 100),
    {
      title: t('col.submitted'),
      key: 'submitted',
      width: 170,
      render: (_: unknown, s: SubmissionSummary) =>
        s.submittedAt ? `${formatDateTime(s.submittedAt)} · ${s.submittedBy ?? ''}` : '—',
    },
    onTimeColumn(t, 84),
    valuesColumn(t),
    {
      title: t('col.reason'),
      key: 'reason',
      ellipsis: true,
      render: (_: unknown, s: SubmissionSummary) => s.reason ?? '—',
    },
    {
      title: t('col.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, s: SubmissionSummary) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setOpenId(s.id)}>
            {t('action.view')}
          </Button>
          {s.allowedActions.includes('approve') && (
            <Button size="small" type="primary" onClick={() => void approve(s)} data-testid="approve-one">
              {t('action.approve')}
            </Button>
          )}
          {s.allowedActions.includes('return') && (
            <Button size="small" danger onClick={() => setPending({ kind: 'one', action: 'return', row: s })}>
              {t('action.return')}
            </Button>
          )}
          {s.allowedActions.includes('unapprove') && (
            <Button size="small" onClick={() => setPending({ kind: 'one', action: 'unapprove', row: s })}>
              {t('action.unapprove')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const canBulkApprove =
    selectedRows.length > 0 && selectedRows.every((r) => r.allowedActions.includes('approve'));
  const canBulkReturn =
    selectedRows.length > 0 && selectedRows.every((r) => r.allowedActions.includes('return'));

  return (
    <div data-testid="approval-queue">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Space wrap>
          <label htmlFor="queue-status" className="toolbar-label">
            {t('col.status')}
          </label>
          <Select
            id="queue-status"
            style={{ width: 130 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setSelected([]);
            }}
            options={[
              ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
              { value: 'all', label: t('status.all') },
            ]}
          />
          <Typography.Text type="secondary">{t('review.count', { count: rows.length })}</Typography.Text>
        </Space>
        <Space wrap>
          <Typography.Text type="secondary">
            {t('review.selected', { count: selectedRows.length })}
          </Typography.Text>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!canBulkApprove}
            loading={bulk.isPending}
            onClick={() => void approveSelected()}
            data-testid="bulk-approve"
          >
            {t('action.approveSelected')}
          </Button>
          <Button
            danger
            icon={<RollbackOutlined />}
            disabled={!canBulkReturn}
            onClick={() => setPending({ kind: 'bulk', action: 'return', rows: selectedRows })}
            data-testid="bulk-return"
          >
            {t('action.returnSelected')}
          </Button>
        </Space>
      </Flex>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        <Table<SubmissionSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(Number)),
            getCheckboxProps: (r) => ({
              disabled: !r.allowedActions.some((a) => a === 'approve' || a === 'return'),
              'aria-label': unitOf(r),
            }),
          }}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('review.emptyQueue') }}
          scroll={{ x: 1000 }}
        />
      </QueryState>
      <ReasonModal
        open={pending !== null}
        title={
          pending?.kind === 'bulk'
            ? t('review.returnSelectedTitle', { count: pending.rows.length })
            : pending?.action === 'unapprove'
              ? t('review.unapproveTitle', { unit: unitOf(pending.row), period: pending.row.period })
              : pending
                ? t('review.returnTitle', { unit: unitOf(pending.row), period: pending.row.period })
                : ''
        }
        okText={pending?.action === 'unapprove' ? t('action.unapprove') : t('action.return')}
        danger
        intro={
          <Typography.Paragraph type="secondary">
            {pending?.action === 'unapprove' ? t('review.unapproveIntro') : t('review.returnIntro')}
          </Typography.Paragraph>
        }
        onClose={() => setPending(null)}
        onSubmit={async (reason) => {
          if (!pending) return;
          if (pending.kind === 'bulk') {
            await bulk.mutateAsync({ action: 'return', rows: pending.rows, reason });
            setSelected([]);
            void message.success(t('review.returned', { count: pending.rows.length }));
          } else {
            await one.mutateAsync({ row: pending.row, action: pending.action, reason });
            void message.success(
              pending.action === 'unapprove' ? t('review.unapproved') : t('review.returned', { count: 1 }),
            );
          }
        }}
      />
      <SubmissionDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
