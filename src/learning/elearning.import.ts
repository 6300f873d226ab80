import { parse } from 'csv-parse/sync';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { isDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { newId } from '../platform/ids.ts';

export const COMPLETION_COLUMNS = ['email', 'module', 'completed_on'] as const;
const MAX_ROWS = 50_000;

export interface RowError {
  row: number | null;
  message: string;
}

/**
 * Imports completions from the e-learning system's CSV: every row is checked
 * first and, if any is wrong, nothing is saved and every problem is listed
 * with its row number (row 1 is the header).
 */
export async function importCompletions(db: Db, clock: Clock, actor: Actor, text: string, today: string) {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (err) {
    return {
      ok: false as const,
      errors: [{ row: null, message: `The file is not valid CSV: ${(err as Error).message}` }],
    };
  }
  const first = text.split(/\r?\n/)[0]?.toLowerCase() ?? '';
  const missing = COMPLETION_COLUMNS.filter((c) => !first.includes(c));
  if (missing.length)
    return { ok: false as const, errors: [{ row: 1, message: `Missing columns: ${missing.join(', ')}` }] };
  if (records.length === 0)
    return { ok: false as const, errors: [{ row: null, message: 'The file has no rows.' }] };
  if (records.length > MAX_ROWS)
    return {
      ok: false as const,
      errors: [{ row: null, message: `The file has more than ${MAX_ROWS} rows.` }],
    };
  const staff = new Map(
    (await db.selectFrom('staff').select(['id', 'email']).execute()).map((s) => [
      s.email.toLowerCase(),
      s.id,
    ]),
  );
  const modules = new Map(
    (await db.selectFrom('lrn_modules').select(['id', 'title']).execute()).map((m) => [
      m.title.toLowerCase(),
      m.id,
    ]),
  );
  const errors: RowError[] = [];
  const rows: { staffId: string; moduleId: string; day: string }[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const staffId = staff.get((r.email ?? '').toLowerCase());
    const moduleId = modules.get((r.module ?? '').toLowerCase());
    const day = r.completed_on ?? '';
    if (!staffId)
      errors.push({ row, message: `No member of staff has the email ${JSON.stringify(r.email ?? '')}` });
    if (!moduleId)
      errors.push({ row, message: `There is no e-learning module called ${JSON.stringify(r.module ?? '')}` });
    if (!isDay(day))
      errors.push({ row, message: `completed_on must be a date as YYYY-MM-DD, not ${JSON.stringify(day)}` });
    else if (day > today) errors.push({ row, message: `completed_on ${day} is in the future` });
    if (staffId && moduleId && isDay(day) && day <= today) rows.push({ staffId, moduleId, day });
  });
  if (errors.length) return { ok: false as const, errors };
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('lrn_completions')
        .values(
          rows.slice(i, i + 500).map((r) => ({
            id: newId(),
            module_id: r.moduleId,
            staff_id: r.staffId,
            completed_on: r.day,
            source: 'import' as const,
            created_at: at,
          })),
        )
        .execute();
    await recordAudit(trx, clock, actor, {
      action: 'import',
      recordType: 'elearning-completions',
      summary: `Imported ${rows.length} e-learning completions`,
    });
  });
  return { ok: true as const, imported: rows.length };
}
