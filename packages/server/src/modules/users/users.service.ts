// User administration: create users with a first role, grant and revoke roles, disable, API tokens.
// Used by the admin API and by the `scimon users` command; every change is audited by the caller's context.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import { USERNAME_PATTERN, type Role, type RoleGrant, type UserSummary } from '@scimon/contracts';
import { err, ok, type Result } from '@scimon/core';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import { findUserByUsername, deleteUserSessions, updateUser } from '../auth/auth.repository.ts';
import { checkPasswordRules, generatePassword, hashPassword } from '../auth/password.ts';
import { newApiToken, sha256Hex } from '../auth/tokens.ts';
import type { AuthConfig } from '../auth/auth.config.ts';
import * as repo from './users.repository.ts';

export async function getUsers(db: Kysely<Database>): Promise<UserSummary[]> {
  const [users, grants] = await Promise.all([repo.listUsers(db), repo.listAllGrants(db)]);
  return users.map((u) => ({
    username: u.username,
    displayName: u.display_name,
    disabled: u.disabled === 1,
    mustChangePassword: u.must_change_password === 1,
    roles: grants.filter((g) => g.user_id === u.id).map((g) => ({ role: g.role as Role, scope: g.scope })),
    createdAt: u.created_at,
    lastLoginAt: u.last_login_at,
  }));
}

/** A task owner's scope is a lead unit; every other role's is an org unit of the tree. */
async function checkScope(db: Kysely<Database>, grant: RoleGrant): Promise<Result<void>> {
  const found =
    grant.role === 'task_owner'
      ? await repo.findLeadUnit(db, grant.scope)
      : await repo.findTreeUnit(db, grant.scope);
  if (found) return ok(undefined);
  return err({
    code: 'E_SCOPE_UNKNOWN',
    params: {
      role: grant.role,
      scope: grant.scope,
      expected: grant.role === 'task_owner' ? 'lead_unit_code' : 'org_unit_code',
    },
  });
}

export interface NewUser {
  username: string;
  displayName?: string | null;
  /** When absent a password is generated and returned once. */
  password?: string | null;
  role: Role;
  scope: string;
  mustChangePassword?: boolean;
}

export async function createUser(
  db: Kysely<Database>,
  config: AuthConfig,
  ctx: AuditContext,
  input: NewUser,
): Promise<Result<{ username: string; generatedPassword: string | null }>> {
  if (!USERNAME_PATTERN.test(input.username))
    return err({ code: 'E_USER_INVALID', params: { username: input.username } });
  if (await findUserByUsername(db, input.username))
    return err({ code: 'E_USER_EXISTS', params: { username: input.username } });
  const scoped = await checkScope(db, { role: input.role, scope: input.scope });
  if (!scoped.ok) return scoped;
  const generatedPassword = input.password ? null : generatePassword();
  const password = input.password ?? generatedPassword!;
  const problem = checkPasswordRules(password, input.username, config.passwordMinLength);
  if (problem) return err({ code: 'E_AUTH_PASSWORD_WEAK', params: { ...problem } });
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const { id } = await repo.insertUser(tx, {
      username: input.username,
      display_name: input.displayName ?? null,
      password_hash: hash,
      must_change_password: input.mustChangePassword === false ? 0 : 1,
      created_at: ctx.at,
    });
    await repo.insertGrant(tx, {
      user_id: id,
      role: input.role,
      scope: input.scope,
      granted_at: ctx.at,
      granted_by: ctx.actor,
    });
    await recordAudit(tx, ctx, {
      action: 'user.created',
      objectType: 'user',
      objectId: input.username,
      after: {
        username: input.username,
        displayName: input.displayName ?? null,
        roles: [{ role: input.role, scope: input.scope }],
      },
    });
  });
  return ok({ username: input.username, generatedPassword });
}

export async function grantRole(
  db: Kysely<Database>,
  ctx: AuditContext,
  username: string,
  grant: RoleGrant,
): Promise<Result<void>> {
  const user = await findUserByUsername(db, username);
  if (!user) return err({ code: 'E_USER_NOT_FOUND', params: { username } });
  const scoped = await checkScope(db, grant);
  if (!scoped.ok) return scoped;
  await db.transaction().execute(async (tx) => {
    await repo.insertGrant(tx, {
      user_id: user.id,
      role: grant.role,
      scope: grant.scope,
      granted_at: ctx.at,
      granted_by: ctx.actor,
    });
    await recordAudit(tx, ctx, {
      action: 'user.role_granted',
      objectType: 'user',
      objectId: username,
      after: grant,
    });
  });
  return ok(undefined);
}

export async function revokeRole(
  db: Kysely<Database>,
  ctx: AuditContext,
  username: string,
  grant: RoleGrant,
): Promise<Result<void>> {
  const user = await findUserByUsername(db, username);
  if (!user) return err({ code: 'E_USER_NOT_FOUND', params: { username } });
  await db.transaction().execute(async (tx) => {
    await repo.deleteGrant(tx, user.id, grant.role, grant.scope);
    await recordAudit(tx, ctx, {
      action: 'user.role_revoked',
      objectType: 'user',
      objectId: username,
      before: grant,
    });
  });
  return ok(undefined);
}

/** Disables an account and ends its sessions at once. */
export async function disableUser(
  db: Kysely<Database>,
  ctx: AuditContext,
  username: string,
): Promise<Result<void>> {
  const user = await findUserByUsername(db, username);
  if (!user) return err({ code: 'E_USER_NOT_FOUND', params: { username } });
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, { disabled: 1 });
    await deleteUserSessions(tx, user.id);
    await recordAudit(tx, ctx, {
      action: 'user.disabled',
      objectType: 'user',
      objectId: username,
      before: { disabled: user.disabled === 1 },
      after: { disabled: true },
    });
  });
  return ok(undefined);
}

/** Creates an API token for machine uploads; the token is returned once, only its hash is kept. */
export async function createApiToken(
  db: Kysely<Database>,
  ctx: AuditContext,
  username: string,
  name: string,
): Promise<Result<string>> {
  const user = await findUserByUsername(db, username);
  if (!user) return err({ code: 'E_USER_NOT_FOUND', params: { username } });
  const token = newApiToken();
  await db.transaction().execute(async (tx) => {
    await repo.insertApiToken(tx, {
      user_id: user.id,
      name,
      token_hash: sha256Hex(token),
      created_at: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'user.token_created',
      objectType: 'user',
      objectId: username,
      after: { name },
    });
  });
  return ok(token);
}

export type AdminBootstrap = { created: false } | { created: true; generatedPassword: string | null };

/**
 * The first start (and `scimon seed`) creates `admin` if absent: with SCIMON_ADMIN_PASSWORD when set,
 * else a random password printed once; either way it must be changed at first sign-in.
 */
export async function ensureAdmin(
  db: Kysely<Database>,
  config: AuthConfig,
  at: string,
  password: string | undefined,
): Promise<Result<AdminBootstrap>> {
  if (await findUserByUsername(db, 'admin')) return ok({ created: false });
  const root = await repo.findRootUnit(db);
  if (!root) return err({ code: 'E_ORG_UNIT_NOT_FOUND', params: { code: '(root)' } });
  const created = await createUser(
    db,
    config,
    { actor: 'system', at },
    {
      username: 'admin',
      displayName: null,
      password: password || null,
      role: 'admin',
      scope: root.code,
      mustChangePassword: true,
    },
  );
  if (!created.ok) return created;
  return ok({ created: true, generatedPassword: created.value.generatedPassword });
}
