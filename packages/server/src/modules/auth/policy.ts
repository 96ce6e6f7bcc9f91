// Authorisation in one place: who may do what, where. Pure: routes resolve the principal and the
// resource's place in the tree, then ask here.
import type { Role, RoleGrant } from '@scimon/contracts';

export type Action =
  | 'users.manage'
  | 'audit.read'
  | 'catalogue.edit'
  | 'framework.edit'
  | 'data.read_unpublished'
  | 'data.write'
  | 'data.review'
  | 'data.publish'
  | 'workflow.configure'
  | 'coordination.configure'
  | 'evaluation.run'
  | 'evaluation.publish'
  | 'task.manage'
  | 'task.report';

/**
 * Where the action applies. `orgUnitPath`: the target org unit's code followed by its ancestors up to the
 * root (a grant covers its scope's subtree). `leadUnit`: the lead unit a task report is filed for.
 */
export interface Resource {
  orgUnitPath?: readonly string[];
  leadUnit?: string;
}

export interface PrincipalGrants {
  roles: readonly RoleGrant[];
}

/** Which roles may take an action, and whether the grant's scope must cover the resource. */
const RULES: Record<Action, { roles: readonly Role[]; scoped: 'tree' | 'lead_unit' | 'none' }> = {
  'users.manage': { roles: ['admin'], scoped: 'none' },
  'audit.read': { roles: ['admin', 'coordinator'], scoped: 'none' },
  'catalogue.edit': { roles: ['admin', 'coordinator'], scoped: 'none' },
  'framework.edit': { roles: ['admin', 'coordinator'], scoped: 'none' },
  // Analysts read the whole tree whatever their scope; reviewers and reporters within theirs.
  'data.read_unpublished': {
    roles: ['admin', 'coordinator', 'analyst', 'reviewer', 'reporter'],
    scoped: 'tree',
  },
  'data.write': { roles: ['admin', 'coordinator', 'reporter'], scoped: 'tree' },
  'data.review': { roles: ['admin', 'coordinator', 'reviewer'], scoped: 'tree' },
  // The coordinator publishes approved values as a release and sets the submission deadlines.
  'data.publish': { roles: ['admin', 'coordinator'], scoped: 'none' },
  'workflow.configure': { roles: ['admin', 'coordinator'], scoped: 'none' },
  // Tolerance and source precedence of statistics coordination (resolving an item is data.review).
  'coordination.configure': { roles: ['admin', 'coordinator'], scoped: 'none' },
  'evaluation.run': { roles: ['admin', 'coordinator', 'analyst'], scoped: 'none' },
  'evaluation.publish': { roles: ['admin', 'coordinator'], scoped: 'none' },
  'task.manage': { roles: ['admin', 'coordinator'], scoped: 'none' },
  'task.report': { roles: ['admin', 'coordinator', 'task_owner'], scoped: 'lead_unit' },
};

/** Roles whose grants reach every org unit whatever their scope code. */
const WHOLE_TREE: readonly Role[] = ['admin', 'coordinator', 'analyst'];

function grantCovers(grant: RoleGrant, scoped: 'tree' | 'lead_unit' | 'none', resource: Resource): boolean {
  if (scoped === 'none' || WHOLE_TREE.includes(grant.role)) return true;
  if (scoped === 'tree') return resource.orgUnitPath?.includes(grant.scope) ?? false;
  if (grant.role !== 'task_owner') return true;
  return resource.leadUnit === grant.scope;
}

/** True when any of the principal's grants allows the action on the resource. */
export function isAllowed(
  principal: PrincipalGrants | null,
  action: Action,
  resource: Resource = {},
): boolean {
  if (!principal) return false;
  const rule = RULES[action];
  return principal.roles.some((g) => rule.roles.includes(g.role) && grantCovers(g, rule.scoped, resource));
}
