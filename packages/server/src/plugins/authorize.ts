// The routes' door to the authorisation policy: resolve the resource, ask the policy, audit denials.
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { isAllowed, type Action, type Resource } from '../modules/auth/policy.ts';
import type { AuthenticatedUser } from '../modules/auth/auth.service.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { getOrgUnitPath } from '../modules/org-units/org-units.service.ts';
import { auditContext } from './auth-context.ts';
import { ApiError } from './errors.ts';

/** The signed-in caller, or 401 E_AUTH_REQUIRED. */
export function requireUser(req: FastifyRequest): AuthenticatedUser {
  if (!req.auth) throw new ApiError('E_AUTH_REQUIRED');
  return req.auth;
}

/** Where a resource sits, for scoped rules: an org unit (by code) or a lead unit. */
export interface ResourceRef {
  orgUnit?: string;
  leadUnit?: string;
}

/** Allows the call, or audits the denial and answers 401 (anonymous) / 403 E_AUTH_FORBIDDEN. */
export async function requirePermission(
  req: FastifyRequest,
  deps: AppDeps,
  action: Action,
  ref: ResourceRef = {},
): Promise<AuthenticatedUser> {
  const user = requireUser(req);
  const resource: Resource = { leadUnit: ref.leadUnit };
  if (ref.orgUnit) resource.orgUnitPath = (await getOrgUnitPath(deps.db.db, ref.orgUnit)) ?? [];
  if (isAllowed(user, action, resource)) return user;
  await recordAudit(deps.db.db, auditContext(req, deps), {
    action: 'auth.denied',
    objectType: ref.orgUnit ? 'org_unit' : ref.leadUnit ? 'lead_unit' : 'action',
    objectId: ref.orgUnit ?? ref.leadUnit ?? null,
    after: { action },
  });
  throw new ApiError('E_AUTH_FORBIDDEN', { action });
}
