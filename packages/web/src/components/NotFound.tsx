import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result status="404" title={t('state.notFound')} extra={<Link to="/">{t('state.backHome')}</Link>} />
  );
}
