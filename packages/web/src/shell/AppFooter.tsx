import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';

export function AppFooter() {
  const { t } = useTranslation();
  return (
    <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, padding: '12px 32px' }}>
      {t('footer')}
    </Layout.Footer>
  );
}
