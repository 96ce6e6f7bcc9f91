// The signed-in user (GET /api/auth/me; 401 = anonymous, not an error) and the account mutations.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../api/http.ts';
import type { SessionUser } from '../api/types.ts';

export const SESSION_KEY = ['auth', 'me'] as const;

async function fetchMe(signal: AbortSignal): Promise<SessionUser | null> {
  try {
    return await apiRequest<SessionUser>('/api/auth/me', { signal });
  } catch (e) {
    // Anonymous (401): signed out, no error shown.
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Who is signed in (also asked by the app's start, before the first render). */
export const sessionQueryOptions = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: ({ signal }) => fetchMe(signal),
  staleTime: 60_000,
  retry: false,
});

export function useSession() {
  const q = useQuery(sessionQueryOptions);
  return { user: q.data ?? null, isLoading: q.isPending, error: q.error };
}

/** True when the user holds any of the roles (in any scope); an empty list means everyone. */
export function hasAnyRole(user: SessionUser | null, roles: readonly string[]): boolean {
  if (roles.length === 0) return true;
  return !!user && user.roles.some((g) => roles.includes(g.role));
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      apiRequest<SessionUser>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (user) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] === 'admin' });
      qc.setQueryData(SESSION_KEY, user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] === 'admin' });
      qc.setQueryData(SESSION_KEY, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiRequest<void>('/api/auth/password', { method: 'POST', body }),
    onSuccess: () => {
      qc.setQueryData<SessionUser | null>(SESSION_KEY, (u) => (u ? { ...u, mustChangePassword: false } : u));
      void qc.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
