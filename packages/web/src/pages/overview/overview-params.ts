// The overview's URL parameters (`/?orgUnit=CD-KXC&year=2024`): read by the page and by the entry, which
// requests the overview before the page's code has loaded (main.tsx). No imports: part of the entry chunk.
export interface OverviewParams {
  orgUnit?: string;
  year?: number;
}

export function overviewParams(search: URLSearchParams): OverviewParams {
  const orgUnit = search.get('orgUnit') ?? undefined;
  const yearParam = search.get('year');
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  return { orgUnit, year };
}

/** The query of GET /api/monitoring/overview for these parameters (in this order: the URL must match). */
export const overviewQuery = (p: OverviewParams) => ({ orgUnit: p.orgUnit, year: p.year });
