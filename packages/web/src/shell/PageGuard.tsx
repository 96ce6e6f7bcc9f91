// Access to one page: a forced password change comes first; a page the user may not see shows 无权访问.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { NavEntry } from '../navigation.ts';
import { hasAnyRole, useSession } from '../auth/session.ts';
import { NoAccess } from '../components/NoAccess.tsx';
import { PageLoading } from '../components/PageLoading.tsx';

export function PageGuard({ entry, children }: { entry: NavEntry; children: ReactNode }) {
  const { user, isLoading } = useSession();
  const location = useLocation();
  const needsUser = entry.signedIn || entry.roles.length > 0;
  if (isLoading && needsUser) return <PageLoading />;
  if (user?.mustChangePassword && entry.path !== '/password' && entry.path !== '/login') {
    return <Navigate to="/password" replace state={{ from: location.pathname }} />;
  }
  if (needsUser && !user) return <NoAccess signedIn={false} />;
  if (!hasAnyRole(user, entry.roles)) return <NoAccess signedIn />;
  return children;
}
