// 新建用户: username, optional display name, first role with its scope, optional password.
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../../api/admin.ts';
import type { CreateUserResponse } from '../../api/types.ts';
import { errorText } from '../../components/QueryState.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { ScopeSelect } from './ScopeSelect.tsx';

interface Values {
  username: string;
  displayName?: string;
  role: string;
  scope: string;
  password?: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (result: CreateUserResponse) => void;
}

export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation('users');
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useCreateUser();

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        username: v.username.trim(),
        role: v.role,
        scope: v.scope,
        ...(v.displayName?.trim() ? { displayName: v.displayName.trim() } : {}),
        ...(v.password ? { password: v.password } : {}),
      },
      {
        onSuccess: (result) => {
          form.resetFields();
          create.reset();
          onCreated(result as CreateUserResponse);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('create.title')}
      okText={t('create.submit')}
      cancelText={t('cancel')}
      onOk={() => void submit()}
      onCancel={() => {
        create.reset();
        form.resetFields();
        onClose();
      }}
      confirmLoading={create.isPending}
      width={560}
    >
      {create.error && (
        <Alert
          type="error"
          showIcon
          message={errorText(create.error, t)}
          style={{ marginBottom: 12 }}
          role="alert"
        />
      )}
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ role: 'reporter' }}>
        <Form.Item
          name="username"
          label={t('form.username')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('form.displayName')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('form.role')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <RoleSelect onChange={() => form.setFieldValue('scope', undefined)} />
        </Form.Item>
        <Form.Item
          name="scope"
          label={t('form.scope')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <ScopeSelect role={role} />
        </Form.Item>
        <Form.Item name="password" label={t('form.password')} extra={t('form.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
