// The coordination office's part: submission deadlines per period type, and publishing a period's
// approved values as a release (with a note), with the list of releases.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineRule, Release } from '@scimon/contracts';
import {
  publishRelease,
  putDeadline,
  useCollectionAction,
  useDeadlines,
  useReleases,
} from '../../api/collection.ts';
import { QueryState, errorText } from '../../components/QueryState.tsx';
import { validatedValues } from '../../components/modal-form.ts';
import { formatDateTime } from '../../components/format.ts';

export default function PublishingView({ framework, period }: { framework: string; period: string }) {
  const { t } = useTranslation('collection');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('deadlines.title')}>
          <DeadlinesEditor />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('releases.title')}>
          <Releases framework={framework} period={period} />
        </Card>
      </Col>
    </Row>
  );
}

function DeadlineRow({ rule }: { rule: DeadlineRule }) {
  const { t } = useTranslation('collection');
  const { message } = App.useApp();
  const [draft, setDraft] = useState(rule);
  useEffect(() => setDraft(rule), [rule]);
  const save = useCollectionAction(putDeadline);
  const annual = rule.periodType === 'annual';
  const dirty = JSON.stringify(draft) !== JSON.stringify(rule);
  const id = `deadline-${rule.periodType}`;
  return (
    <div className="deadline-row">
      <label className="deadline-type" htmlFor={id}>
        {t(`deadlines.${rule.periodType}`)}
      </label>
      {annual ? (
        <Space size={4} wrap>
          <span>{t('deadlines.nextYear')}</span>
          <InputNumber
            id={id}
            min={1}
            max={12}
            style={{ width: 64 }}
            value={draft.month ?? undefined}
            onChange={(v) => setDraft({ ...draft, month: v ?? null })}
            aria-label={t('deadlines.month')}
          />
          <span>{t('deadlines.month')}</span>
          <InputNumber
            min={1}
            max={31}
            style={{ width: 64 }}
            value={draft.day ?? undefined}
            onChange={(v) => setDraft({ ...draft, day: v ?? null })}
            aria-label={t('deadlines.day')}
          />
          <span>{t('deadlines.day')}</span>
        </Space>
      ) : (
        <Space size={4} wrap>
          <InputNumber
            id={id}
            min={0}
            max={366}
            style={{ width: 76 }}
            value={draft.daysAfterEnd ?? undefined}
            onChange={(v) => setDraft({ ...draft, daysAfterEnd: v ?? null })}
          />
          <span>{t('deadlines.daysAfterEnd')}</span>
        </Space>
      )}
      <Button
        size="small"
        disabled={!dirty}
        loading={save.isPending}
        onClick={() =>
          save.mutateAsync(draft).then(
            () => void message.success(t('deadlines.saved')),
            (e: unknown) => void message.error(errorText(e, (k) => t(k))),
          )
        }
      >
        {t('action.save')}
      </Button>
    </div>
  );
}

function DeadlinesEditor() {
  const q = useDeadlines();
  const { t } = useTranslation('collection');
  return (
    <QueryState
      isPending={q.isPending}
      error={q.error}
      isEmpty={q.data?.length === 0}
      onRetry={() => void q.refetch()}
    >
      <Typography.Paragraph type="secondary">{t('deadlines.hint')}</Typography.Paragraph>
      {(q.data ?? []).map((r) => (
        <DeadlineRow key={r.periodType} rule={r} />
      ))}
    </QueryState>
  );
}

function Releases({ framework, period }: { framework: string; period: string }) {
  const { t } = useTranslation('collection');
  const { message } = App.useApp();
  const q = useReleases();
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<unknown>(null);
  const publish = useCollectionAction(publishRelease);

  const onPublish = async () => {
    const v = await validatedValues(form);
    if (v === null) return;
    setError(null);
    try {
      const r = await publish.mutateAsync({ framework, period, note: v.note.trim() });
      form.resetFields();
      void message.success(t('releases.done', { count: r.valueCount, period }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div>
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t('releases.note', { period })}
          rules={[{ required: true, whitespace: true, message: t('releases.noteRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Button type="primary" loading={publish.isPending} onClick={() => void onPublish()}>
          {t('releases.publish', { period })}
        </Button>
      </Form>
      {error !== null && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} message={errorText(error, (k) => t(k))} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('releases.list')}
      </Typography.Title>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
        <Table<Release>
          rowKey="id"
          size="small"
          dataSource={q.data ?? []}
          pagination={(q.data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          locale={{ emptyText: t('releases.empty') }}
          columns={[
            { title: t('col.period'), dataIndex: 'period', width: 70 },
            { title: t('releases.values'), dataIndex: 'valueCount', width: 80, align: 'right' },
            { title: t('releases.noteCol'), dataIndex: 'note', ellipsis: true },
            {
              title: t('releases.publishedAt'),
              key: 'at',
              width: 190,
              render: (_: unknown, r: Release) => `${formatDateTime(r.publishedAt)} · ${r.publishedBy}`,
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
