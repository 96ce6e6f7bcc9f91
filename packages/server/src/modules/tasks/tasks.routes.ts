// Task supervision and assessment routes (/api/tasks…). One plugin, registered once in the registry;
// it scopes @fastify/multipart to these routes and shares one Monitoring context (cache) among them.
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import type { AppDeps } from '../../deps.ts';
import { createMonitoringContext } from '../monitoring/monitoring.service.ts';
import { readRoutes } from './tasks.read.routes.ts';
import { manageRoutes } from './tasks.manage.routes.ts';
import { filingRoutes } from './tasks.filing.routes.ts';
import { assessmentRoutes } from './tasks.assessment.routes.ts';
import { evidenceDir } from './tasks.evidence.ts';

export interface TaskRouteDeps {
  deps: AppDeps;
  monitoring: ReturnType<typeof createMonitoringContext>;
  evidenceDir: string;
}

export const taskRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    // The per-request size limit comes from the settings; these are the outer bounds.
    await app.register(multipart, {
      limits: { files: 10, fields: 10, parts: 20, fileSize: 200 * 1024 * 1024 },
    });
    const shared: TaskRouteDeps = {
      deps,
      monitoring: createMonitoringContext(deps.db.db),
      evidenceDir: evidenceDir(),
    };
    await readRoutes(app, shared);
    await assessmentRoutes(app, shared);
    await manageRoutes(app, shared);
    await filingRoutes(app, shared);
  };
