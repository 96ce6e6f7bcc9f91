/**
 * The one navigation registry: each feature appends its pages here (path, i18n key of the label,
 * who may see it, how to load it). The web shell renders the header links and the routes from this list.
 */
import type { ComponentType } from 'react';

export interface NavEntry {
  path: string;
  /** Further paths that show the same page (e.g. `/` shows the catalogue until the overview exists). */
  aliases?: readonly string[];
  /** i18n key `namespace:key`, e.g. `common:nav.policy`, present in every locale. */
  labelKey: string;
  /** Roles that see the entry (any scope); empty = everyone, signed in or not. */
  roles: readonly string[];
  /** Needs a signed-in user even when `roles` is empty (e.g. changing one's password). */
  signedIn?: boolean;
  /** `header`: a visible link in the header; `none`: a route only (login, password). */
  placement: 'header' | 'none';
  /** Loads the page lazily (its own chunk). */
  load: () => Promise<{ default: ComponentType }>;
}

export const navigation: NavEntry[] = [
  {
    path: '/policy',
    aliases: ['/'],
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
    path: '/admin/users',
    labelKey: 'common:nav.users',
    roles: ['admin'],
    placement: 'header',
    load: () => import('./pages/admin/UsersPage.tsx'),
  },
  {
    path: '/admin/audit',
    labelKey: 'common:nav.audit',
    roles: ['admin', 'coordinator'],
    placement: 'header',
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
];
