// Reads the policy catalogue and assembles it into the shapes the API serves.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { PolicyArticle, PolicyTask } from '@scimon/contracts';
import * as repo from './policy.repository.ts';
import { groupBy, presentArticle, presentLeadUnitRef, presentTask } from './policy.presenter.ts';

export async function getArticles(db: Kysely<Database>): Promise<PolicyArticle[]> {
  const [articles, links, units] = await Promise.all([
    repo.listArticles(db),
    repo.listArticleLeadUnits(db),
    repo.listLeadUnits(db),
  ]);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const linksByArticle = groupBy(links, (l) => l.article_code);
  return articles.map((a) =>
    presentArticle(
      a,
      (linksByArticle.get(a.code) ?? []).map((l) => presentLeadUnitRef(unitByCode.get(l.lead_unit_code)!)),
    ),
  );
}

export async function getTasks(db: Kysely<Database>): Promise<PolicyTask[]> {
  const [tasks, links, indicators, history, units] = await Promise.all([
    repo.listTasks(db),
    repo.listTaskLeadUnits(db),
    repo.listTaskIndicators(db),
    repo.listStageHistory(db),
    repo.listLeadUnits(db),
  ]);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const linksByTask = groupBy(links, (l) => l.task_code);
  const indicatorsByTask = groupBy(indicators, (i) => i.task_code);
  const historyByTask = groupBy(history, (h) => h.task_code);
  return tasks.map((t) =>
    presentTask(
      t,
      (linksByTask.get(t.code) ?? []).map((l) => presentLeadUnitRef(unitByCode.get(l.lead_unit_code)!)),
      (indicatorsByTask.get(t.code) ?? []).map((i) => i.indicator_code),
      historyByTask.get(t.code) ?? [],
    ),
  );
}

export async function getPolicyDocument(db: Kysely<Database>) {
  const [doc, units] = await Promise.all([repo.findPolicyDocument(db), repo.listLeadUnits(db)]);
  if (!doc) return undefined;
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const issuerCodes = JSON.parse(doc.issuer_codes) as string[];
  return {
    documentNo: doc.document_no,
    titleZh: doc.title_zh,
    titleEn: doc.title_en,
    writtenOn: doc.written_on,
    releasedOn: doc.released_on,
    issuers: issuerCodes.flatMap((c) => {
      const u = unitByCode.get(c);
      return u ? [presentLeadUnitRef(u)] : [];
    }),
  };
}

export { listLeadUnits } from './policy.repository.ts';
