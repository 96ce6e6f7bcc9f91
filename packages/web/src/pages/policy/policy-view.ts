// Pure shaping of the catalogue for the page: articles grouped by part, tasks by article.
import type { PolicyArticle, PolicyTask } from '@scimon/contracts';

export interface PartGroup {
  part: PolicyArticle['part'];
  articles: PolicyArticle[];
}

/** Groups articles by their part, keeping text order of both. */
export function groupByPart(articles: readonly PolicyArticle[]): PartGroup[] {
  const groups: PartGroup[] = [];
  for (const a of [...articles].sort((x, y) => x.seq - y.seq)) {
    const last = groups[groups.length - 1];
    if (last && last.part.code === a.part.code) last.articles.push(a);
    else groups.push({ part: a.part, articles: [a] });
  }
  return groups;
}

/** Tasks of each article in their order; sub-tasks follow their parent. */
export function tasksByArticle(tasks: readonly PolicyTask[]): Map<string, PolicyTask[]> {
  const byArticle = new Map<string, PolicyTask[]>();
  for (const t of [...tasks].sort((x, y) => x.seq - y.seq)) {
    const list = byArticle.get(t.articleCode) ?? [];
    list.push(t);
    byArticle.set(t.articleCode, list);
  }
  for (const [code, list] of byArticle) {
    const roots = list.filter((t) => !t.parentCode || !list.some((p) => p.code === t.parentCode));
    const ordered: PolicyTask[] = [];
    const visit = (t: PolicyTask) => {
      ordered.push(t);
      for (const c of list) if (c.parentCode === t.code) visit(c);
    };
    roots.forEach(visit);
    byArticle.set(code, ordered);
  }
  return byArticle;
}
