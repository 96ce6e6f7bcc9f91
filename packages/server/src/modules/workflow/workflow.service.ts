// The submission workflow per (framework, org unit, period): draft → submitted → returned | approved →
// published. Transitions (single and bulk, all-or-nothing), deadlines, reporting rates, releases and
// revisions of published values (修订). Every transition writes a submission event, the covered report
// values' status (with history rows) and an audit event. See docs/methodology/data-collection.md §Workflow.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@scimon/db';
import { err, ok, type Result } from '@scimon/core';
import type {
  DeadlineRule,
  Release,
  ReportingRates,
  SubmissionAction,
  SubmissionDetail,
  SubmissionStatus,
  SubmissionSummary,
} from '@scimon/contracts';
import { isAllowed, type PrincipalGrants } from '../auth/policy.ts';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import { bumpDataVersion } from '../monitoring/data-version.ts';
import { periodRow } from '../seed/period-dates.ts';
import * as repo from './workflow.repository.ts';
import {
  allowedActions,
  checkDeadlineRule,
  DEFAULT_DEADLINES,
  deadlineOf,
  isOnTime,
  periodTypeOf,
  TRANSITIONS,
  valueStatusOf,
  type PeriodType,
} from './workflow.rules.ts';

type Db = Kysely<Database>;
export type Principal = PrincipalGrants & { username: string };
export interface WorkflowContext extends AuditContext {
  principal: Principal;
}

// ---------------------------------------------------------------- the tree and scope

interface Tree {
  byId: Map<number, repo.UnitRow>;
  byCode: Map<string, repo.UnitRow>;
  path(id: number): string[];
}

async function loadTree(db: Db): Promise<Tree> {
  const units = await repo.loadUnits(db);
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const paths = new Map<number, string[]>();
  return {
    byId,
    byCode,
    path(id) {
      let p = paths.get(id);
      if (!p) {
        p = [];
        for (
          let u = byId.get(id);
          u && p.length < 64;
          u = u.parentId === null ? undefined : byId.get(u.parentId)
        )
          p.push(u.code);
        paths.set(id, p);
      }
      return p;
    },
  };
}

const canSee = (p: PrincipalGrants, path: readonly string[]) =>
  isAllowed(p, 'data.read_unpublished', { orgUnitPath: path });

// ---------------------------------------------------------------- deadlines

export async function listDeadlines(db: Db): Promise<DeadlineRule[]> {
  const rows = new Map((await repo.deadlineRows(db)).map((r) => [r.period_type, r]));
  return (Object.keys(DEFAULT_DEADLINES) as PeriodType[]).map((t) => {
    const r = rows.get(t);
    return r
      ? {
          periodType: t,
          month: r.month === null ? null : Number(r.month),
          day: r.day === null ? null : Number(r.day),
          daysAfterEnd: r.days_after_end === null ? null : Number(r.days_after_end),
        }
      : DEFAULT_DEADLINES[t];
  });
}

export async function setDeadline(
  db: Db,
  ctx: AuditContext,
  rule: DeadlineRule,
): Promise<Result<DeadlineRule>> {
  const clean: DeadlineRule =
    rule.periodType === 'annual'
      ? { periodType: 'annual', month: rule.month, day: rule.day, daysAfterEnd: null }
      : { periodType: rule.periodType, month: null, day: null, daysAfterEnd: rule.daysAfterEnd };
  const problem = checkDeadlineRule(clean);
  if (problem)
    return err({
      code: 'E_WORKFLOW_DEADLINE_INVALID',
      params: { periodType: rule.periodType, detail: problem },
    });
  const before = (await listDeadlines(db)).find((d) => d.periodType === rule.periodType);
  await db.transaction().execute(async (tx) => {
    const values = {
      month: clean.month,
      day: clean.day,
      days_after_end: clean.daysAfterEnd,
      updated_by: ctx.actor,
      updated_at: ctx.at,
    };
    await tx
      .insertInto('submission_deadline')
      .values({ period_type: clean.periodType, ...values })
      .onConflict((oc) => oc.column('period_type').doUpdateSet(values))
      .execute();
    await recordAudit(tx, ctx, {
      action: 'workflow.deadline_set',
      objectType: 'submission_deadline',
      objectId: clean.periodType,
      before,
      after: clean,
    });
  });
  return ok(clean);
}

/** The deadline of a period code under the current rules, or null for an unknown period code. */
function deadlineFor(rules: readonly DeadlineRule[], period: string): string | null {
  const row = periodRow(period);
  const type = row && periodTypeOf(row.type);
  if (!row || !type) return null;
  const rule = rules.find((r) => r.periodType === type) ?? DEFAULT_DEADLINES[type];
  return deadlineOf(rule, { endDate: row.end_date });
}

// ---------------------------------------------------------------- draft submissions from imports

/** What the import hook needs of a written change. */
export interface WrittenValue {
  c: {
    source: string;
    indicator: { framework: string; raw: boolean };
    orgUnit: { id: number };
    periodCode: string;
  };
}

/**
 * Creates the draft submission of every (framework, org unit, period) receiving report values for the
 * first time. Called by the import inside its write transaction; existing submissions are left alone.
 * The keys are gathered here (first-seen order, one small index per framework × period, no string per
 * value); the rows and their 'create' events are written set-based (workflow.repository.ts).
 */
export async function ensureDraftSubmissions(
  tx: Kysely<Database>,
  written: readonly WrittenValue[],
  actor: string,
  at: string,
): Promise<void> {
  const pairs = new Map<string, Map<string, number>>();
  const seen: Set<number>[] = [];
  const keys: repo.SubmissionKey[] = [];
  for (const { c } of written) {
    if (c.source !== 'report' || !c.indicator.raw) continue;
    let byPeriod = pairs.get(c.indicator.framework);
    if (!byPeriod) pairs.set(c.indicator.framework, (byPeriod = new Map()));
    let i = byPeriod.get(c.periodCode);
    if (i === undefined) {
      byPeriod.set(c.periodCode, (i = seen.length));
      seen.push(new Set());
    }
    const units = seen[i]!;
    if (units.has(c.orgUnit.id)) continue;
    units.add(c.orgUnit.id);
    keys.push({ framework: c.indicator.framework, orgUnitId: c.orgUnit.id, period: c.periodCode });
  }
  await repo.createDraftSubmissions(tx, keys, actor, at);
}

// ---------------------------------------------------------------- reads

async function summarise(
  db: Db,
  rows: readonly repo.SubmissionRow[],
  tree: Tree,
  principal: PrincipalGrants | null,
): Promise<SubmissionSummary[]> {
  const rules = await listDeadlines(db);
  const counts = new Map<string, Map<string, number>>();
  const rawCount = new Map<string, Map<string, number>>();
  for (const fw of new Set(rows.map((r) => r.framework_code))) {
    const periods = [...new Set(rows.filter((r) => r.framework_code === fw).map((r) => r.period_code))];
    counts.set(fw, await repo.countReportValues(db, fw, periods));
    const perType = new Map<string, number>();
    for (const i of await repo.rawIndicators(db, fw))
      perType.set(i.period_type, (perType.get(i.period_type) ?? 0) + 1);
    rawCount.set(fw, perType);
  }
  return rows.map((r) => {
    const ouId = Number(r.org_unit_id);
    const unit = tree.byId.get(ouId);
    const status = r.status as SubmissionStatus;
    const valueCount = counts.get(r.framework_code)?.get(`${ouId}|${r.period_code}`) ?? 0;
    const kind = periodRow(r.period_code)?.type ?? 'year';
    const perType = rawCount.get(r.framework_code);
    const expected = (perType?.get(kind) ?? 0) + (kind === 'year' ? (perType?.get('annual') ?? 0) : 0);
    const deadline = deadlineFor(rules, r.period_code) ?? '';
    return {
      id: Number(r.id),
      framework: r.framework_code,
      orgUnit: { code: unit?.code ?? String(ouId), nameZh: unit?.nameZh ?? '', nameEn: unit?.nameEn ?? '' },
      period: r.period_code,
      status,
      version: Number(r.version),
      reason: r.reason,
      valueCount,
      missingCount: Math.max(0, expected - valueCount),
      deadline,
      submittedAt: r.submitted_at,
      submittedBy: r.submitted_by,
      reviewedAt: r.reviewed_at,
      reviewedBy: r.reviewed_by,
      onTime: isOnTime(r.first_submitted_at, deadline),
      allowedActions: allowedActions(principal, status, tree.path(ouId)),
    };
  });
}

export interface ListQuery {
  framework?: string;
  period?: string;
  orgUnit?: string;
  status?: string;
}

/** Submissions within the caller's scope (and under `orgUnit` when given). */
export async function listSubmissions(
  db: Db,
  principal: PrincipalGrants,
  q: ListQuery,
): Promise<Result<SubmissionSummary[]>> {
  const tree = await loadTree(db);
  if (q.orgUnit && !tree.byCode.has(q.orgUnit))
    return err({ code: 'E_ORG_UNIT_NOT_FOUND', params: { code: q.orgUnit } });
  const rows = await repo.findSubmissions(db, { framework: q.framework, period: q.period, status: q.status });
  const visible = rows.filter((r) => {
    const path = tree.path(Number(r.org_unit_id));
    return canSee(principal, path) && (!q.orgUnit || path.includes(q.orgUnit));
  });
  return ok(await summarise(db, visible, tree, principal));
}

/** Where a submission sits (its org unit's code), for the route's permission check. */
export async function submissionUnit(db: Db, id: number): Promise<Result<string>> {
  const s = await repo.findSubmission(db, id);
  if (!s) return err({ code: 'E_WORKFLOW_NOT_FOUND', params: { id } });
  const tree = await loadTree(db);
  return ok(tree.byId.get(Number(s.org_unit_id))?.code ?? '');
}

export async function getSubmission(
  db: Db,
  principal: PrincipalGrants,
  id: number,
): Promise<Result<SubmissionDetail>> {
  const s = await repo.findSubmission(db, id);
  if (!s) return err({ code: 'E_WORKFLOW_NOT_FOUND', params: { id } });
  const tree = await loadTree(db);
  const [summary] = await summarise(db, [s], tree, principal);
  const indicators = new Map((await repo.rawIndicators(db, s.framework_code)).map((i) => [i.code, i]));
  const values = await repo
    .coveredValues(db, s)
    .select(['id', 'indicator_code', 'value', 'comment', 'status', 'version'])
    .orderBy('indicator_code')
    .execute();
  const events = await repo.submissionEvents(db, id);
  return ok({
    ...summary!,
    values: values
      .map((v) => {
        const i = indicators.get(v.indicator_code);
        return {
          id: Number(v.id),
          indicator: v.indicator_code,
          nameZh: i?.name_zh ?? v.indicator_code,
          nameEn: i?.name_en ?? v.indicator_code,
          unitZh: i?.unit_zh ?? '',
          unitEn: i?.unit_en ?? '',
          value: v.value === null ? null : Number(v.value),
          comment: v.comment,
          status: v.status,
          version: Number(v.version),
          seq: Number(i?.seq ?? 0),
        };
      })
      .sort((a, b) => a.seq - b.seq)
      .map(({ seq: _seq, ...v }) => v),
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
      actor: e.actor,
      at: e.at,
    })),
  });
}

// ---------------------------------------------------------------- transitions

/** The columns a history row copies from its value (besides the value's id, who, when and the action). */
const VALUE_COLUMNS = [
  'basis',
  'indicator_code',
  'org_unit_id',
  'period_code',
  'source',
  'value',
  'status',
  'version',
  'comment',
  'source_ref',
] as const;

/** Sets the status of a submission's report values and appends one history row per changed value. */
async function setValueStatus(
  tx: Transaction<Database>,
  s: Pick<repo.SubmissionRow, 'framework_code' | 'org_unit_id' | 'period_code'>,
  status: string,
  actor: string,
  at: string,
  action: string,
): Promise<number> {
  const ids = (await repo.coveredValues(tx, s).select('id').where('status', '!=', status).execute()).map(
    (r) => Number(r.id),
  );
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await tx.updateTable('data_value').set({ status }).where('id', 'in', chunk).execute();
    await tx
      .insertInto('data_value_history')
      .columns(['data_value_id', ...VALUE_COLUMNS, 'changed_by', 'changed_at', 'action'])
      .expression((eb) =>
        eb
          .selectFrom('data_value')
          .select([
            'id',
            ...VALUE_COLUMNS,
            sql.lit(actor).as('changed_by'),
            sql.lit(at).as('changed_at'),
            sql.lit(action).as('action'),
          ])
          .where('id', 'in', chunk),
      )
      .execute();
  }
  return ids.length;
}

export interface ActionInput {
  version: number;
  reason?: string;
}

type Failure = { code: string; params: Record<string, string | number> };

function check(
  s: repo.SubmissionRow,
  action: SubmissionAction,
  input: ActionInput,
  principal: PrincipalGrants,
  path: readonly string[],
): Failure | null {
  const t = TRANSITIONS[action];
  const id = Number(s.id);
  if (!isAllowed(principal, t.permission, { orgUnitPath: path }))
    return { code: 'E_AUTH_FORBIDDEN', params: { action: t.permission } };
  if (t.reason && !input.reason?.trim()) return { code: 'E_WORKFLOW_REASON_REQUIRED', params: { action } };
  if (Number(s.version) !== input.version)
    return { code: 'E_WORKFLOW_STALE', params: { id, current: Number(s.version), expected: input.version } };
  if (!t.from.includes(s.status as SubmissionStatus))
    return { code: 'E_WORKFLOW_STATE', params: { id, status: s.status, action } };
  return null;
}

/** Applies one checked transition inside the caller's transaction. */
async function apply(
  tx: Transaction<Database>,
  ctx: WorkflowContext,
  s: repo.SubmissionRow,
  action: SubmissionAction,
  reason: string | null,
): Promise<void> {
  const t = TRANSITIONS[action];
  const submitting = action === 'submit';
  const res = await tx
    .updateTable('submission')
    .set({
      status: t.to,
      version: Number(s.version) + 1,
      updated_at: ctx.at,
      // A return or unapproval keeps its reason for the reporter; a new submit clears it.
      reason: t.reason ? reason : submitting ? null : s.reason,
      ...(submitting
        ? {
            submitted_by: ctx.actor,
            submitted_at: ctx.at,
            first_submitted_at: s.first_submitted_at ?? ctx.at,
          }
        : { reviewed_by: ctx.actor, reviewed_at: ctx.at }),
    })
    .where('id', '=', s.id)
    .where('version', '=', s.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new Conflict(Number(s.id));
  await tx
    .insertInto('submission_event')
    .values({
      submission_id: Number(s.id),
      action,
      from_status: s.status,
      to_status: t.to,
      reason,
      actor: ctx.actor,
      at: ctx.at,
    })
    .execute();
  const values = await setValueStatus(tx, s, valueStatusOf(t.to), ctx.actor, ctx.at, action);
  await recordAudit(tx, ctx, {
    action: `submission.${action}`,
    objectType: 'submission',
    objectId: String(s.id),
    before: { status: s.status, version: Number(s.version) },
    after: { status: t.to, reason, values },
  });
}

/** A concurrent change between the check and the guarded update: reported as stale. */
class Conflict extends Error {
  constructor(readonly id: number) {
    super(`submission ${id} changed`);
  }
}

export async function transition(
  db: Db,
  ctx: WorkflowContext,
  id: number,
  action: SubmissionAction,
  input: ActionInput,
): Promise<Result<SubmissionDetail>> {
  const s = await repo.findSubmission(db, id);
  if (!s) return err({ code: 'E_WORKFLOW_NOT_FOUND', params: { id } });
  const tree = await loadTree(db);
  const failure = check(s, action, input, ctx.principal, tree.path(Number(s.org_unit_id)));
  if (failure) return err(failure);
  try {
    await db.transaction().execute(async (tx) => {
      await apply(tx, ctx, s, action, input.reason?.trim() ?? null);
      await bumpDataVersion(tx);
    });
  } catch (e) {
    if (!(e instanceof Conflict)) throw e;
    const now = await repo.findSubmission(db, id);
    return err({
      code: 'E_WORKFLOW_STALE',
      params: { id, current: Number(now?.version ?? 0), expected: input.version },
    });
  }
  return getSubmission(db, ctx.principal, id);
}

export interface BulkFailure {
  id: number;
  code: string;
  params: Record<string, string | number>;
}

/** Approves or returns every listed submission, or none: the refusal lists each failing id and why. */
export async function bulkTransition(
  db: Db,
  ctx: WorkflowContext,
  action: 'approve' | 'return',
  items: readonly { id: number; version: number }[],
  reason: string | undefined,
): Promise<Result<SubmissionSummary[], { code: string; failures: BulkFailure[] }>> {
  const tree = await loadTree(db);
  const ids = [...new Set(items.map((i) => i.id))];
  const rows = new Map((await repo.findSubmissions(db, { ids })).map((r) => [Number(r.id), r]));
  const failures: BulkFailure[] = [];
  const seen = new Set<number>();
  for (const it of items) {
    if (seen.has(it.id)) {
      failures.push({ id: it.id, code: 'E_REQUEST_INVALID', params: { detail: 'listed twice' } });
      continue;
    }
    seen.add(it.id);
    const s = rows.get(it.id);
    if (!s) {
      failures.push({ id: it.id, code: 'E_WORKFLOW_NOT_FOUND', params: { id: it.id } });
      continue;
    }
    const f = check(
      s,
      action,
      { version: it.version, reason },
      ctx.principal,
      tree.path(Number(s.org_unit_id)),
    );
    if (f) failures.push({ id: it.id, ...f });
  }
  if (failures.length) return err({ code: 'E_WORKFLOW_BULK_REFUSED', failures });
  try {
    await db.transaction().execute(async (tx) => {
      for (const it of items) await apply(tx, ctx, rows.get(it.id)!, action, reason?.trim() ?? null);
      await bumpDataVersion(tx);
    });
  } catch (e) {
    if (!(e instanceof Conflict)) throw e;
    return err({
      code: 'E_WORKFLOW_BULK_REFUSED',
      failures: [{ id: e.id, code: 'E_WORKFLOW_STALE', params: { id: e.id } }],
    });
  }
  return ok(await summarise(db, await repo.findSubmissions(db, { ids }), tree, ctx.principal));
}

// ---------------------------------------------------------------- reporting rates

/**
 * DHIS2-style reporting rates of one (framework, period) within the caller's scope. Expected: the
 * park-level reporting areas (kind `area`, level `park`) existing during the period. Submitted: those whose
 * submission is submitted, approved or published (a returned one is back with the reporter and counts
 * again once resubmitted). On time: submitted, and first submitted on or before the deadline.
 */
export async function reportingRates(
  db: Db,
  principal: PrincipalGrants,
  q: { framework?: string; period: string },
): Promise<Result<ReportingRates>> {
  const fw = await repo.findActiveFramework(db, q.framework);
  if (!fw) return err({ code: 'E_FRAMEWORK_NOT_FOUND', params: { code: q.framework ?? '' } });
  const period = periodRow(q.period);
  if (!period) return err({ code: 'E_PERIOD_INVALID', params: { code: q.period } });
  const deadline = deadlineFor(await listDeadlines(db), q.period)!;
  const tree = await loadTree(db);
  const parks = [...tree.byId.values()].filter(
    (u) =>
      u.kind === 'area' &&
      u.level === 'park' &&
      u.validFrom <= period.end_date &&
      (u.validTo === null || u.validTo >= period.start_date) &&
      canSee(principal, tree.path(u.id)),
  );
  const subs = new Map(
    (await repo.findSubmissions(db, { framework: fw.code, period: q.period })).map((s) => [
      Number(s.org_unit_id),
      s,
    ]),
  );
  let submitted = 0;
  let onTime = 0;
  const units = parks.map((u) => {
    const s = subs.get(u.id);
    const status = (s?.status ?? 'not_started') as ReportingRates['units'][number]['status'];
    const counted = status === 'submitted' || status === 'approved' || status === 'published';
    const timely = counted ? isOnTime(s!.first_submitted_at, deadline) : null;
    if (counted) submitted++;
    if (timely) onTime++;
    return {
      orgUnit: u.code,
      nameZh: u.nameZh,
      nameEn: u.nameEn,
      status,
      submittedAt: s?.submitted_at ?? null,
      onTime: timely,
    };
  });
  const expected = parks.length;
  return ok({
    framework: fw.code,
    period: q.period,
    deadline,
    expected,
    submitted,
    onTime,
    completeness: expected ? submitted / expected : null,
    timeliness: expected ? onTime / expected : null,
    units,
  });
}

// ---------------------------------------------------------------- releases

const toRelease = (r: Awaited<ReturnType<typeof repo.releases>>[number]): Release => ({
  id: Number(r.id),
  framework: r.framework_code,
  period: r.period_code,
  note: r.note,
  valueCount: Number(r.value_count),
  publishedBy: r.published_by,
  publishedAt: r.published_at,
});

export async function listReleases(db: Db, framework?: string): Promise<Release[]> {
  return (await repo.releases(db, framework)).map(toRelease);
}

/** Publishes every approved submission of (framework, period) with its values, as one release. */
export async function publishRelease(
  db: Db,
  ctx: WorkflowContext,
  input: { framework: string; period: string; note: string },
): Promise<Result<Release>> {
  const fw = await repo.findActiveFramework(db, input.framework);
  if (!fw) return err({ code: 'E_FRAMEWORK_NOT_FOUND', params: { code: input.framework } });
  if (!periodRow(input.period)) return err({ code: 'E_PERIOD_INVALID', params: { code: input.period } });
  const approved = await repo.findSubmissions(db, {
    framework: fw.code,
    period: input.period,
    status: 'approved',
  });
  if (!approved.length)
    return err({ code: 'E_WORKFLOW_NOTHING_APPROVED', params: { framework: fw.code, period: input.period } });
  const id = await db.transaction().execute(async (tx) => {
    let valueCount = 0;
    for (const s of approved) {
      const res = await tx
        .updateTable('submission')
        .set({ status: 'published', version: Number(s.version) + 1, updated_at: ctx.at })
        .where('id', '=', s.id)
        .where('status', '=', 'approved')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) continue;
      await tx
        .insertInto('submission_event')
        .values({
          submission_id: Number(s.id),
          action: 'publish',
          from_status: 'approved',
          to_status: 'published',
          reason: null,
          actor: ctx.actor,
          at: ctx.at,
        })
        .execute();
      await setValueStatus(tx, s, 'published', ctx.actor, ctx.at, 'publish');
      const n = await repo
        .coveredValues(tx, s)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      valueCount += Number(n?.n ?? 0);
    }
    const row = await tx
      .insertInto('data_release')
      .values({
        framework_code: fw.code,
        period_code: input.period,
        note: input.note,
        value_count: valueCount,
        published_by: ctx.actor,
        published_at: ctx.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'data.release',
      objectType: 'data_release',
      objectId: String(row.id),
      after: {
        framework: fw.code,
        period: input.period,
        note: input.note,
        submissions: approved.length,
        valueCount,
      },
    });
    await bumpDataVersion(tx);
    return Number(row.id);
  });
  return ok(toRelease((await findRelease(db, id))!));
}

const findRelease = async (db: Db, id: number) =>
  db.selectFrom('data_release').selectAll().where('id', '=', id).executeTakeFirst();

// ---------------------------------------------------------------- revisions (修订)

/** Where a value sits (its org unit's code), for the route's permission check. */
export async function valueUnit(db: Db, id: number): Promise<Result<string>> {
  const v = await repo.findValue(db, id);
  return v ? ok(v.org_unit_code) : err({ code: 'E_DATA_VALUE_NOT_FOUND', params: { key: String(id) } });
}

/** Changes a published value: it stays published, its old value stays visible with date and reason. */
export async function reviseValue(
  db: Db,
  ctx: WorkflowContext,
  id: number,
  input: { version: number; value: number | null; reason: string },
): Promise<Result<{ id: number; value: number | null; version: number; status: string }>> {
  const v = await repo.findValue(db, id);
  if (!v) return err({ code: 'E_DATA_VALUE_NOT_FOUND', params: { key: String(id) } });
  if (v.source === 'sample') return err({ code: 'E_WORKFLOW_SAMPLE_VALUE', params: { id } });
  if (v.status !== 'published')
    return err({ code: 'E_WORKFLOW_NOT_PUBLISHED', params: { id, status: v.status } });
  if (Number(v.version) !== input.version)
    return err({
      code: 'E_DATA_VALUE_STALE',
      params: { current: Number(v.version), expected: input.version },
    });
  const oldValue = v.value === null ? null : Number(v.value);
  const version = Number(v.version) + 1;
  const changed = await db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('data_value')
      .set({ value: input.value, version, updated_by: ctx.actor, updated_at: ctx.at })
      .where('id', '=', id)
      .where('version', '=', v.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    const row = await tx.selectFrom('data_value').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await tx
      .insertInto('data_value_history')
      .values({
        data_value_id: id,
        indicator_code: row.indicator_code,
        org_unit_id: row.org_unit_id,
        period_code: row.period_code,
        source: row.source,
        value: row.value,
        status: row.status,
        version: row.version,
        comment: row.comment,
        source_ref: row.source_ref,
        basis: row.basis,
        changed_by: ctx.actor,
        changed_at: ctx.at,
        action: 'revise',
      })
      .execute();
    await tx
      .insertInto('data_value_revision')
      .values({
        data_value_id: id,
        old_value: oldValue,
        new_value: input.value,
        reason: input.reason,
        revised_by: ctx.actor,
        revised_at: ctx.at,
      })
      .execute();
    await recordAudit(tx, ctx, {
      action: 'data.revise',
      objectType: 'data_value',
      objectId: String(id),
      before: { value: oldValue, version: Number(v.version) },
      after: { value: input.value, version, reason: input.reason },
    });
    await bumpDataVersion(tx);
    return true;
  });
  if (!changed) {
    const now = await repo.findValue(db, id);
    return err({
      code: 'E_DATA_VALUE_STALE',
      params: { current: Number(now?.version ?? 0), expected: input.version },
    });
  }
  return ok({ id, value: input.value, version, status: 'published' });
}
