// The header links from the navigation registry: plain links that never fold into an overflow menu.
import { NavLink } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { navigation } from '../navigation.ts';
import { hasAnyRole, useSession } from '../auth/session.ts';

const conditional = navigation.filter((e) => e.visibleWhen);

export function HeaderNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  // Entries shown only when their condition holds (e.g. 排名 once published evaluation runs exist).
  const shown = useQueries({
    queries: conditional.map((e) => ({
      queryKey: ['nav-visible', e.path],
      queryFn: () => e.visibleWhen!().catch(() => false),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const visible = new Set(conditional.filter((_, i) => shown[i]?.data === true).map((e) => e.path));
  // During a forced password change only the public pages are linked (the others lead back to it).
  const restricted = user?.mustChangePassword ?? false;
  const entries = navigation.filter(
    (e) =>
      e.placement === 'header' &&
      (!e.visibleWhen || visible.has(e.path)) &&
      (!e.signedIn || user) &&
      hasAnyRole(user, e.roles) &&
      !(restricted && (e.signedIn || e.roles.length > 0)),
  );
  return (
    <nav className="scimon-nav" aria-label={t('nav.label')}>
      {entries.map((e) => (
        <NavLink
          key={e.path}
          to={e.path}
          end={e.path === '/'}
          className={({ isActive }) => (isActive ? 'active' : '')}
        >
          {t(e.labelKey)}
        </NavLink>
      ))}
    </nav>
  );
}
