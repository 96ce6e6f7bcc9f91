// 登录: username and password; a forced password change goes to /password first.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../../auth/session.ts';
import { errorText } from '../../components/QueryState.tsx';
import '../account.css';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  const onFinish = (values: Values) =>
    login.mutate(values, {
      onSuccess: (user) => {
        if (user.mustChangePassword) navigate('/password', { replace: true });
        else navigate(from && from !== '/login' ? from : '/', { replace: true });
      },
    });

  return (
    <div className="account-page">
      <Card className="account-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {login.error && (
          <Alert
            type="error"
            showIcon
            message={errorText(login.error, t)}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
