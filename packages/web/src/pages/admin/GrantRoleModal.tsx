// 授予角色: another role with its scope for an existing user.
import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGrantRole } from '../../api/admin.ts';
import type { RoleGrant } from '../../api/types.ts';
import { errorText } from '../../components/QueryState.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { ScopeSelect } from './ScopeSelect.tsx';

export function GrantRoleModal({ username, onClose }: { username: string | null; onClose: () => void }) {
  const { t } = useTranslation('users');
  const [form] = Form.useForm<RoleGrant>();
  const role = Form.useWatch('role', form);
  const grant = useGrantRole();

  const submit = async () => {
    if (!username) return;
    const v = await form.validateFields();
    grant.mutate(
      { username, grant: v },
      {
        onSuccess: () => {
          form.resetFields();
          grant.reset();
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={username !== null}
      title={t('grant.title', { username })}
      okText={t('grant.submit')}
      cancelText={t('cancel')}
      onOk={() => void submit()}
      onCancel={() => {
        grant.reset();
        form.resetFields();
        onClose();
      }}
      confirmLoading={grant.isPending}
    >
      {grant.error && (
        <Alert
          type="error"
          showIcon
          message={errorText(grant.error, t)}
          style={{ marginBottom: 12 }}
          role="alert"
        />
      )}
      <Form<RoleGrant> form={form} layout="vertical" requiredMark={false}>
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
      </Form>
    </Modal>
  );
}
