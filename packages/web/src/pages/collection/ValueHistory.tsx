// One value's history (修改历史): every version with who, when, the value (previous → new), status,
// comment (why), basis (口径) and action, and its revisions after publication (修订: old → new, date,
// reason). Opened from a row of the entry form or of the review drawer.
import { useState } from 'react';
import { Button, Descriptions, Empty, Modal, Table, Tooltip, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, ValueRevision } from '@scimon/contracts';
import { useValueHistory, type ValueRef } from '../../api/collection.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../components/format.ts';
import { formatNumber } from './collection-view.ts';
import { StatusTag } from './StatusTag.tsx';

export interface HistoryTarget extends ValueRef {
  /** The indicator's name and unit in the UI language. */
  name: string;
  unit: string;
}

/** The 历史 button of a value row; disabled while nothing is stored for the row. */
export function HistoryButton({ target }: { target: HistoryTarget | null }) {
  const { t } = useTranslation('collection');
  const [open, setOpen] = useState(false);
  const button = (
    <Button
      size="small"
      type="link"
      icon={<HistoryOutlined />}
      disabled={target === null}
      onClick={() => setOpen(true)}
      data-testid="value-history"
      data-indicator={target?.indicator}
      aria-label={target ? t('history.openFor', { name: target.name }) : t('history.open')}
    >
      {t('history.open')}
    </Button>
  );
  return (
    <>
      {target === null ? <Tooltip title={t('history.notStored')}>{button}</Tooltip> : button}
      {target && <ValueHistoryModal target={open ? target : null} onClose={() => setOpen(false)} />}
    </>
  );
}

export function ValueHistoryModal({
  target,
  onClose,
}: {
  target: HistoryTarget | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('collection');
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const q = useValueHistory(target);
  const d = q.data;
  const num = (x: number | null) =>
    `${formatNumber(x, lang)}${x === null || !target?.unit ? '' : ` ${target.unit}`}`;
  return (
    <Modal
      open={target !== null}
      onCancel={onClose}
      footer={null}
      width={960}
      destroyOnHidden
      title={target ? t('history.title', { name: target.name }) : ''}
    >
      {target && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {[target.indicator, target.orgUnit, target.period, t(`source.${target.source}`)].join(' · ')}
        </Typography.Paragraph>
      )}
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
        {d && (
          <div data-testid="value-history-detail">
            <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('history.current')}>
                <strong>{num(d.current.value)}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('history.version')}>{d.current.version}</Descriptions.Item>
              <Descriptions.Item label={t('col.status')}>
                <StatusTag status={d.current.status} />
              </Descriptions.Item>
            </Descriptions>
            <Table<HistoryEntry>
              rowKey={(_, k) => String(k)}
              size="small"
              dataSource={d.items}
              pagination={d.items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              scroll={{ x: 900 }}
              columns={[
                { title: t('history.version'), dataIndex: 'version', width: 60, align: 'right' },
                {
                  title: t('history.value'),
                  key: 'value',
                  width: 130,
                  align: 'right',
                  render: (_: unknown, h: HistoryEntry) =>
                    h.previousValue !== h.value && h.previousValue !== null ? (
                      <span className="nowrap">
                        <Typography.Text type="secondary" delete>
                          {formatNumber(h.previousValue, lang)}
                        </Typography.Text>{' '}
                        → <strong>{formatNumber(h.value, lang)}</strong>
                      </span>
                    ) : (
                      <strong>{formatNumber(h.value, lang)}</strong>
                    ),
                },
                {
                  title: t('col.status'),
                  dataIndex: 'status',
                  width: 90,
                  render: (s: string) => <StatusTag status={s} />,
                },
                {
                  title: t('history.comment'),
                  dataIndex: 'comment',
                  className: 'history-comment',
                  render: (c: string | null) => c ?? '—',
                },
                {
                  title: t('history.basis'),
                  dataIndex: 'basis',
                  width: 96,
                  render: (b: string | null | undefined) => b ?? '—',
                },
                { title: t('history.by'), dataIndex: 'changedBy', width: 104, ellipsis: true },
                {
                  title: t('history.at'),
                  dataIndex: 'changedAt',
                  width: 136,
                  render: (at: string) => <span className="nowrap">{formatDateTime(at)}</span>,
                },
                {
                  title: t('history.action'),
                  dataIndex: 'action',
                  width: 90,
                  render: (a: string) => t(`history.actions.${a}`, { defaultValue: a }),
                },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('history.revisions')}
            </Typography.Title>
            {(d.revisions ?? []).length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.noRevisions')} />
            ) : (
              <Table<ValueRevision>
                rowKey={(_, k) => String(k)}
                size="small"
                dataSource={d.revisions ?? []}
                pagination={false}
                data-testid="value-revisions"
                columns={[
                  {
                    title: t('history.oldNew'),
                    key: 'change',
                    width: 220,
                    render: (_: unknown, r: ValueRevision) => (
                      <span className="nowrap">
                        {formatNumber(r.oldValue, lang)} → <strong>{formatNumber(r.newValue, lang)}</strong>
                      </span>
                    ),
                  },
                  {
                    title: t('history.revisedAt'),
                    dataIndex: 'revisedAt',
                    width: 150,
                    render: (at: string) => formatDateTime(at),
                  },
                  { title: t('history.reason'), dataIndex: 'reason' },
                  { title: t('history.by'), dataIndex: 'revisedBy', width: 110 },
                ]}
              />
            )}
          </div>
        )}
      </QueryState>
    </Modal>
  );
}
