// Who a CLI import acts as: a named user with its grants, or the local administrator `admin`.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { RoleGrant } from '@scimon/contracts';
import { findUserByUsername, listGrants } from '../auth/auth.repository.ts';

export interface CliPrincipal {
  username: string;
  roles: RoleGrant[];
}

/** The user's grants; without a name, `admin` (whose grant is the whole tree even before it exists). */
export async function resolveCliPrincipal(
  db: Kysely<Database>,
  username?: string,
): Promise<CliPrincipal | null> {
  const name = username ?? 'admin';
  const user = await findUserByUsername(db, name);
  if (!user) return username ? null : { username: 'admin', roles: [{ role: 'admin', scope: 'WSC' }] };
  if (user.disabled) return null;
  return { username: name, roles: (await listGrants(db, user.id)) as RoleGrant[] };
}
