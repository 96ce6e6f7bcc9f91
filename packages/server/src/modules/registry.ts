// One list of every feature's routes; each feature appends its plugin here.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { healthRoutes } from './health/health.routes.ts';
import { policyRoutes } from './policy/policy.routes.ts';
import { orgUnitRoutes } from './org-units/org-units.routes.ts';
import { frameworkRoutes } from './frameworks/frameworks.routes.ts';
import { dataValueRoutes } from './data-values/data-values.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { userRoutes } from './users/users.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { monitoringRoutes } from './monitoring/monitoring.routes.ts';
import { taskRoutes } from './tasks/tasks.routes.ts';
import { evaluationRoutes } from './evaluation/evaluation.routes.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { exportRoutes } from './exports/exports.routes.ts';
import { dataValueWriteRoutes } from './data-values/data-values.write.routes.ts';
import { downloadRoutes } from './downloads/downloads.routes.ts';
import { workflowRoutes } from './workflow/workflow.routes.ts';
import { coordinationRoutes } from './coordination/coordination.routes.ts';

export type FeatureRoutes = (deps: AppDeps) => FastifyPluginAsync;

export const featureRoutes: FeatureRoutes[] = [
  healthRoutes,
  policyRoutes,
  orgUnitRoutes,
  frameworkRoutes,
  dataValueRoutes,
  authRoutes,
  userRoutes,
  auditRoutes,
  monitoringRoutes,
  taskRoutes,
  importRoutes,
  exportRoutes,
  dataValueWriteRoutes,
  downloadRoutes,
  evaluationRoutes,
  workflowRoutes,
  coordinationRoutes,
];
