// Evidence files: a type allow-list checked on the name, the declared type and the first bytes;
// content-addressed storage (SHA-256) under SCIMON_EVIDENCE_DIR or var/evidence/ at the repository root.
// Identical content is stored once; rows in task_evidence say who uploaded what for which task.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { EvidenceFile } from '@scimon/contracts';
import { err, ok, type Result } from '@scimon/core';
import { repoRoot } from '../../paths.ts';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import { presentEvidence } from './tasks.presenter.ts';
import * as repo from './tasks.repository.ts';

export function evidenceDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SCIMON_EVIDENCE_DIR
    ? path.resolve(repoRoot, env.SCIMON_EVIDENCE_DIR)
    : path.join(repoRoot, 'var', 'evidence');
}

export const evidencePath = (dir: string, sha256: string) => path.join(dir, sha256.slice(0, 2), sha256);

const ZIP = (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
const TEXT = (b: Buffer) => !b.subarray(0, 8192).includes(0);

/** Allowed types: extension → media type and a check of the first bytes (the declared type alone is not trusted). */
export const ALLOWED_TYPES: Record<string, { mediaType: string; looksLike: (b: Buffer) => boolean }> = {
  pdf: { mediaType: 'application/pdf', looksLike: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  png: {
    mediaType: 'image/png',
    looksLike: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  jpg: {
    mediaType: 'image/jpeg',
    looksLike: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  },
  jpeg: {
    mediaType: 'image/jpeg',
    looksLike: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    looksLike: ZIP,
  },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', looksLike: ZIP },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    looksLike: ZIP,
  },
  txt: { mediaType: 'text/plain', looksLike: TEXT },
  csv: { mediaType: 'text/csv', looksLike: TEXT },
};
export const ALLOWED_LIST = Object.keys(ALLOWED_TYPES).join(', ');

export interface IncomingFile {
  fileName: string;
  data: Buffer;
}

/** The allowed type of a file, or null. */
export function allowedType(f: IncomingFile): string | null {
  const ext = path.extname(f.fileName).slice(1).toLowerCase();
  const spec = ALLOWED_TYPES[ext];
  return spec && f.data.length > 0 && spec.looksLike(f.data) ? spec.mediaType : null;
}

/** Keeps a display name safe: no directories, no control characters, bounded length. */
const cleanName = (name: string) =>
  path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[\p{Cc}]/gu, '')
    .slice(0, 200) || 'file';

async function storeBlob(dir: string, sha256: string, data: Buffer): Promise<void> {
  const target = evidencePath(dir, sha256);
  if (
    await stat(target).then(
      () => true,
      () => false,
    )
  )
    return;
  await mkdir(path.dirname(target), { recursive: true });
  // Write beside and rename, so a reader never sees a partly written file.
  const tmp = `${target}.${randomBytes(6).toString('hex')}.part`;
  await writeFile(tmp, data);
  await rename(tmp, target);
}

/**
 * Checks every file first (type), then stores them all and records them in one transaction: a request
 * with one bad file stores none. Files are recorded unattached; filing a report attaches them.
 */
export async function uploadEvidence(
  db: Kysely<Database>,
  ctx: AuditContext,
  dir: string,
  code: string,
  leadUnit: string,
  files: readonly IncomingFile[],
): Promise<Result<EvidenceFile[]>> {
  const task = await repo.findTask(db, code);
  if (!task) return err({ code: 'E_TASK_NOT_FOUND', params: { code } });
  const closure = await repo.findClosure(db, code);
  if (closure) return err({ code: 'E_TASK_CLOSED', params: { code, closedOn: closure.closed_on } });
  if (!(await repo.leadUnitsOf(db, code)).includes(leadUnit))
    return err({ code: 'E_TASK_NOT_LEAD_UNIT', params: { code, leadUnit } });
  if (files.length === 0) return err({ code: 'E_TASK_EVIDENCE_MISSING' });
  const typed: (IncomingFile & { mediaType: string; sha256: string })[] = [];
  for (const f of files) {
    const mediaType = allowedType(f);
    if (!mediaType)
      return err({
        code: 'E_TASK_EVIDENCE_TYPE',
        params: { file: cleanName(f.fileName), allowed: ALLOWED_LIST },
      });
    typed.push({
      ...f,
      fileName: cleanName(f.fileName),
      mediaType,
      sha256: createHash('sha256').update(f.data).digest('hex'),
    });
  }
  for (const f of typed) await storeBlob(dir, f.sha256, f.data);
  const rows = await db.transaction().execute(async (tx) => {
    const out = [];
    for (const f of typed) {
      out.push(
        await tx
          .insertInto('task_evidence')
          .values({
            task_code: code,
            lead_unit_code: leadUnit,
            report_id: null,
            sha256: f.sha256,
            file_name: f.fileName,
            media_type: f.mediaType,
            size_bytes: f.data.length,
            uploaded_at: ctx.at,
            uploaded_by: ctx.actor,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    }
    await recordAudit(tx, ctx, {
      action: 'task.evidence_uploaded',
      objectType: 'task',
      objectId: code,
      after: {
        leadUnit,
        files: typed.map((f) => ({ name: f.fileName, sha256: f.sha256, size: f.data.length })),
      },
    });
    return out;
  });
  return ok(rows.map(presentEvidence));
}

export async function findEvidenceFile(db: Kysely<Database>, dir: string, id: number) {
  const row = await repo.findEvidence(db, id);
  if (!row) return err({ code: 'E_TASK_EVIDENCE_NOT_FOUND', params: { id, leadUnit: '—', code: '—' } });
  return ok({ row, file: evidencePath(dir, row.sha256) });
}
