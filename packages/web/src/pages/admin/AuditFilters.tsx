// Filters of the audit log: actor, action, object type, date range.
import { Button, DatePicker, Form, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

export interface AuditFilterValues {
  actor?: string;
  action?: string;
  objectType?: string;
  from?: string;
  to?: string;
}

interface FormValues {
  actor?: string;
  action?: string;
  objectType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditFilters({ onApply }: { onApply: (v: AuditFilterValues) => void }) {
  const { t } = useTranslation('audit');
  const [form] = Form.useForm<FormValues>();
  const apply = (v: FormValues) =>
    onApply({
      actor: v.actor?.trim() || undefined,
      action: v.action?.trim() || undefined,
      objectType: v.objectType?.trim() || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Form<FormValues> form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
      <Form.Item name="actor" label={t('filter.actor')}>
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" label={t('filter.action')}>
        <Input allowClear style={{ width: 160 }} placeholder="auth.login" />
      </Form.Item>
      <Form.Item name="objectType" label={t('filter.objectType')}>
        <Input allowClear style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="range" label={t('filter.dates')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('filter.apply')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          {t('filter.reset')}
        </Button>
      </Space>
    </Form>
  );
}
