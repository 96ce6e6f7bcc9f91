// 指标统计协调: values of one (indicator, unit, period) from several sources that differ beyond the
// tolerance; each shows the sources with their basis (口径), the relative difference, the source used
// meanwhile, and is resolved by choosing a source or entering a value, with a reason. Above the queue: the
// rules in force (tolerance, precedence), which coordinators and administrators may change.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoordinationItem, SourceCode } from '@scimon/contracts';
import { resolveCoordination, useCollectionAction, useCoordination } from '../../api/collection.ts';
import { QueryState, errorText } from '../../components/QueryState.tsx';
import { validatedValues } from '../../components/modal-form.ts';
import { formatDateTime } from '../../components/format.ts';
import { useSession } from '../../auth/session.ts';
import { COORDINATOR_ROLES, formatNumber, formatShare, hasRole } from './collection-view.ts';
import { CoordinationRules } from './CoordinationSettings.tsx';

interface ResolveForm {
  choice: string;
  value?: number;
  reason: string;
}

const ENTER = '__value__';

export default function CoordinationQueue({ period }: { period: string }) {
  const { t, i18n } = useTranslation('collection');
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const en = lang === 'en-US';
  const { message } = App.useApp();
  const { user } = useSession();
  const [status, setStatus] = useState<'open' | 'resolved' | 'all'>('open');
  const [resolving, setResolving] = useState<CoordinationItem | null>(null);
  const q = useCoordination({ status, period });
  const rows = q.data ?? [];

  const columns = [
    {
      title: t('entry.indicator'),
      key: 'indicator',
      render: (_: unknown, c: CoordinationItem) => (
        <div>
          <div>{en ? c.indicator.nameEn : c.indicator.nameZh}</div>
          <Typography.Text type="secondary" className="code">
            {c.indicator.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('col.orgUnit'),
      key: 'unit',
      width: 240,
      render: (_: unknown, c: CoordinationItem) => (en ? c.orgUnit.nameEn : c.orgUnit.nameZh),
    },
    { title: t('col.period'), dataIndex: 'period', width: 70 },
    {
      title: t('coord.values'),
      key: 'values',
      width: 240,
      render: (_: unknown, c: CoordinationItem) => (
        <ul className="source-values">
          {c.values.map((v) => (
            <li key={v.source}>
              <Tag color={v.source === c.precedenceSource ? 'blue' : undefined}>
                {t(`source.${v.source}`)}
              </Tag>
              <strong>{formatNumber(v.value, lang)}</strong> {en ? c.indicator.unitEn : c.indicator.unitZh}
              {v.basis && (
                <Typography.Text type="secondary"> · {t('coord.basis', { basis: v.basis })}</Typography.Text>
              )}
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: t('coord.difference'),
      key: 'diff',
      width: 100,
      align: 'right' as const,
      render: (_: unknown, c: CoordinationItem) => (
        <Typography.Text type={c.status === 'open' ? 'danger' : undefined} data-testid="relative-difference">
          {formatShare(c.relativeDifference)}
        </Typography.Text>
      ),
    },
    {
      title: t('coord.precedence'),
      key: 'precedence',
      width: 110,
      render: (_: unknown, c: CoordinationItem) => t(`source.${c.precedenceSource}`),
    },
    {
      title: t('coord.resolution'),
      key: 'resolution',
      width: 220,
      render: (_: unknown, c: CoordinationItem) =>
        c.resolution ? (
          <div>
            <div>
              <strong>{formatNumber(c.resolution.acceptedValue, lang)}</strong>{' '}
              {c.resolution.source ? `(${t(`source.${c.resolution.source}`)})` : `(${t('coord.entered')})`}
            </div>
            <Typography.Text type="secondary">
              {c.resolution.reason} — {c.resolution.resolvedBy}, {formatDateTime(c.resolution.resolvedAt)}
            </Typography.Text>
          </div>
        ) : (
          <Tag color="orange">{t('coord.open')}</Tag>
        ),
    },
    {
      title: t('col.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, c: CoordinationItem) => (
        <Button
          size="small"
          type={c.status === 'open' ? 'primary' : 'default'}
          onClick={() => setResolving(c)}
        >
          {c.status === 'open' ? t('action.resolve') : t('action.reresolve')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="coordination-queue">
      <CoordinationRules canEdit={hasRole(user, COORDINATOR_ROLES)} />
      <Space wrap style={{ marginBottom: 8 }}>
        <label htmlFor="coord-status" className="toolbar-label">
          {t('col.status')}
        </label>
        <Select
          id="coord-status"
          style={{ width: 130 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: t('coord.open') },
            { value: 'resolved', label: t('coord.resolved') },
            { value: 'all', label: t('status.all') },
          ]}
        />
        <Typography.Text type="secondary">{t('coord.hint')}</Typography.Text>
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
        <Table<CoordinationItem>
          rowKey="key"
          size="small"
          dataSource={rows}
          columns={columns}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('coord.empty') }}
          scroll={{ x: 1100 }}
        />
      </QueryState>
      <ResolveModal
        item={resolving}
        onClose={() => setResolving(null)}
        onDone={() => void message.success(t('coord.done'))}
      />
    </div>
  );
}

function ResolveModal({
  item,
  onClose,
  onDone,
}: {
  item: CoordinationItem | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation('collection');
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const en = lang === 'en-US';
  const [form] = Form.useForm<ResolveForm>();
  const choice = Form.useWatch('choice', form);
  const [error, setError] = useState<unknown>(null);
  const resolve = useCollectionAction(resolveCoordination);

  const submit = async () => {
    if (!item) return;
    const v = await validatedValues(form);
    if (v === null) return;
    setError(null);
    try {
      await resolve.mutateAsync({
        indicator: item.indicator.code,
        orgUnit: item.orgUnit.code,
        period: item.period,
        ...(v.choice === ENTER ? { value: v.value } : { source: v.choice as SourceCode }),
        reason: v.reason.trim(),
      });
      onClose();
      onDone();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open={item !== null}
      title={
        item
          ? t('coord.resolveTitle', {
              indicator: en ? item.indicator.nameEn : item.indicator.nameZh,
              unit: en ? item.orgUnit.nameEn : item.orgUnit.nameZh,
              period: item.period,
            })
          : ''
      }
      okText={t('action.resolve')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: resolve.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      afterOpenChange={(o) => {
        if (!o) {
          form.resetFields();
          setError(null);
        }
      }}
    >
      {item && (
        <Form<ResolveForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ choice: item.resolution?.source ?? item.precedenceSource }}
        >
          <Form.Item name="choice" label={t('coord.accept')} rules={[{ required: true }]}>
            <Radio.Group>
              <Space direction="vertical">
                {item.values
                  .filter((v) => v.value !== null)
                  .map((v) => (
                    <Radio key={v.source} value={v.source}>
                      {t(`source.${v.source}`)}: <strong>{formatNumber(v.value, lang)}</strong>{' '}
                      {en ? item.indicator.unitEn : item.indicator.unitZh}
                      {v.basis ? ` · ${t('coord.basis', { basis: v.basis })}` : ''}
                    </Radio>
                  ))}
                <Radio value={ENTER}>{t('coord.enterValue')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {choice === ENTER && (
            <Form.Item
              name="value"
              label={t('coord.value')}
              rules={[{ required: true, message: t('coord.valueRequired') }]}
            >
              <InputNumber style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('reason.label')}
            rules={[{ required: true, whitespace: true, message: t('reason.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      )}
      {error !== null && <Alert type="error" showIcon message={errorText(error, (k) => t(k))} />}
    </Modal>
  );
}
