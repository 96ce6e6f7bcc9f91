// Public read API of the policy: a published document, readable without an account.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { leadUnit, listOf, policyArticle, policyDocument, policyTask } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { getArticles, getPolicyDocument, getTasks, listLeadUnits } from './policy.service.ts';
import { presentLeadUnit } from './policy.presenter.ts';

export const policyRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = deps.db.db;
    r.get(
      '/api/policy',
      {
        schema: {
          tags: ['policy'],
          summary: 'The policy document 国科发规〔2023〕31号',
          response: { 200: policyDocument.or(z.null()) },
        },
      },
      async () => (await getPolicyDocument(db)) ?? null,
    );
    r.get(
      '/api/policy/articles',
      {
        schema: {
          tags: ['policy'],
          summary: 'The 17 articles in text order, with lead units',
          response: { 200: listOf(policyArticle) },
        },
      },
      async () => ({ items: await getArticles(db) }),
    );
    r.get(
      '/api/policy/tasks',
      {
        schema: {
          tags: ['policy'],
          summary: 'Tasks decomposed from articles (三)–(十七)',
          response: { 200: listOf(policyTask) },
        },
      },
      async () => ({ items: await getTasks(db) }),
    );
    r.get(
      '/api/lead-units',
      {
        schema: {
          tags: ['policy'],
          summary: 'The 14 lead units (the issuers)',
          response: { 200: listOf(leadUnit) },
        },
      },
      async () => ({ items: (await listLeadUnits(db)).map(presentLeadUnit) }),
    );
  };
