// SQL for users, role grants, sessions, API tokens and login attempts.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

export const findUserByUsername = (db: Kysely<Database>, username: string) =>
  db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = (db: Kysely<Database>, id: number) =>
  db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();

export const listGrants = (db: Kysely<Database>, userId: number) =>
  db.selectFrom('role_grant').select(['role', 'scope']).where('user_id', '=', userId).orderBy('id').execute();

export const insertSession = (
  db: Kysely<Database>,
  row: {
    id_hash: string;
    user_id: number;
    csrf_token: string;
    created_ms: number;
    last_seen_ms: number;
    client_address: string | null;
  },
) => db.insertInto('app_session').values(row).execute();

export const findSession = (db: Kysely<Database>, idHash: string) =>
  db.selectFrom('app_session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();

export const touchSession = (db: Kysely<Database>, idHash: string, lastSeenMs: number) =>
  db.updateTable('app_session').set({ last_seen_ms: lastSeenMs }).where('id_hash', '=', idHash).execute();

export const deleteSession = (db: Kysely<Database>, idHash: string) =>
  db.deleteFrom('app_session').where('id_hash', '=', idHash).execute();

/** Ends every session of a user, except the one named (the caller's own). */
export function deleteUserSessions(db: Kysely<Database>, userId: number, exceptIdHash?: string) {
  let q = db.deleteFrom('app_session').where('user_id', '=', userId);
  if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
  return q.execute();
}

export const findApiToken = (db: Kysely<Database>, tokenHash: string) =>
  db
    .selectFrom('api_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked', '=', 0)
    .executeTakeFirst();

export const recordLoginAttempt = (
  db: Kysely<Database>,
  row: { username: string; at_ms: number; success: number; client_address: string | null },
) => db.insertInto('login_attempt').values(row).execute();

/** Failures since the last success within the window (a success resets the count). */
export async function countRecentFailures(db: Kysely<Database>, username: string, sinceMs: number) {
  const rows = await db
    .selectFrom('login_attempt')
    .select(['success', 'at_ms'])
    .where('username', '=', username)
    .where('at_ms', '>=', sinceMs)
    .orderBy('at_ms', 'desc')
    .orderBy('id', 'desc')
    .execute();
  let failures = 0;
  let lastFailureMs = 0;
  for (const r of rows) {
    if (r.success) break;
    failures++;
    lastFailureMs = Math.max(lastFailureMs, Number(r.at_ms));
  }
  return { failures, lastFailureMs };
}

export const updateUser = (
  db: Kysely<Database>,
  id: number,
  set: Partial<{
    password_hash: string;
    must_change_password: number;
    disabled: number;
    password_changed_at: string;
    last_login_at: string;
  }>,
) => db.updateTable('app_user').set(set).where('id', '=', id).execute();
