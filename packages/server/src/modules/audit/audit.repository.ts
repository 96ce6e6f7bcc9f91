// SQL for the append-only audit log: inserts and filtered reads, never updates or deletes.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

export interface AuditRow {
  at: string;
  actor: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  client_address: string | null;
}

export async function insertAuditEvent(db: Kysely<Database>, row: AuditRow): Promise<void> {
  await db.insertInto('audit_event').values(row).execute();
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  objectType?: string;
  /** Inclusive bounds on the ISO timestamp (compared as text: all stamps share the +08:00 form). */
  fromAt?: string;
  toAt?: string;
  limit: number;
  offset: number;
}

export async function findAuditEvents(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_event');
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.fromAt) q = q.where('at', '>=', f.fromAt);
  if (f.toAt) q = q.where('at', '<=', f.toAt);
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
