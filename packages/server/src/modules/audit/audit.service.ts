// Records audit events (who, when in Asia/Shanghai, action, object, before, after, request, address)
// and reads them back. High-volume writes record one event with a summary, not one per value.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { AuditEvent, AuditQuery } from '@scimon/contracts';
import { findAuditEvents, insertAuditEvent } from './audit.repository.ts';

export interface AuditContext {
  actor: string;
  at: string;
  requestId?: string | null;
  clientAddress?: string | null;
}

export interface AuditEntry {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
}

const toJson = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export async function recordAudit(db: Kysely<Database>, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, {
    at: ctx.at,
    actor: ctx.actor,
    action: entry.action,
    object_type: entry.objectType ?? null,
    object_id: entry.objectId ?? null,
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
    request_id: ctx.requestId ?? null,
    client_address: ctx.clientAddress ?? null,
  });
}

export async function listAuditEvents(
  db: Kysely<Database>,
  q: AuditQuery,
): Promise<{ items: AuditEvent[]; total: number }> {
  const page = await findAuditEvents(db, {
    actor: q.actor,
    action: q.action,
    objectType: q.objectType,
    fromAt: q.from ? `${q.from}T00:00:00+08:00` : undefined,
    toAt: q.to ? `${q.to}T23:59:59+08:00` : undefined,
    limit: q.limit,
    offset: q.offset,
  });
  return {
    total: page.total,
    items: page.items.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      requestId: r.request_id,
      clientAddress: r.client_address,
    })),
  };
}
