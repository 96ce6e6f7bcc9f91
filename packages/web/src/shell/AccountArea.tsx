// 登录 for anonymous visitors; the user menu (修改密码, 退出) when signed in.
import { Button, Dropdown } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useSession } from '../auth/session.ts';

export function AccountArea() {
  const { t } = useTranslation();
  const { user, isLoading } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  if (isLoading) return null;
  if (!user) {
    if (location.pathname === '/login') return null;
    return (
      <Button type="primary" onClick={() => navigate('/login', { state: { from: location.pathname } })}>
        {t('auth.signIn')}
      </Button>
    );
  }
  const items = [
    { key: 'password', label: t('auth.changePassword') },
    { key: 'logout', label: t('auth.signOut') },
  ];
  const onClick = ({ key }: { key: string }) => {
    if (key === 'password') navigate('/password');
    else logout.mutate(undefined, { onSettled: () => navigate('/') });
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button ghost data-testid="user-menu" icon={<UserOutlined />}>
        {user.displayName || user.username} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
