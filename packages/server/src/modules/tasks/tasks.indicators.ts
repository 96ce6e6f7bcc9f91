// Linked indicators' value, target and status, read from Monitoring at the root of the tree (the
// science city) in the latest year with data. Anything Monitoring cannot answer is "not available"
// with a reason, never an error: a task page must render without monitoring data.
import type { LinkedIndicator } from '@scimon/contracts';
import type { PrincipalGrants } from '../auth/policy.ts';
import { getOverview, visibilityOf, type MonitoringContext } from '../monitoring/monitoring.service.ts';

const unavailable = (code: string, reason: string): LinkedIndicator => ({
  code,
  nameZh: null,
  nameEn: null,
  unitZh: null,
  unitEn: null,
  value: null,
  year: null,
  target: null,
  targetYear: null,
  status: 'not_available',
  score: null,
  notAvailableReason: reason,
});

/** The status of each code (same order); one Monitoring overview serves them all. */
export async function linkedIndicators(
  ctx: MonitoringContext,
  codes: readonly string[],
  asOf: string,
  principal: PrincipalGrants | null,
): Promise<Map<string, LinkedIndicator>> {
  const out = new Map<string, LinkedIndicator>();
  if (codes.length === 0) return out;
  let overview;
  try {
    const res = await getOverview(ctx, { asOf, visibility: await visibilityOf(ctx, principal) });
    if (!res.ok) {
      const reason = res.error.code === 'E_MONITORING_NO_DATA' ? 'no_data' : 'monitoring_unavailable';
      for (const c of codes) out.set(c, unavailable(c, reason));
      return out;
    }
    overview = res.value;
  } catch {
    for (const c of codes) out.set(c, unavailable(c, 'monitoring_unavailable'));
    return out;
  }
  const statuses = new Map(overview.dimensions.flatMap((d) => d.indicators).map((i) => [i.indicator, i]));
  for (const c of codes) {
    const card = overview.targets.find((t) => t.indicator === c);
    const st = statuses.get(c);
    if (card) {
      out.set(c, {
        code: c,
        nameZh: card.nameZh,
        nameEn: card.nameEn,
        unitZh: card.unit.zh,
        unitEn: card.unit.en,
        value: card.value,
        year: card.currentYear,
        target: card.target,
        targetYear: card.targetYear,
        status: card.status.openSdg,
        score: card.status.score,
        notAvailableReason: card.value === null ? 'no_data' : null,
      });
    } else if (st) {
      out.set(c, {
        code: c,
        nameZh: st.nameZh,
        nameEn: st.nameEn,
        unitZh: st.unit.zh,
        unitEn: st.unit.en,
        value: st.value,
        year: st.value === null ? null : overview.year,
        target: null,
        targetYear: null,
        status: st.openSdg,
        score: st.score,
        notAvailableReason: st.value === null ? 'no_data' : null,
      });
    } else out.set(c, unavailable(c, 'not_in_framework'));
  }
  return out;
}
