// The header links from the navigation registry: plain links that never fold into an overflow menu.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { navigation } from '../navigation.ts';
import { hasAnyRole, useSession } from '../auth/session.ts';

export function HeaderNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  // During a forced password change only the public pages are linked (the others lead back to it).
  const restricted = user?.mustChangePassword ?? false;
  const entries = navigation.filter(
    (e) =>
      e.placement === 'header' &&
      (!e.signedIn || user) &&
      hasAnyRole(user, e.roles) &&
      !(restricted && (e.signedIn || e.roles.length > 0)),
  );
  return (
    <nav className="scimon-nav" aria-label={t('nav.label')}>
      {entries.map((e) => (
        <NavLink key={e.path} to={e.path} className={({ isActive }) => (isActive ? 'active' : '')}>
          {t(e.labelKey)}
        </NavLink>
      ))}
    </nav>
  );
}
