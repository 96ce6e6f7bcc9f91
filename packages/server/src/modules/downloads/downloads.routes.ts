// Open-data downloads for people (not machines): an indicator's values as CSV (UTF-8 BOM) or .xlsx with
// metadata and a citation line. Public: anonymous callers get published values only.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import { requestLocale } from '../../plugins/errors.ts';
import { createMonitoringContext, visibilityOf } from '../monitoring/monitoring.service.ts';
import { buildIndicatorDownload } from './downloads.service.ts';
import { toCsv, toXlsx } from './downloads.format.ts';

const year = z.coerce.number().int().min(1900).max(2100);

export const downloadsParams = z.object({
  file: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}\.(csv|xlsx)$/, '<indicator code>.csv or <indicator code>.xlsx')
    .describe('`<indicator>.csv` or `<indicator>.xlsx`, e.g. `rd_intensity.csv`'),
});
export const downloadsQuery = z.object({
  orgUnit: z.string().min(1).max(40).optional().describe('Org unit code (default the science city)'),
  from: year.optional(),
  to: year.optional(),
  lang: z
    .enum(['zh-CN', 'en-US', 'zh', 'en'])
    .optional()
    .describe('Language of labels (default Accept-Language)'),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const downloadRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const ctx = createMonitoringContext(deps.db.db);
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/downloads/indicator/:file',
      {
        schema: {
          tags: ['open data'],
          summary:
            "An indicator's values for an org unit and every unit below it, by year, as CSV (UTF-8 with BOM) or .xlsx",
          description:
            'Human-facing download with metadata (definition, unit, formula, source, articles, targets) and a citation line. ' +
            'Anonymous callers get published values only. Text cells starting with = + - @ are prefixed with an apostrophe; ' +
            'numbers are numeric cells. For machine use read `/api/data-values` or `/api/monitoring/series` (JSON).',
          params: downloadsParams,
          querystring: downloadsQuery,
          produces: ['text/csv', XLSX_TYPE],
        },
      },
      async (req, reply) => {
        const [code, ext] = req.params.file.split('.') as [string, 'csv' | 'xlsx'];
        const { sheet, fileBase } = unwrap(
          await buildIndicatorDownload(ctx, {
            indicator: code,
            orgUnit: req.query.orgUnit,
            from: req.query.from,
            to: req.query.to,
            visibility: await visibilityOf(ctx, req.auth),
            locale: requestLocale(req),
            today: deps.clock.today(),
            now: deps.clock.now(),
          }),
        );
        const name = `${fileBase}.${ext}`;
        return reply
          .header('content-type', ext === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'no-store')
          .send(ext === 'xlsx' ? await toXlsx(sheet) : toCsv(sheet));
      },
    );
  };
