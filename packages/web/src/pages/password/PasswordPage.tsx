// 修改密码: current, new (min. 12 characters), confirmation; the forced change after a first sign-in.
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useChangePassword, useSession } from '../../auth/session.ts';
import { errorText } from '../../components/QueryState.tsx';
import '../account.css';

export const MIN_PASSWORD_LENGTH = 12;

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage() {
  const { t } = useTranslation('auth');
  const { user } = useSession();
  const change = useChangePassword();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const onFinish = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          navigate('/', { replace: true });
        },
      },
    );

  return (
    <div className="account-page">
      <Card className="account-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('password.title')}
        </Typography.Title>
        {user?.mustChangePassword && (
          <Alert type="warning" showIcon message={t('password.forced')} style={{ marginBottom: 16 }} />
        )}
        {change.error && (
          <Alert
            type="error"
            showIcon
            message={errorText(change.error, t)}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
            rules={[
              { required: true, message: t('password.required') },
              { min: MIN_PASSWORD_LENGTH, message: t('password.tooShort', { min: MIN_PASSWORD_LENGTH }) },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
