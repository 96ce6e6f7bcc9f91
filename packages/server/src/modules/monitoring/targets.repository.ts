// SQL for changing a target: copying a framework version into the next one.
import type { Kysely, Selectable } from 'kysely';
import type { Database, FrameworkTable, TargetTable } from '@scimon/db';

export async function findActiveVersion(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('framework')
    .selectAll()
    .where('code', '=', code)
    .where('status', '=', 'active')
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

export async function listTargetsOf(db: Kysely<Database>, frameworkId: number, indicator: string) {
  return db
    .selectFrom('target')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .where('indicator_code', '=', indicator)
    .orderBy('id')
    .execute();
}

/**
 * Inserts version + 1 of `from` with the same dimensions, indicators, links and targets (one target
 * replaced by `changed`), and marks every other version superseded. Returns the new framework id.
 */
export async function copyVersion(
  tx: Kysely<Database>,
  from: Selectable<FrameworkTable>,
  changed: Selectable<TargetTable>,
  createdAt: string,
): Promise<number> {
  await tx.updateTable('framework').set({ status: 'superseded' }).where('code', '=', from.code).execute();
  // The content hash is inherited: it names the catalogue definition this version derives from, so a
  // re-seed of an unchanged framework file does not replace the coordinator's change.
  const { id } = await tx
    .insertInto('framework')
    .values({
      code: from.code,
      version: from.version + 1,
      status: 'active',
      name_zh: from.name_zh,
      name_en: from.name_en,
      content_hash: from.content_hash,
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dimIds = new Map<number, number>();
  for (const { id: old, framework_id: _, ...d } of await tx
    .selectFrom('dimension')
    .selectAll()
    .where('framework_id', '=', from.id)
    .orderBy('id')
    .execute()) {
    const row = await tx
      .insertInto('dimension')
      .values({ ...d, framework_id: id })
      .returning('id')
      .executeTakeFirstOrThrow();
    dimIds.set(old, row.id);
  }
  const indIds = new Map<number, number>();
  for (const { id: old, framework_id: _, ...i } of await tx
    .selectFrom('indicator')
    .selectAll()
    .where('framework_id', '=', from.id)
    .orderBy('id')
    .execute()) {
    const row = await tx
      .insertInto('indicator')
      .values({ ...i, framework_id: id })
      .returning('id')
      .executeTakeFirstOrThrow();
    indIds.set(old, row.id);
  }
  const links = await tx
    .selectFrom('indicator_dimension')
    .selectAll()
    .where('indicator_id', 'in', [...indIds.keys(), -1])
    .execute();
  if (links.length)
    await tx
      .insertInto('indicator_dimension')
      .values(
        links.map((l) => ({
          indicator_id: indIds.get(l.indicator_id)!,
          dimension_id: dimIds.get(l.dimension_id)!,
        })),
      )
      .execute();
  const targets = await tx
    .selectFrom('target')
    .selectAll()
    .where('framework_id', '=', from.id)
    .orderBy('id')
    .execute();
  if (targets.length)
    await tx
      .insertInto('target')
      .values(
        targets.map((t) => {
          const { id: _, ...rest } = t.id === changed.id ? changed : t;
          return { ...rest, framework_id: id };
        }),
      )
      .execute();
  return id;
}
