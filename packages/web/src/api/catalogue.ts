// Queries of the public catalogue (policy, lead units, org units, reference regions).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LeadUnit, OrgUnitNode, PolicyArticle, PolicyTask, ReferenceRegion } from '@scimon/contracts';
import { apiRequest } from './http.ts';

export interface PolicyDocument {
  documentNo: string;
  titleZh: string;
  titleEn: string;
  writtenOn: string;
  releasedOn: string;
  issuers: { code: string; shortName: string; fullName: string }[];
}

interface List<T> {
  items: T[];
}

const STATIC = { staleTime: 10 * 60_000 };

export const usePolicyDocument = () =>
  useQuery({
    queryKey: ['policy'],
    queryFn: ({ signal }) => apiRequest<PolicyDocument | null>('/api/policy', { signal }),
    ...STATIC,
  });

export const useArticles = () =>
  useQuery({
    queryKey: ['policy', 'articles'],
    queryFn: async ({ signal }) =>
      (await apiRequest<List<PolicyArticle>>('/api/policy/articles', { signal })).items,
    ...STATIC,
  });

export const useTasks = () =>
  useQuery({
    queryKey: ['policy', 'tasks'],
    queryFn: async ({ signal }) =>
      (await apiRequest<List<PolicyTask>>('/api/policy/tasks', { signal })).items,
    ...STATIC,
  });

export const useLeadUnits = () =>
  useQuery({
    queryKey: ['lead-units'],
    queryFn: async ({ signal }) => (await apiRequest<List<LeadUnit>>('/api/lead-units', { signal })).items,
    ...STATIC,
  });

/** The org-unit tree's query (also run by the app's start, before the first render, on the landing page). */
export const orgUnitTreeQueryOptions = queryOptions({
  queryKey: ['org-units'],
  queryFn: async ({ signal }) => (await apiRequest<List<OrgUnitNode>>('/api/org-units', { signal })).items,
  ...STATIC,
});

export const useOrgUnitTree = () => useQuery(orgUnitTreeQueryOptions);

export const useReferenceRegions = () =>
  useQuery({
    queryKey: ['reference-regions'],
    queryFn: async ({ signal }) =>
      (await apiRequest<List<ReferenceRegion>>('/api/reference-regions', { signal })).items,
    ...STATIC,
  });
