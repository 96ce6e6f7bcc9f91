// A modal asking for a reason (return, unapprove, resolve…): required text, the server's refusal inside.
import { useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/QueryState.tsx';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  /** Shown above the reason field. */
  intro?: ReactNode;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
}

export function ReasonModal({ open, title, okText, danger, intro, onClose, onSubmit }: Props) {
  const { t } = useTranslation('collection');
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values.reason.trim());
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      cancelText={t('action.cancel')}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (!o) {
          form.resetFields();
          setError(null);
        }
      }}
    >
      {intro}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('reason.label')}
          rules={[{ required: true, whitespace: true, message: t('reason.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount autoFocus />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon message={errorText(error, (k) => t(k))} />}
    </Modal>
  );
}
