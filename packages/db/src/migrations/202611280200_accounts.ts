// Accounts: users, role grants scoped to the org-unit tree (or a lead unit), sessions, API tokens,
// login attempts (for lock-out) and the append-only audit log.
import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('app_user'))
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('display_name', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('password_changed_at', 'varchar(40)')
    .addColumn('last_login_at', 'varchar(40)')
    .execute();

  await withId(db, db.schema.createTable('role_grant'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('scope', 'varchar(40)', (c) => c.notNull())
    .addColumn('granted_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('granted_by', 'varchar(64)', (c) => c.notNull())
    .addUniqueConstraint('role_grant_uq', ['user_id', 'role', 'scope'])
    .execute();

  await db.schema
    .createTable('app_session')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_ms', 'bigint', (c) => c.notNull())
    .addColumn('client_address', 'varchar(64)')
    .execute();
  await db.schema.createIndex('app_session_user_idx').on('app_session').column('user_id').execute();

  await withId(db, db.schema.createTable('api_token'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(40)')
    .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('login_attempt'))
    .addColumn('username', 'varchar(64)', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .addColumn('client_address', 'varchar(64)')
    .execute();
  await db.schema
    .createIndex('login_attempt_user_idx')
    .on('login_attempt')
    .columns(['username', 'at_ms'])
    .execute();

  await withId(db, db.schema.createTable('audit_event'))
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('object_type', 'varchar(40)')
    .addColumn('object_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_id', 'varchar(64)')
    .addColumn('client_address', 'varchar(64)')
    .execute();
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_event', 'login_attempt', 'api_token', 'app_session', 'role_grant', 'app_user']) {
    await db.schema.dropTable(t).execute();
  }
}
