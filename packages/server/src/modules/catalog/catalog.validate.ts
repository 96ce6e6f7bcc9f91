import type { CatalogueProblem } from '@scimon/contracts/catalog/index';
import type { LocatedCatalogue } from './catalog.located.ts';
import { validateFramework } from './catalog.validate-framework.ts';
import { validateOrgUnits } from './catalog.validate-org-units.ts';
import { validatePolicy } from './catalog.validate-policy.ts';
import { validateValues } from './catalog.validate-values.ts';

export { isParkLeaf } from './catalog.validate-org-units.ts';

/**
 * Semantic checks across the catalogue's files (the schemas have already checked each item): unknown references,
 * duplicate codes (org units and reference regions share one namespace), lead units against the article text,
 * tree level order, disjoint park leaves, formulas naming known indicators, targets and values on known units.
 */
export function validateCatalogue(c: LocatedCatalogue): CatalogueProblem[] {
  return [...validatePolicy(c), ...validateOrgUnits(c), ...validateFramework(c), ...validateValues(c)];
}
