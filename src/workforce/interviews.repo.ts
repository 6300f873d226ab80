import type { DbOrTrx } from '../platform/db/db.ts';
import type { WfInterviewsTable, WfLinksTable } from './schema.ts';

export async function readSettings(db: DbOrTrx) {
  return (
    (await db.selectFrom('wf_settings').selectAll().where('id', '=', 'settings').executeTakeFirst()) ?? {
      id: 'settings',
      min_group: 5,
      retention_months: 24,
      link_days: 14,
      updated_at: '',
    }
  );
}

export async function saveSettings(
  db: DbOrTrx,
  s: { min_group: number; retention_months: number; link_days: number },
  at: string,
) {
  await db
    .updateTable('wf_settings')
    .set({ ...s, updated_at: at })
    .where('id', '=', 'settings')
    .execute();
}

export async function isDelegate(db: DbOrTrx, staffId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('wf_delegates')
    .select('staff_id')
    .where('staff_id', '=', staffId)
    .executeTakeFirst());
}

export async function delegates(db: DbOrTrx) {
  return db
    .selectFrom('wf_delegates')
    .innerJoin('staff', 'staff.id', 'wf_delegates.staff_id')
    .select(['staff.id', 'staff.name', 'staff.email', 'wf_delegates.added_at'])
    .orderBy('staff.name')
    .execute();
}

export async function addDelegate(db: DbOrTrx, staffId: string, by: string, at: string) {
  await db
    .insertInto('wf_delegates')
    .values({ staff_id: staffId, added_by: by, added_at: at })
    .onConflict((oc) => oc.column('staff_id').doNothing())
    .execute();
}

export async function removeDelegate(db: DbOrTrx, staffId: string) {
  await db.deleteFrom('wf_delegates').where('staff_id', '=', staffId).execute();
}

export type ListName = 'wf_reasons' | 'wf_themes';

export async function listItems(db: DbOrTrx, list: ListName, activeOnly = false) {
  let q = db.selectFrom(list).selectAll().orderBy('position').orderBy('label');
  if (activeOnly) q = q.where('active', '=', 1);
  return q.execute();
}

export async function addListItem(
  db: DbOrTrx,
  list: ListName,
  item: { id: string; label: string; at: string },
) {
  const last = await db
    .selectFrom(list)
    .select((eb) => eb.fn.max('position').as('p'))
    .executeTakeFirst();
  await db
    .insertInto(list)
    .values({
      id: item.id,
      label: item.label,
      position: Number(last?.p ?? 0) + 1,
      active: 1,
      created_at: item.at,
    })
    .execute();
}

export async function findListItemByLabel(db: DbOrTrx, list: ListName, label: string) {
  return db
    .selectFrom(list)
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['label']), '=', label.toLowerCase()))
    .executeTakeFirst();
}

export async function setListItemActive(db: DbOrTrx, list: ListName, id: string, active: boolean) {
  await db
    .updateTable(list)
    .set({ active: active ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

export async function interviewForLeaving(db: DbOrTrx, staffId: string, leavingOn: string) {
  return db
    .selectFrom('wf_interviews')
    .select(['id', 'status'])
    .where('staff_id', '=', staffId)
    .where('leaving_on', '=', leavingOn)
    .executeTakeFirst();
}

export async function insertInterview(db: DbOrTrx, row: WfInterviewsTable, reasonIds: string[]) {
  await db.insertInto('wf_interviews').values(row).execute();
  if (reasonIds.length)
    await db
      .insertInto('wf_interview_reasons')
      .values(reasonIds.map((reason_id) => ({ interview_id: row.id, reason_id })))
      .execute();
}

export async function findInterview(db: DbOrTrx, id: string) {
  const row = await db
    .selectFrom('wf_interviews')
    .innerJoin('staff', 'staff.id', 'wf_interviews.staff_id')
    .leftJoin('wf_reasons', 'wf_reasons.id', 'wf_interviews.main_reason_id')
    .selectAll('wf_interviews')
    .select(['staff.name', 'wf_reasons.label as main_reason'])
    .where('wf_interviews.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const [reasons, themes] = await Promise.all([
    db
      .selectFrom('wf_interview_reasons')
      .innerJoin('wf_reasons', 'wf_reasons.id', 'wf_interview_reasons.reason_id')
      .select(['wf_reasons.id', 'wf_reasons.label'])
      .where('interview_id', '=', id)
      .orderBy('wf_reasons.position')
      .execute(),
    db.selectFrom('wf_interview_themes').select('theme_id').where('interview_id', '=', id).execute(),
  ]);
  return { ...row, reasons, themeIds: themes.map((t) => t.theme_id) };
}
export type InterviewRecord = NonNullable<Awaited<ReturnType<typeof findInterview>>>;

export async function interviewList(db: DbOrTrx) {
  return db
    .selectFrom('wf_interviews')
    .innerJoin('staff', 'staff.id', 'wf_interviews.staff_id')
    .leftJoin('wf_reasons', 'wf_reasons.id', 'wf_interviews.main_reason_id')
    .select([
      'wf_interviews.id',
      'wf_interviews.staff_id',
      'wf_interviews.leaving_on',
      'wf_interviews.status',
      'wf_interviews.source',
      'wf_interviews.team_name',
      'wf_interviews.reduced_at',
      'staff.name',
      'wf_reasons.label as main_reason',
    ])
    .orderBy('wf_interviews.status', 'asc')
    .orderBy('wf_interviews.leaving_on', 'desc')
    .execute();
}

export async function setThemes(
  db: DbOrTrx,
  id: string,
  themeIds: string[],
  quote: string | null,
  at: string,
) {
  await db.deleteFrom('wf_interview_themes').where('interview_id', '=', id).execute();
  if (themeIds.length)
    await db
      .insertInto('wf_interview_themes')
      .values(themeIds.map((theme_id) => ({ interview_id: id, theme_id })))
      .execute();
  await db.updateTable('wf_interviews').set({ quote, updated_at: at }).where('id', '=', id).execute();
}

export async function markReviewed(db: DbOrTrx, id: string, by: string, at: string) {
  await db
    .updateTable('wf_interviews')
    .set({ status: 'complete', recorded_by: by, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function insertLink(db: DbOrTrx, row: WfLinksTable) {
  await db.insertInto('wf_links').values(row).execute();
}

export async function findLink(db: DbOrTrx, tokenHash: string) {
  return db.selectFrom('wf_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Spends a link; conditional, so two tabs cannot both use it. True if this call spent it. */
export async function spendLink(db: DbOrTrx, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('wf_links')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function openLinksFor(db: DbOrTrx, staffId: string, now: string) {
  return db
    .selectFrom('wf_links')
    .select(['id', 'expires_at', 'sent_to', 'created_at'])
    .where('staff_id', '=', staffId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
}

/** Interviews of leavings before `before` that still hold words: the retention job's work. */
export async function reduceInterviewsLeftBefore(db: DbOrTrx, before: string, at: string) {
  const r = await db
    .updateTable('wf_interviews')
    .set({
      would_have_stayed: '',
      free_text: '',
      quote: null,
      destination: '',
      reduced_at: at,
      updated_at: at,
    })
    .where('leaving_on', '<', before)
    .where('reduced_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The coded answers of every complete interview in a period, for themes and trends. */
export async function codedAnswers(db: DbOrTrx, from: string, to: string) {
  const rows = await db
    .selectFrom('wf_interviews')
    .select([
      'id',
      'leaving_on',
      'team_id',
      'team_name',
      'service_id',
      'service_name',
      'is_agency',
      'main_reason_id',
    ])
    .where('status', '=', 'complete')
    .where('leaving_on', '>=', from)
    .where('leaving_on', '<=', to)
    .execute();
  const ids = rows.map((r) => r.id);
  const themes = ids.length
    ? await db
        .selectFrom('wf_interview_themes')
        .select(['interview_id', 'theme_id'])
        .where('interview_id', 'in', ids)
        .execute()
    : [];
  const byInterview = new Map<string, string[]>();
  for (const t of themes)
    byInterview.set(t.interview_id, [...(byInterview.get(t.interview_id) ?? []), t.theme_id]);
  return rows.map((r) => ({ ...r, themes: byInterview.get(r.id) ?? [] }));
}

/** Consented, anonymised quotes for a theme (the PSW's own view). */
export async function quotesFor(db: DbOrTrx, themeId: string) {
  return db
    .selectFrom('wf_interviews')
    .innerJoin('wf_interview_themes', 'wf_interview_themes.interview_id', 'wf_interviews.id')
    .select(['wf_interviews.quote'])
    .where('wf_interview_themes.theme_id', '=', themeId)
    .where('wf_interviews.consent_to_quote', '=', 1)
    .where('wf_interviews.quote', 'is not', null)
    .where('wf_interviews.quote', '!=', '')
    .execute();
}
