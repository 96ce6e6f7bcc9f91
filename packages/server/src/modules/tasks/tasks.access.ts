// Who may file for a lead unit on a task: the policy's `task.report` for that unit (403 audited otherwise),
// and, for a task owner, the unit must lead the task — filing on another unit's task is a denial too.
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { requirePermission } from '../../plugins/authorize.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { ApiError } from '../../plugins/errors.ts';
import { isAllowed } from '../auth/policy.ts';
import type { AuthenticatedUser } from '../auth/auth.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { taskLeadUnits } from './tasks.service.ts';

export async function requireTaskReport(
  req: FastifyRequest,
  deps: AppDeps,
  code: string,
  leadUnit: string,
): Promise<AuthenticatedUser> {
  const user = await requirePermission(req, deps, 'task.report', { leadUnit });
  const leads = await taskLeadUnits(deps.db.db, code);
  // Unknown task: the service answers 404. Coordinators naming a wrong unit get the service's 400.
  if (leads === null || leads.includes(leadUnit) || isAllowed(user, 'task.manage')) return user;
  await recordAudit(deps.db.db, auditContext(req, deps), {
    action: 'auth.denied',
    objectType: 'task',
    objectId: code,
    after: { action: 'task.report', leadUnit },
  });
  throw new ApiError('E_AUTH_FORBIDDEN', { action: 'task.report' });
}
