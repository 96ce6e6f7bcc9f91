/**
 * The one navigation registry: each feature appends its pages here (path, i18n key of the label,
 * who may see it). The web shell renders menus and routes from this list.
 */
export interface NavEntry {
  path: string;
  /** i18n key, e.g. `nav.overview`, present in every locale file. */
  labelKey: string;
  /** Roles that see the entry; empty = everyone, signed in or not. */
  roles: readonly string[];
}

export const navigation: NavEntry[] = [];
