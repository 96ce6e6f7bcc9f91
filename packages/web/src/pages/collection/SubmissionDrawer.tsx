// One submission in a drawer: its facts, its values (with comments and each value's history) and the
// events of its workflow.
import { Descriptions, Drawer, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail, SubmissionEvent } from '@scimon/contracts';
import { useSubmission } from '../../api/collection.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../components/format.ts';
import { formatNumber } from './collection-view.ts';
import { OnTimeTag, StatusTag } from './StatusTag.tsx';
import { HistoryButton } from './ValueHistory.tsx';

type Value = SubmissionDetail['values'][number];

export function SubmissionDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('collection');
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const en = lang === 'en-US';
  const q = useSubmission(id);
  const d = q.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={840}
      title={d ? `${en ? d.orgUnit.nameEn : d.orgUnit.nameZh} · ${d.period}` : t('review.detail')}
      destroyOnHidden
    >
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
        {d && (
          <div data-testid="submission-detail">
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('col.status')}>
                <StatusTag status={d.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('col.deadline')}>{d.deadline}</Descriptions.Item>
              <Descriptions.Item label={t('col.submitted')}>
                {d.submittedAt ? `${formatDateTime(d.submittedAt)} · ${d.submittedBy ?? ''}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('col.onTime')}>
                <OnTimeTag onTime={d.onTime} />
              </Descriptions.Item>
              <Descriptions.Item label={t('col.reviewed')}>
                {d.reviewedAt ? `${formatDateTime(d.reviewedAt)} · ${d.reviewedBy ?? ''}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('col.values')}>
                {t('col.valuesText', { count: d.valueCount, missing: d.missingCount })}
              </Descriptions.Item>
              {d.reason && (
                <Descriptions.Item label={t('col.reason')} span={2}>
                  {d.reason}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5}>{t('review.values')}</Typography.Title>
            <Table<Value>
              rowKey="id"
              size="small"
              dataSource={d.values}
              pagination={false}
              style={{ marginBottom: 16 }}
              columns={[
                {
                  title: t('entry.indicator'),
                  key: 'name',
                  render: (_: unknown, v: Value) => (
                    <span>
                      {en ? v.nameEn : v.nameZh}{' '}
                      <Typography.Text type="secondary" className="code">
                        {v.indicator}
                      </Typography.Text>
                    </span>
                  ),
                },
                {
                  title: t('entry.value'),
                  key: 'value',
                  align: 'right',
                  width: 140,
                  render: (_: unknown, v: Value) =>
                    `${formatNumber(v.value, lang)} ${en ? v.unitEn : v.unitZh}`.trim(),
                },
                {
                  title: t('entry.comment'),
                  dataIndex: 'comment',
                  width: 200,
                  render: (c: string | null) => c ?? '—',
                },
                {
                  title: t('history.column'),
                  key: 'history',
                  width: 88,
                  render: (_: unknown, v: Value) => (
                    <HistoryButton
                      target={{
                        indicator: v.indicator,
                        orgUnit: d.orgUnit.code,
                        period: d.period,
                        source: 'report',
                        name: en ? v.nameEn : v.nameZh,
                        unit: en ? v.unitEn : v.unitZh,
                      }}
                    />
                  ),
                },
              ]}
            />
            <Typography.Title level={5}>{t('review.events')}</Typography.Title>
            {d.events.length === 0 ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <Timeline
                items={d.events.map((e: SubmissionEvent, k) => ({
                  key: k,
                  color: e.toStatus === 'returned' ? 'red' : e.toStatus === 'approved' ? 'green' : 'blue',
                  children: (
                    <div>
                      <strong>{t(`event.${e.action}`, { defaultValue: e.action })}</strong> ·{' '}
                      {formatDateTime(e.at)} · {e.actor}
                      {e.reason && <div className="event-reason">{e.reason}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </div>
        )}
      </QueryState>
    </Drawer>
  );
}
