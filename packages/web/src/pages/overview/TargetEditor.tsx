// Lets a coordinator change a target's comparator, value or base year where the assumption is shown.
// The server keeps every change as a new framework version, audited with before and after.
import { useState } from 'react';
import { Alert, Button, Form, InputNumber, Modal, Select } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TargetCard } from '@scimon/contracts';
import { ApiError, apiRequest } from '../../api/http.ts';
import { hasAnyRole, useSession } from '../../auth/session.ts';

const COMPARATORS = ['>', '>=', '<', '<='] as const;

interface TargetChange {
  comparator: string;
  value: number;
  baseYear: number;
}

export function TargetEditor({ card, frameworkCode }: { card: TargetCard; frameworkCode: string }) {
  const { t } = useTranslation('overview');
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TargetChange>();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (body: TargetChange) =>
      apiRequest(
        `/api/frameworks/${encodeURIComponent(frameworkCode)}/targets/${encodeURIComponent(card.indicator)}`,
        {
          method: 'PUT',
          body,
        },
      ),
    onSuccess: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['monitoring'] });
      void qc.invalidateQueries({ queryKey: ['framework'] });
    },
  });
  if (!hasAnyRole(user, ['admin', 'coordinator'])) return null;
  return (
    <>
      <Button
        size="small"
        type="link"
        icon={<EditOutlined />}
        onClick={() => {
          save.reset();
          form.setFieldsValue({
            comparator: card.comparator,
            value: card.target,
            baseYear: card.base.stated,
          });
          setOpen(true);
        }}
      >
        {t('editor.open')}
      </Button>
      <Modal
        open={open}
        title={t('editor.title')}
        okText={t('editor.save')}
        cancelText={t('editor.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      >
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('editor.assumption')} />
        <Form form={form} layout="vertical">
          <Form.Item name="comparator" label={t('editor.comparator')} rules={[{ required: true }]}>
            <Select options={COMPARATORS.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="value" label={t('editor.value')} rules={[{ required: true }]}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="baseYear" label={t('editor.baseYear')} rules={[{ required: true }]}>
            <InputNumber style={{ width: '100%' }} min={2000} max={card.targetYear} precision={0} />
          </Form.Item>
        </Form>
        {save.error && (
          <Alert
            type="error"
            showIcon
            message={save.error instanceof ApiError ? save.error.message : String(save.error)}
          />
        )}
      </Modal>
    </>
  );
}
