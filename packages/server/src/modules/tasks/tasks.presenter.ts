// Maps task rows and states to API shapes (camelCase), purely.
import type { EvidenceFile, TaskExtension, TaskReport, TaskSummary } from '@scimon/contracts';
import type { Selectable } from 'kysely';
import type { TaskEvidenceTable } from '@scimon/db';
import type { ExtensionRow, LeadUnitRow, TaskState } from './tasks.snapshot.ts';
import type { ReportRow } from './tasks.repository.ts';
import { milestoneState } from './tasks.status.ts';

export const unitRef = (u: LeadUnitRow) => ({ code: u.code, shortName: u.short_name, fullName: u.full_name });

/** One decimal is enough for a share of elapsed time; the rules compare the unrounded value. */
export const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export function presentSummary(s: TaskState): TaskSummary {
  const r = s.row;
  return {
    code: r.code,
    articleCode: r.article_code,
    parentCode: r.parent_code,
    seq: r.seq,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    kind: r.kind,
    stage: r.stage,
    stageNameZh: s.stageName?.zh ?? null,
    stageNameEn: s.stageName?.en ?? null,
    startDate: r.start_date,
    dueDate: r.due_date,
    dueDateAssumption: r.due_date_assumption === 1,
    leadUnits: s.leads.map(unitRef),
    coUnits: s.coUnits.map(unitRef),
    percent: s.percent,
    timeShare: round1(s.timeShare),
    colour: s.colour,
    colourReason: s.reason,
    closedOn: s.closure?.closed_on ?? null,
    milestoneCount: s.milestones.length,
    milestonesDone: s.milestones.filter((m) => m.done_on !== null).length,
  };
}

export const presentMilestone = (m: TaskState['milestones'][number], today: string) => ({
  id: m.id,
  seq: m.seq,
  titleZh: m.title_zh,
  titleEn: m.title_en,
  dueDate: m.due_date,
  doneOn: m.done_on,
  state: milestoneState(m.due_date, m.done_on, today),
});

export const presentEvidence = (e: Selectable<TaskEvidenceTable>): EvidenceFile => ({
  id: e.id,
  taskCode: e.task_code,
  leadUnit: e.lead_unit_code,
  reportId: e.report_id,
  sha256: e.sha256,
  fileName: e.file_name,
  mediaType: e.media_type,
  sizeBytes: Number(e.size_bytes),
  uploadedAt: e.uploaded_at,
  uploadedBy: e.uploaded_by,
  href: `/api/tasks/evidence/${e.id}/file`,
});

export const presentReport = (
  r: ReportRow,
  unit: LeadUnitRow,
  milestones: TaskReport['milestones'],
  evidence: EvidenceFile[],
): TaskReport => ({
  id: r.id,
  taskCode: r.task_code,
  leadUnit: unitRef(unit),
  period: r.period_code,
  revision: r.revision,
  final: r.final === 1,
  text: r.text,
  percent: r.percent,
  status: r.status as TaskReport['status'],
  submittedOn: r.submitted_on,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
  reviewedAt: r.reviewed_at,
  reviewedBy: r.reviewed_by,
  reviewReason: r.review_reason,
  milestones,
  evidence,
});

export const presentExtension = (e: ExtensionRow): TaskExtension => ({
  id: e.id,
  taskCode: e.task_code,
  leadUnit: e.lead_unit_code,
  reason: e.reason,
  currentDue: e.current_due,
  newDue: e.new_due,
  status: e.status as TaskExtension['status'],
  requestedOn: e.requested_on,
  requestedBy: e.requested_by,
  decidedAt: e.decided_at,
  decidedBy: e.decided_by,
  decisionReason: e.decision_reason,
});
