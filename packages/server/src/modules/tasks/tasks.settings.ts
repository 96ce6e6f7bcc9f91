// Supervision settings: documented defaults in code, coordinator overrides in task_setting (one JSON
// value per key), and the scoring rule set in task_scoring_rule. Every change is audited.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import {
  SCORING_CRITERIA,
  taskSettings as taskSettingsSchema,
  type ScoringCriterion,
  type ScoringRule,
  type TaskSettings,
  type TaskSettingsPatch,
} from '@scimon/contracts';
import { err, ok, type Result } from '@scimon/core';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';

/** The defaults of docs/methodology/supervision.md §3. */
export const DEFAULT_SETTINGS: TaskSettings = {
  statusRules: { redLagPoints: 30, yellowDueDays: 7, yellowLagPoints: 10, blueLeadPoints: 20 },
  reportFrequency: 'quarter',
  reportGraceDays: 10,
  percentRule: 'min',
  reportingStart: null,
  reminderDays: 7,
  evidenceMaxBytes: 10 * 1024 * 1024,
};

type Key = keyof TaskSettings;

export async function getSettings(db: Kysely<Database>): Promise<TaskSettings> {
  const rows = await db.selectFrom('task_setting').select(['key', 'value_json']).execute();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) merged[r.key] = JSON.parse(r.value_json);
  merged.statusRules = { ...DEFAULT_SETTINGS.statusRules, ...(merged.statusRules as object) };
  // A stored value that no longer validates falls back to the defaults rather than breaking every page.
  const parsed = taskSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(
  db: Kysely<Database>,
  ctx: AuditContext,
  patch: TaskSettingsPatch,
): Promise<Result<TaskSettings>> {
  const before = await getSettings(db);
  const after: TaskSettings = {
    ...before,
    ...Object.fromEntries(Object.entries(patch).filter(([k]) => k !== 'statusRules')),
    statusRules: { ...before.statusRules, ...(patch.statusRules ?? {}) },
  };
  const check = taskSettingsSchema.safeParse(after);
  if (!check.success) return err({ code: 'E_TASK_SETTING_INVALID', params: { detail: check.error.message } });
  const changed = (Object.keys(after) as Key[]).filter(
    (k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]),
  );
  if (changed.length === 0) return err({ code: 'E_TASK_NO_CHANGE' });
  await db.transaction().execute(async (tx) => {
    for (const k of changed) {
      const row = { key: k, value_json: JSON.stringify(after[k]), updated_at: ctx.at, updated_by: ctx.actor };
      await tx
        .insertInto('task_setting')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            value_json: row.value_json,
            updated_at: row.updated_at,
            updated_by: row.updated_by,
          }),
        )
        .execute();
    }
    await recordAudit(tx, ctx, {
      action: 'task.settings_changed',
      objectType: 'task_setting',
      objectId: changed.join(','),
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
  });
  return ok(after);
}

export async function getScoringRules(db: Kysely<Database>): Promise<ScoringRule[]> {
  const rows = await db.selectFrom('task_scoring_rule').selectAll().orderBy('seq').execute();
  return rows
    .filter((r) => (SCORING_CRITERIA as readonly string[]).includes(r.criterion))
    .map((r) => ({
      criterion: r.criterion as ScoringCriterion,
      seq: r.seq,
      weight: r.weight,
      nameZh: r.name_zh,
      nameEn: r.name_en,
    }));
}

export async function updateScoringWeights(
  db: Kysely<Database>,
  ctx: AuditContext,
  weights: Partial<Record<ScoringCriterion, number>>,
): Promise<Result<ScoringRule[]>> {
  const before = await getScoringRules(db);
  const next = before.map((r) => ({ ...r, weight: weights[r.criterion] ?? r.weight }));
  if (!(next.reduce((a, r) => a + r.weight, 0) > 0)) return err({ code: 'E_TASK_WEIGHTS_INVALID' });
  const changed = next.filter((r, i) => r.weight !== before[i]!.weight);
  if (changed.length === 0) return err({ code: 'E_TASK_NO_CHANGE' });
  await db.transaction().execute(async (tx) => {
    for (const r of changed) {
      await tx
        .updateTable('task_scoring_rule')
        .set({ weight: r.weight, updated_at: ctx.at, updated_by: ctx.actor })
        .where('criterion', '=', r.criterion)
        .execute();
    }
    await recordAudit(tx, ctx, {
      action: 'task.scoring_rules_changed',
      objectType: 'task_scoring_rule',
      objectId: changed.map((r) => r.criterion).join(','),
      before: Object.fromEntries(before.map((r) => [r.criterion, r.weight])),
      after: Object.fromEntries(next.map((r) => [r.criterion, r.weight])),
    });
  });
  return ok(next);
}
