// The 无权访问 state: a page the user may not see, with a way to sign in for anonymous visitors.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

export function NoAccess({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('state.noAccess')}
      subTitle={signedIn ? t('state.noAccessHint') : t('state.signInHint')}
      extra={
        signedIn ? (
          <Link to="/">{t('state.backHome')}</Link>
        ) : (
          <Button type="primary" onClick={() => navigate('/login', { state: { from: location.pathname } })}>
            {t('auth.signIn')}
          </Button>
        )
      }
    />
  );
}
