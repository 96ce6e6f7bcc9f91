// A modal asking for a reason (return, unapprove, resolve…): required text, the server's refusal inside.
import type { ReactNode } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/QueryState.tsx';
import { useModalForm } from '../../components/modal-form.ts';

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
  const { form, busy, error, submit, afterOpenChange } = useModalForm<{ reason: string }>(
    (values) => onSubmit(values.reason.trim()),
    onClose,
  );

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
      afterOpenChange={afterOpenChange}
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
