// Header: product name, the navigation links, the language switch and the account area.
import { Layout } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HeaderNav } from './HeaderNav.tsx';
import { LanguageButton } from './LanguageButton.tsx';
import { AccountArea } from './AccountArea.tsx';
import './header.css';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <Layout.Header className="scimon-header">
      <Link to="/" className="scimon-brand">
        <span className="scimon-logo" aria-hidden>
          科
        </span>
        <span>{t('product')}</span>
      </Link>
      <HeaderNav />
      <div className="scimon-header-tools">
        <LanguageButton />
        <AccountArea />
      </div>
    </Layout.Header>
  );
}
