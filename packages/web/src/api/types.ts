// Shapes of the account and audit API (the server's contract); catalogue shapes come from @scimon/contracts.
export const ROLES = [
  'admin',
  'coordinator',
  'analyst',
  'reviewer',
  'reporter',
  'task_owner',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: string;
  scope: string;
}

export interface SessionUser {
  username: string;
  displayName: string | null;
  roles: RoleGrant[];
  mustChangePassword: boolean;
}

export interface UserSummary {
  username: string;
  displayName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  roles: RoleGrant[];
  createdAt: string;
  lastLoginAt: string | null;
}

export interface CreateUserRequest {
  username: string;
  displayName?: string;
  password?: string;
  role: string;
  scope: string;
}

export interface CreateUserResponse {
  username: string;
  generatedPassword: string | null;
}

export interface AuditEvent {
  id: number | string;
  at: string;
  actor: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  clientAddress: string | null;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  objectType?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}
