/**
 * The one navigation registry: each feature appends its pages here (path, i18n key of the label,
 * who may see it, how to load it). The web shell renders the header links and the routes from this list.
 */
import type { ComponentType } from 'react';
import { hasPublishedRuns } from './api/evaluation.ts';

export interface NavEntry {
  path: string;
  /** Further paths that show the same page (e.g. `/indicators/:code` shows the explorer). */
  aliases?: readonly string[];
  /** i18n key `namespace:key`, e.g. `common:nav.policy`, present in every locale. */
  labelKey: string;
  /** Roles that see the entry (any scope); empty = everyone, signed in or not. */
  roles: readonly string[];
  /** Needs a signed-in user even when `roles` is empty (e.g. changing one's password). */
  signedIn?: boolean;
  /**
   * `header`: a visible link in the header; `account`: a link in the signed-in user's menu (administration
   * pages, so the header stays one readable row at 1366 px); `none`: a route only (login, password).
   */
  placement: 'header' | 'account' | 'none';
  /** Shown in the header only when this resolves true (e.g. 排名 once published runs exist); the route stays. */
  visibleWhen?: () => Promise<boolean>;
  /** Loads the page lazily (its own chunk). */
  load: () => Promise<{ default: ComponentType }>;
}

export const navigation: NavEntry[] = [
  {
    path: '/',
    labelKey: 'common:nav.overview',
    roles: [],
    placement: 'header',
    load: () => import('./pages/overview/OverviewPage.tsx'),
  },
  {
    path: '/indicators',
    aliases: ['/indicators/:code'],
    labelKey: 'common:nav.indicators',
    roles: [],
    placement: 'header',
    load: () => import('./pages/indicators/IndicatorsPage.tsx'),
  },
  {
    path: '/map',
    labelKey: 'common:nav.map',
    roles: [],
    placement: 'header',
    load: () => import('./pages/map/MapPage.tsx'),
  },
  {
    path: '/ranking',
    labelKey: 'common:nav.ranking',
    roles: [],
    placement: 'header',
    visibleWhen: hasPublishedRuns,
    load: () => import('./pages/ranking/RankingPage.tsx'),
  },
  {
    path: '/policy',
    labelKey: 'common:nav.policy',
    roles: [],
    placement: 'header',
    load: () => import('./pages/policy/PolicyPage.tsx'),
  },
  {
    path: '/org-units',
    labelKey: 'common:nav.orgUnits',
    roles: [],
    placement: 'header',
    load: () => import('./pages/org-units/OrgUnitsPage.tsx'),
  },
  {
    path: '/tasks',
    aliases: ['/tasks/*'],
    labelKey: 'tasks:nav',
    roles: [],
    placement: 'header',
    load: () => import('./pages/tasks/TasksPage.tsx'),
  },
  {
    path: '/workbench',
    labelKey: 'collection:nav.workbench',
    roles: ['reporter', 'reviewer', 'coordinator', 'admin'],
    placement: 'header',
    load: () => import('./pages/collection/WorkbenchPage.tsx'),
  },
  {
    path: '/review',
    labelKey: 'collection:nav.review',
    roles: ['reviewer', 'coordinator', 'admin'],
    placement: 'header',
    load: () => import('./pages/collection/ReviewPage.tsx'),
  },
  {
    path: '/admin/users',
    labelKey: 'common:nav.users',
    roles: ['admin'],
    placement: 'account',
    load: () => import('./pages/admin/UsersPage.tsx'),
  },
  {
    path: '/admin/audit',
    labelKey: 'common:nav.audit',
    roles: ['admin', 'coordinator'],
    placement: 'account',
    load: () => import('./pages/admin/AuditPage.tsx'),
  },
  {
    path: '/login',
    labelKey: 'common:nav.login',
    roles: [],
    placement: 'none',
    load: () => import('./pages/login/LoginPage.tsx'),
  },
  {
    path: '/password',
    labelKey: 'common:nav.password',
    roles: [],
    signedIn: true,
    placement: 'none',
    load: () => import('./pages/password/PasswordPage.tsx'),
  },
  {
    path: '/evaluation',
    labelKey: 'evaluation:nav',
    roles: ['analyst', 'coordinator', 'admin'],
    placement: 'header',
    load: () => import('./pages/evaluation/EvaluationPage.tsx'),
  },
  // One run: open to everyone at the route, since a published run is public (read-only); the page itself
  // shows 无权访问 for a run the server does not reveal (unpublished, to anyone but the roles above).
  {
    path: '/evaluation/:id',
    labelKey: 'evaluation:nav',
    roles: [],
    placement: 'none',
    load: () => import('./pages/evaluation/RunDetailPage.tsx'),
  },
];
