// Sign-in, sessions, API tokens and password changes. Returns Results; never speaks HTTP.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { Principal, RoleGrant } from '@scimon/contracts';
import { err, ok, type Result } from '@scimon/core';
import type { AuthConfig } from './auth.config.ts';
import * as repo from './auth.repository.ts';
import { checkPasswordRules, DUMMY_HASH_SOURCE, hashPassword, verifyPassword } from './password.ts';
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from './tokens.ts';

/** Who is calling, as resolved from a session cookie or an API token. */
export interface AuthenticatedUser {
  userId: number;
  username: string;
  displayName: string | null;
  roles: RoleGrant[];
  mustChangePassword: boolean;
  via: 'session' | 'token';
  /** For session callers: the hash that identifies the session, and its CSRF token. */
  sessionIdHash?: string;
  csrfToken?: string;
}

export interface ClientInfo {
  clientAddress: string | null;
  nowMs: number;
  nowIso: string;
}

let dummyHash: Promise<string> | undefined;

async function grantsOf(db: Kysely<Database>, userId: number): Promise<RoleGrant[]> {
  return (await repo.listGrants(db, userId)) as RoleGrant[];
}

export const toPrincipal = (u: AuthenticatedUser): Principal => ({
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  mustChangePassword: u.mustChangePassword,
});

export interface LoginSuccess {
  user: AuthenticatedUser;
  sessionToken: string;
}

/**
 * Checks the password. Unknown users and wrong passwords get the same answer (and the same work);
 * after `maxFailures` failures within the window the account is locked for the window.
 */
export async function login(
  db: Kysely<Database>,
  config: AuthConfig,
  username: string,
  password: string,
  client: ClientInfo,
): Promise<Result<LoginSuccess>> {
  const { failures, lastFailureMs } = await repo.countRecentFailures(
    db,
    username,
    client.nowMs - config.lockWindowMs,
  );
  if (failures >= config.maxFailures) {
    const minutes = Math.max(1, Math.ceil((lastFailureMs + config.lockWindowMs - client.nowMs) / 60_000));
    return err({ code: 'E_AUTH_LOCKED', params: { minutes } });
  }
  const user = await repo.findUserByUsername(db, username);
  const valid = user
    ? await verifyPassword(password, user.password_hash)
    : await verifyPassword(password, await (dummyHash ??= hashPassword(DUMMY_HASH_SOURCE)));
  const attempt = { username, at_ms: client.nowMs, client_address: client.clientAddress };
  if (!user || !valid || user.disabled) {
    await repo.recordLoginAttempt(db, { ...attempt, success: 0 });
    return err({ code: 'E_AUTH_INVALID' });
  }
  await repo.recordLoginAttempt(db, { ...attempt, success: 1 });
  const sessionToken = newSecret();
  const csrfToken = newSecret(24);
  const idHash = sha256Hex(sessionToken);
  await repo.insertSession(db, {
    id_hash: idHash,
    user_id: user.id,
    csrf_token: csrfToken,
    created_ms: client.nowMs,
    last_seen_ms: client.nowMs,
    client_address: client.clientAddress,
  });
  await repo.updateUser(db, user.id, { last_login_at: client.nowIso });
  return ok({
    sessionToken,
    user: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: await grantsOf(db, user.id),
      mustChangePassword: user.must_change_password === 1,
      via: 'session',
      sessionIdHash: idHash,
      csrfToken,
    },
  });
}

export type SessionLookup =
  { state: 'valid'; user: AuthenticatedUser } | { state: 'expired' } | { state: 'unknown' };

/** Resolves a session cookie; ends sessions idle too long or past their absolute lifetime. */
export async function resolveSession(
  db: Kysely<Database>,
  config: AuthConfig,
  token: string,
  nowMs: number,
): Promise<SessionLookup> {
  const idHash = sha256Hex(token);
  const session = await repo.findSession(db, idHash);
  if (!session) return { state: 'unknown' };
  const idle = nowMs - Number(session.last_seen_ms) > config.idleTimeoutMs;
  const old = nowMs - Number(session.created_ms) > config.absoluteTimeoutMs;
  const user = await repo.findUserById(db, session.user_id);
  if (idle || old || !user || user.disabled) {
    await repo.deleteSession(db, idHash);
    return { state: 'expired' };
  }
  // Refresh the idle clock at most once a minute, so reads do not write on every request.
  if (nowMs - Number(session.last_seen_ms) > 60_000) await repo.touchSession(db, idHash, nowMs);
  return {
    state: 'valid',
    user: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: await grantsOf(db, user.id),
      mustChangePassword: user.must_change_password === 1,
      via: 'session',
      sessionIdHash: idHash,
      csrfToken: session.csrf_token,
    },
  };
}

/** Resolves `Authorization: Bearer scimon_…`; API tokens act as their user and need no CSRF token. */
export async function resolveApiToken(
  db: Kysely<Database>,
  token: string,
): Promise<AuthenticatedUser | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await repo.findApiToken(db, sha256Hex(token));
  if (!row) return null;
  const user = await repo.findUserById(db, row.user_id);
  if (!user || user.disabled) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: await grantsOf(db, user.id),
    mustChangePassword: false,
    via: 'token',
  };
}

export async function logout(db: Kysely<Database>, sessionIdHash: string): Promise<void> {
  await repo.deleteSession(db, sessionIdHash);
}

/** Changes the caller's own password; other sessions of the user end, this one stays. */
export async function changePassword(
  db: Kysely<Database>,
  config: AuthConfig,
  user: AuthenticatedUser,
  currentPassword: string,
  newPassword: string,
  nowIso: string,
): Promise<Result<void>> {
  const row = await repo.findUserById(db, user.userId);
  if (!row || !(await verifyPassword(currentPassword, row.password_hash)))
    return err({ code: 'E_AUTH_INVALID' });
  const problem = checkPasswordRules(newPassword, row.username, config.passwordMinLength);
  if (problem) return err({ code: 'E_AUTH_PASSWORD_WEAK', params: { ...problem } });
  if (newPassword === currentPassword)
    return err({ code: 'E_AUTH_PASSWORD_WEAK', params: { reason: 'same_as_current' } });
  await db.transaction().execute(async (tx) => {
    await repo.updateUser(tx, row.id, {
      password_hash: await hashPassword(newPassword),
      must_change_password: 0,
      password_changed_at: nowIso,
    });
    await repo.deleteUserSessions(tx, row.id, user.sessionIdHash);
  });
  return ok(undefined);
}
