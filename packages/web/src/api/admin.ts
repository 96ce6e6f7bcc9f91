// Queries and mutations of user management and the audit log (admin / coordinator).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './http.ts';
import type {
  AuditEvent,
  AuditQuery,
  CreateUserRequest,
  CreateUserResponse,
  Page,
  RoleGrant,
  UserSummary,
} from './types.ts';

const USERS_KEY = ['admin', 'users'] as const;

export const useUsers = () =>
  useQuery({
    queryKey: USERS_KEY,
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: UserSummary[] }>('/api/users', { signal })).items,
  });

function useUserMutation<A>(fn: (args: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: USERS_KEY }) });
}

export const useCreateUser = () =>
  useUserMutation((body: CreateUserRequest) =>
    apiRequest<CreateUserResponse>('/api/users', { method: 'POST', body }),
  );

const userPath = (username: string) => `/api/users/${encodeURIComponent(username)}`;

export const useGrantRole = () =>
  useUserMutation(({ username, grant }: { username: string; grant: RoleGrant }) =>
    apiRequest<void>(`${userPath(username)}/roles`, { method: 'POST', body: grant }),
  );

export const useRevokeRole = () =>
  useUserMutation(({ username, grant }: { username: string; grant: RoleGrant }) =>
    apiRequest<void>(
      `${userPath(username)}/roles/${encodeURIComponent(grant.role)}/${encodeURIComponent(grant.scope)}`,
      {
        method: 'DELETE',
      },
    ),
  );

export const useDisableUser = () =>
  useUserMutation((username: string) =>
    apiRequest<void>(`${userPath(username)}/disable`, { method: 'POST' }),
  );

export const useAuditEvents = (query: AuditQuery) =>
  useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) => apiRequest<Page<AuditEvent>>('/api/audit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
