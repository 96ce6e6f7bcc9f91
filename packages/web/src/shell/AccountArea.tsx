// 登录 for anonymous visitors; the user menu when signed in: the administration pages the user may open
// (navigation entries placed in `account`), then 修改密码 and 退出.
import { Button, Dropdown, type MenuProps } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useLogout, useSession } from '../auth/session.ts';
import { navigation } from '../navigation.ts';

const accountEntries = navigation.filter((e) => e.placement === 'account');

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
  // During a forced password change the administration pages lead back to it: not offered.
  const pages = user.mustChangePassword ? [] : accountEntries.filter((e) => hasAnyRole(user, e.roles));
  const items: MenuProps['items'] = [
    ...pages.map((e) => ({ key: e.path, label: <Link to={e.path}>{t(e.labelKey)}</Link> })),
    ...(pages.length > 0 ? [{ type: 'divider' as const }] : []),
    { key: 'password', label: t('auth.changePassword') },
    { key: 'logout', label: t('auth.signOut') },
  ];
  const onClick = ({ key }: { key: string }) => {
    if (key === 'password') navigate('/password');
    else if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/') });
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button ghost data-testid="user-menu" icon={<UserOutlined />}>
        {user.displayName || user.username} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
