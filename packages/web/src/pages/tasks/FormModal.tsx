// A modal holding one form: validates, submits, shows the server's localised refusal inside, closes on success.
import type { ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/QueryState.tsx';
import { useModalForm } from '../../components/modal-form.ts';

interface Props<V> {
  title: string;
  open: boolean;
  okText: string;
  danger?: boolean;
  width?: number;
  /** Distance from the top of the window (antd's default is 100 px; tall forms start higher). */
  top?: number;
  initialValues?: Partial<V>;
  onClose: () => void;
  onSubmit: (values: V) => Promise<unknown>;
  onDone?: () => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

export function FormModal<V extends object>({
  title,
  open,
  okText,
  danger,
  width,
  top,
  initialValues,
  onClose,
  onSubmit,
  onDone,
  children,
}: Props<V>) {
  const { t } = useTranslation('tasks');
  const { form, busy, error, submit, afterOpenChange } = useModalForm<V>(onSubmit, () => {
    onClose();
    onDone?.();
  });

  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      cancelText={t('form.cancel')}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={width ?? 560}
      style={top === undefined ? undefined : { top }}
      destroyOnHidden
      afterOpenChange={afterOpenChange}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} requiredMark preserve={false}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
      {error !== null && (
        <Alert type="error" showIcon message={errorText(error, (k) => t(k))} style={{ marginTop: 8 }} />
      )}
    </Modal>
  );
}
