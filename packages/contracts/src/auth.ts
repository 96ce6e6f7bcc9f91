// Request and response schemas of accounts, users and the audit log.
import { z } from 'zod';
import { ROLES } from './codes.ts';

/** Limits shared by server and web. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;

export const roleGrant = z.object({ role: z.enum(ROLES), scope: z.string().min(1).max(40) });

export const loginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const principal = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  roles: z.array(roleGrant),
  mustChangePassword: z.boolean(),
});

export const passwordChangeRequest = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const userSummary = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  roles: z.array(roleGrant),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

export const createUserRequest = z.object({
  username: z.string().min(1).max(64),
  displayName: z.string().max(100).optional(),
  password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
  role: z.enum(ROLES),
  scope: z.string().min(1).max(40),
});

export const createUserResponse = z.object({
  username: z.string(),
  generatedPassword: z.string().nullable(),
});

export const auditEvent = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  clientAddress: z.string().nullable(),
});

export const auditQuery = z.object({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  objectType: z.string().max(40).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const auditPage = z.object({ items: z.array(auditEvent), total: z.number() });

export type RoleGrant = z.infer<typeof roleGrant>;
export type Principal = z.infer<typeof principal>;
export type UserSummary = z.infer<typeof userSummary>;
export type AuditEvent = z.infer<typeof auditEvent>;
export type AuditQuery = z.infer<typeof auditQuery>;
