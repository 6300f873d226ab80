import { childrenToChoose, findChild } from '../../performance/api.ts';
import { addCalendarDays, londonDay } from '../../platform/calendar/days.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DemoOptions } from '../../platform/feature.ts';
import { checklist, insertAnswers, insertAudit } from '../audits.repo.ts';
import type { Grade } from '../audits.rules.ts';

/** A stable pseudo-random number in [0, 1) from a text, so the demo is the same every time. */
const hash01 = (s: string) => {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
};

const EVIDENCE = {
  'not-met': [
    'No record that the child was seen alone, and no reason given.',
    'The last two visits were recorded more than three weeks late.',
    'The minutes of the core group were not sent to the family.',
  ],
  partly: [
    'Most actions have a person and a date; the family’s own actions do not.',
    'The child’s views are recorded but not in their own words.',
    'Supervision took place but the decisions are not on the child’s file.',
  ],
  met: [
    'Clear record, in words the child could read later.',
    '',
    'Seen alone at each visit, with their words recorded.',
  ],
} as const;

/**
 * Case audits of the demo children over the last six months: each checklist
 * standard answered, a grade, what went well and what must change; about one
 * in seven moderated by a second auditor.
 */
export async function seedAudits(db: Db, clock: Clock, options: DemoOptions, ids: Map<string, string>) {
  const people = await db
    .selectFrom('staff')
    .innerJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
    .select(['staff.id', 'staff.name', 'staff.email', 'staff.team_id', 'staff_roles.role'])
    .where('staff_roles.role', 'in', ['psw', 'team-manager', 'service-manager'])
    .where('staff.active', '=', 1)
    .execute();
  const psw = people.find((p) => p.role === 'psw')!;
  const standards = await checklist(db);
  // Ids are new on every start; the demo's draws are made from what stays the same.
  const keyOf = new Map([...ids].map(([key, id]) => [id, key]));
  const all = await childrenToChoose(
    db,
    { id: psw.id, name: psw.name, email: psw.email, roles: ['psw'], teamId: null, serviceId: null },
    5000,
  );
  const wanted = options.size === 'full' ? 36 : 12;
  const today = londonDay(clock.now());
  let n = 0;
  for (const [i, c] of all.filter((_, k) => k % 3 === 0).entries()) {
    if (n >= wanted) break;
    const child = await findChild(db, c.id);
    if (!child?.team_id || !child.worker_id) continue;
    const manager = people.find((p) => p.role === 'team-manager' && p.team_id === child.team_id);
    const auditor = manager ?? psw;
    const seed = child.local_id;
    const quality = hash01(`${seed}quality`);
    const answers = standards.map((s) => {
      const r = hash01(`${seed}${keyOf.get(s.id) ?? s.id}`);
      const answer =
        r < 0.08
          ? ('na' as const)
          : r < 0.08 + 0.55 * quality + 0.25
            ? ('met' as const)
            : r < 0.85
              ? ('partly' as const)
              : ('not-met' as const);
      const pool = answer === 'na' ? [''] : EVIDENCE[answer];
      return {
        standard_id: s.id,
        standard_version: s.current_version,
        answer,
        evidence: pool[Math.floor(r * 100) % pool.length]!,
      };
    });
    const met =
      answers.filter((a) => a.answer === 'met').length / answers.filter((a) => a.answer !== 'na').length;
    const grade: Grade =
      met > 0.85 ? 'outstanding' : met > 0.65 ? 'good' : met > 0.4 ? 'requires-improvement' : 'inadequate';
    const id = `audit-${child.id}`;
    const on = addCalendarDays(today, -Math.floor(hash01(`${seed}day`) * 180) - 1);
    const moderated = i % 7 === 3;
    const moderator = auditor.id === psw.id ? people.find((p) => p.role === 'service-manager') : psw;
    const changed: Grade | null = moderated ? (grade === 'good' ? 'requires-improvement' : grade) : null;
    await insertAudit(db, {
      id,
      child_id: child.id,
      team_id: child.team_id,
      worker_id: child.worker_id,
      auditor_id: auditor.id,
      audited_on: on,
      grade,
      done_well:
        'The worker knows the child well and the record shows a warm, steady relationship with the family.',
      must_change: answers.some((a) => a.answer === 'not-met')
        ? 'Record when the child is seen alone, and send minutes to the family within the timescale.'
        : 'Keep the plan’s actions dated as the family’s circumstances change.',
      moderator_id: moderated && moderator ? moderator.id : null,
      moderated_grade: moderated && moderator ? changed : null,
      moderation_reason:
        moderated && moderator
          ? changed === grade
            ? 'Agree: the evidence supports the grade.'
            : 'The gaps in recording weigh more than the audit allowed for.'
          : null,
      moderated_at: moderated && moderator ? `${on}T15:00:00.000Z` : null,
      lesson_id: null,
      created_at: `${on}T10:00:00.000Z`,
    });
    await insertAnswers(
      db,
      answers.map((a) => ({ audit_id: id, ...a })),
    );
    n++;
  }
  return n;
}
