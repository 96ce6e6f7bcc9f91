// Names of role scopes: org-unit codes (the tree) and lead-unit codes, in the UI language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeadUnits, useOrgUnitTree } from '../../api/catalogue.ts';
import { flattenTree } from '../org-units/org-unit-points.ts';

export function useScopeNames(): ReadonlyMap<string, string> {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const tree = useOrgUnitTree();
  const leads = useLeadUnits();
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const n of flattenTree(tree.data ?? []))
      names.set(n.code, en ? (n.shortNameEn ?? n.nameEn) : (n.shortNameZh ?? n.nameZh));
    for (const u of leads.data ?? []) names.set(u.code, en ? u.nameEn : u.shortName);
    return names;
  }, [tree.data, leads.data, en]);
}
