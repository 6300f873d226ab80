import type { DbOrTrx } from '../platform/db/db.ts';

/** Which documents set which timescales: field name → the document's title and address. */
export async function settingSources(db: DbOrTrx): Promise<Map<string, { title: string; href: string }>> {
  const rows = await db.selectFrom('performance_setting_sources').selectAll().execute();
  return new Map(rows.map((r) => [r.field, { title: r.title, href: r.href }]));
}

/** Records (or renames) the document that sets a timescale. */
export async function upsertSettingSource(
  db: DbOrTrx,
  field: string,
  source: { title: string; href: string },
) {
  await db
    .insertInto('performance_setting_sources')
    .values({ field, ...source })
    .onConflict((oc) => oc.column('field').doUpdateSet(source))
    .execute();
}

export async function removeSettingSource(db: DbOrTrx, field: string) {
  await db.deleteFrom('performance_setting_sources').where('field', '=', field).execute();
}
