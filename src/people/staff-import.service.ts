import type { FastifyRequest } from 'fastify';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { activeOn, leavingProblem } from './dates.rules.ts';
import { teamNames } from './org.repo.ts';
import { insertStaff, replaceRoles } from './staff.repo.ts';
import { parseStaffCsv, type RowError, type StaffImportRow } from './staff-import.parse.ts';
import {
  type ImportedColumns,
  rolesOfEveryone,
  staffForMatching,
  updateImportedStaff,
} from './staff-import.repo.ts';
import { readCsvUpload } from './staff-import.upload.ts';

export type StaffImportResult =
  | { ok: true; created: number; updated: number; unchanged: number }
  | { ok: false; errors: RowError[] };

/** Imports the staff file uploaded with this request; a file that cannot be read says why, with its status. */
export async function importStaffUpload(
  db: Db,
  clock: Clock,
  actor: Actor,
  req: FastifyRequest,
): Promise<
  Extract<StaffImportResult, { ok: true }> | { ok: false; status: 400 | 413 | 422; errors: RowError[] }
> {
  const upload = await readCsvUpload(req);
  if (!upload.ok) return upload;
  const result = await importStaff(db, clock, actor, upload.text);
  return result.ok ? result : { ...result, status: 422 };
}

/**
 * Imports a staff file all-or-nothing, matched on staff_number. A bad file
 * writes nothing; importing the same file twice changes nothing the second time.
 */
export async function importStaff(
  db: Db,
  clock: Clock,
  actor: Actor,
  csvText: string,
): Promise<StaffImportResult> {
  const { rows, errors } = parseStaffCsv(csvText);
  const today = londonDay(clock.now());
  for (const r of rows) {
    const outOfRange = r.leftOn && leavingProblem('left_on', r.leftOn, today);
    if (outOfRange) errors.push({ row: r.row, message: outOfRange });
  }
  if (errors.length) return { ok: false, errors };

  return db.transaction().execute(async (trx) => {
    const teams = new Map((await teamNames(trx)).map((t) => [t.name.toLowerCase(), t.id]));
    const existing = await staffForMatching(trx);
    const byNumber = new Map(existing.map((s) => [s.staff_number, s]));
    const byEmail = new Map(existing.map((s) => [s.email, s]));
    const rolesOf = await rolesOfEveryone(trx);

    const problems: RowError[] = [];
    for (const r of rows) {
      if (r.team && !teams.has(r.team.toLowerCase()))
        problems.push({
          row: r.row,
          message: `team "${r.team}" does not exist; add it first or check the spelling`,
        });
      const owner = byEmail.get(r.email);
      if (owner && owner.staff_number !== r.staffNumber)
        problems.push({
          row: r.row,
          message: `email ${r.email} already belongs to staff number ${owner.staff_number}`,
        });
    }
    if (problems.length) return { ok: false, errors: problems } as const;

    const now = clock.now().toISOString();
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      const values = toColumns(r, r.team ? teams.get(r.team.toLowerCase())! : null, today);
      const current = byNumber.get(r.staffNumber);
      if (!current) {
        const id = await insertStaff(trx, now, {
          staffNumber: r.staffNumber,
          email: r.email,
          name: r.name,
          jobTitle: r.jobTitle,
          teamId: values.team_id,
          isAgency: r.isAgency,
          leftOn: r.leftOn,
          roles: r.roles,
        });
        await recordAudit(trx, clock, actor, {
          action: 'create',
          recordType: 'staff',
          recordId: id,
          summary: `Added ${r.name} by staff import`,
        });
        created++;
        continue;
      }
      const rolesBefore = [...(rolesOf.get(current.id) ?? [])].sort().join(';');
      const rolesAfter = [...r.roles].sort().join(';');
      const changed: string[] = (Object.keys(values) as (keyof typeof values)[]).filter(
        (k) => current[k] !== values[k],
      );
      if (changed.length === 0 && rolesBefore === rolesAfter) continue;
      await updateImportedStaff(trx, current.id, values, now);
      if (rolesBefore !== rolesAfter) {
        await replaceRoles(trx, current.id, r.roles);
        changed.push('roles');
      }
      await recordAudit(trx, clock, actor, {
        action: 'update',
        recordType: 'staff',
        recordId: current.id,
        summary: `Staff import changed ${changed.join(', ')} for ${r.name}`,
      });
      updated++;
    }
    const unchanged = rows.length - created - updated;
    await recordAudit(trx, clock, actor, {
      action: 'import',
      recordType: 'staff',
      summary: `Staff import: ${created} added, ${updated} changed, ${unchanged} unchanged`,
    });
    return { ok: true, created, updated, unchanged } as const;
  });
}

function toColumns(r: StaffImportRow, teamId: string | null, today: string): ImportedColumns {
  return {
    email: r.email,
    name: r.name,
    job_title: r.jobTitle,
    team_id: teamId,
    is_agency: r.isAgency ? 1 : 0,
    active: activeOn(r.leftOn, today),
    left_on: r.leftOn,
  };
}
