// SQL for user administration.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

export const listUsers = (db: Kysely<Database>) =>
  db.selectFrom('app_user').selectAll().orderBy('username').execute();

export const listAllGrants = (db: Kysely<Database>) =>
  db.selectFrom('role_grant').select(['user_id', 'role', 'scope']).orderBy('id').execute();

export const insertUser = (
  db: Kysely<Database>,
  row: {
    username: string;
    display_name: string | null;
    password_hash: string;
    must_change_password: number;
    created_at: string;
  },
) =>
  db
    .insertInto('app_user')
    .values({ ...row, disabled: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();

export const insertGrant = (
  db: Kysely<Database>,
  row: { user_id: number; role: string; scope: string; granted_at: string; granted_by: string },
) =>
  db
    .insertInto('role_grant')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'role', 'scope']).doNothing())
    .execute();

export const deleteGrant = (db: Kysely<Database>, userId: number, role: string, scope: string) =>
  db
    .deleteFrom('role_grant')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .where('scope', '=', scope)
    .executeTakeFirst();

export const findLeadUnit = (db: Kysely<Database>, code: string) =>
  db.selectFrom('lead_unit').select('code').where('code', '=', code).executeTakeFirst();

export const findTreeUnit = (db: Kysely<Database>, code: string) =>
  db
    .selectFrom('org_unit')
    .select(['code', 'kind'])
    .where('code', '=', code)
    .where('kind', '!=', 'reference')
    .executeTakeFirst();

/** The root of the tree (the science city): the unit without a parent that rolls up. */
export const findRootUnit = (db: Kysely<Database>) =>
  db
    .selectFrom('org_unit')
    .select('code')
    .where('parent_id', 'is', null)
    .where('kind', '=', 'area')
    .orderBy('seq')
    .executeTakeFirst();

export const insertApiToken = (
  db: Kysely<Database>,
  row: { user_id: number; name: string; token_hash: string; created_at: string },
) =>
  db
    .insertInto('api_token')
    .values({ ...row, revoked: 0 })
    .execute();
