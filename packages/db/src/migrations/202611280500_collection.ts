// Data collection: uploaded files kept by content hash, and one row per accepted import (file, JSON
// batch or CLI) with its counts, so nothing submitted is ever lost and every value traces to its upload.
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';
import { withId } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('stored_file'))
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('stored_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('stored_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('data_import'))
    .addColumn('file_id', 'integer', (c) => c.references('stored_file.id'))
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .addColumn('encoding', 'varchar(20)')
    .addColumn('created', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('warned', 'integer', (c) => c.notNull())
    .addColumn('not_reported', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_import_at_idx').on('data_import').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('data_import').execute();
  await db.schema.dropTable('stored_file').execute();
}
