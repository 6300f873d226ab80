import { addAction, closeLoop, evidenceWanted } from '../../complaints/api.ts';
import { DEMO_PERSONAS, demoEmail } from '../../demo/api.ts';
import { addCalendarDays, londonDay } from '../../platform/calendar/days.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DemoOptions } from '../../platform/feature.ts';
import { insertAck, insertAckTarget, peopleIn } from '../acks.repo.ts';
import { lessonFromAudit } from '../audits.service.ts';
import { findStandard } from '../library.repo.ts';
import { amendStandard, createStandard, type StandardInput } from '../library.service.ts';

import { seedAudits } from './audits.ts';
import { DEMO_AMENDMENTS, DEMO_STANDARDS, type DemoStandard } from './content.ts';

const at = (clock: Clock, daysAgo: number): Clock => ({
  now: () => new Date(clock.now().getTime() - daysAgo * 86_400_000),
});
const personaId = async (db: Db, role: string) => {
  const p = DEMO_PERSONAS.find((x) => x.roles.includes(role as never))!;
  const row = await db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('email', '=', demoEmail(p.name))
    .executeTakeFirstOrThrow();
  return row;
};
/** A stable pseudo-random number in [0, 1) from a text, so the demo is the same every time. */
export const hash01 = (s: string) => {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
};

/**
 * The Calderbrook practice standards: a standard or two in every area, the
 * visit and assessment timescales of the child-timeliness rules owned by
 * standards, a year of amendments, acknowledgements partly done, and case audits.
 */
export async function seedStandards(db: Db, clock: Clock, options: DemoOptions): Promise<string> {
  const psw = await personaId(db, 'psw');
  const manager = await personaId(db, 'team-manager');
  const serviceManager = await personaId(db, 'service-manager');
  const actor = { id: psw.id, name: psw.name, ip: null, userAgent: null };
  const ids = new Map<string, string>();
  const input = (s: DemoStandard, createdDaysAgo: number): StandardInput => ({
    area: s.area,
    title: s.title,
    level: s.level,
    body: s.body,
    byWhen: s.byWhen,
    whyChild: s.whyChild,
    sourceKind: s.sourceKind,
    sourceDetail: s.sourceDetail,
    ownerId:
      s.area === 'supervision' ? manager.id : s.area === 'transfer-closure' ? serviceManager.id : psw.id,
    // Most are reviewed a year after they were written; the oldest are now past their review date.
    reviewOn: addCalendarDays(londonDay(clock.now()), 365 - createdDaysAgo),
    related: (s.related ?? []).flatMap((k) => (ids.has(k) ? [ids.get(k)!] : [])),
    links: s.links ?? [],
    timescaleField: s.timescaleField ?? null,
    timescaleDays: s.timescaleDays ?? null,
    inAudit: s.inAudit,
  });
  for (const s of DEMO_STANDARDS) {
    const daysAgo = s.area === 'transfer-closure' ? 420 : 300;
    ids.set(s.key, await createStandard(db, at(clock, daysAgo), actor, input(s, daysAgo)));
  }
  for (const a of [...DEMO_AMENDMENTS].sort((x, y) => y.daysAgo - x.daysAgo)) {
    const s = DEMO_STANDARDS.find((x) => x.key === a.key)!;
    const id = ids.get(a.key)!;
    const row = (await findStandard(db, id))!;
    const next = {
      ...input(s, 300),
      reviewOn: row.review_on,
      ownerId: row.owner_id,
      body: a.body ?? s.body,
      byWhen: a.byWhen ?? s.byWhen,
      timescaleDays: a.timescaleDays ?? s.timescaleDays ?? null,
    };
    if (a.key === 'record-visits')
      next.links = [
        { text: 'Calderbrook recording guide', href: 'https://calderbrook.example/recording-guide' },
      ];
    await amendStandard(db, at(clock, a.daysAgo), actor, id, next, {
      ...a,
      fromVersion: row.current_version,
    });
  }
  const acks = await seedAcknowledgements(db, clock, ids);
  const audits = await seedAudits(db, clock, options, ids);
  await seedAuditLesson(db, clock, ids, input);
  return `${DEMO_STANDARDS.length} practice standards with ${DEMO_AMENDMENTS.length} amendments, ${acks} acknowledgements, ${audits} case audits`;
}

/**
 * One lesson from case audits, closed with a changed standard as its evidence (issue 13): audits
 * found children not seen alone with no reason recorded; the PSW made a lesson of it, asked a team
 * manager to see the standard changed, changed it (the new version is the action's evidence) and
 * closed the loop.
 */
async function seedAuditLesson(
  db: Db,
  clock: Clock,
  ids: Map<string, string>,
  input: (s: DemoStandard, daysAgo: number) => StandardInput,
) {
  const psw = await personaId(db, 'psw');
  const manager = await personaId(db, 'team-manager');
  const pswPerson = await db
    .selectFrom('staff')
    .select(['email'])
    .where('id', '=', psw.id)
    .executeTakeFirstOrThrow();
  const user = {
    id: psw.id,
    name: psw.name,
    email: pswPerson.email,
    roles: ['psw' as const],
    teamId: null,
    serviceId: null,
  };
  const actor = { id: psw.id, name: psw.name, ip: null, userAgent: null };
  const audit = await db
    .selectFrom('case_audits')
    .select('id')
    .where('audited_on', '<', addCalendarDays(londonDay(clock.now()), -30))
    .where('lesson_id', 'is', null)
    .orderBy('audited_on')
    .executeTakeFirst();
  if (!audit) return;
  const lessonId = await lessonFromAudit(db, at(clock, 30), actor, user, audit.id, {
    title: 'Children not seen alone, with no reason recorded',
    detail:
      'Several audits found visits where the child was seen with a parent present and the record did not say why they were not seen alone.',
  });
  const dueOn = addCalendarDays(londonDay(clock.now()), -14);
  await addAction(db, at(clock, 30), actor, user, lessonId, {
    description: 'Change the standard so the reason a child was not seen alone is always recorded',
    ownerId: manager.id,
    dueOn,
  });
  const action = (await evidenceWanted(db, user)).find((a) =>
    a.itemTitle.startsWith('Children not seen alone'),
  )!;
  const key = 'see-child-alone';
  const s = DEMO_STANDARDS.find((x) => x.key === key)!;
  const id = ids.get(key)!;
  const row = (await findStandard(db, id))!;
  await amendStandard(
    db,
    at(clock, 16),
    actor,
    id,
    {
      ...input(s, 300),
      reviewOn: row.review_on,
      ownerId: row.owner_id,
      body: 'Every assessment and every statutory visit records that the child was seen, where, and whether they were seen alone. When a child was not seen alone, record the reason and what will be done to see them alone next time.\n\nUse the child’s own words in the record where you can.',
    },
    {
      summary:
        'The reason a child was not seen alone, and the plan to see them alone next time, are always recorded.',
      reason: 'Case audits found children seen only with a parent present and no reason recorded.',
      major: false,
      fromVersion: row.current_version,
    },
    { actionId: action.id, user, dataDir: '' },
  );
  await closeLoop(db, at(clock, 12), actor, user, lessonId);
}

const FOR_PRACTITIONERS = [
  'see-child-alone',
  'cp-visits',
  'cin-visits',
  'record-visits',
  'minutes-to-families',
  'record-leaver-contact',
];
const FOR_MANAGERS = ['supervision-frequency', 'management-oversight'];

/** Whoever tries the demo signs in as a persona: each has read every other standard asked of them, so both lists show. */
const PERSONA_EMAILS = new Set(DEMO_PERSONAS.map((p) => demoEmail(p.name)));
const hasRead = (email: string, key: string, index: number) =>
  PERSONA_EMAILS.has(email) ? index % 2 === 1 : hash01(`${email}${key}`) <= 0.68;

/** Practitioners and team managers are asked to read their standards; about two thirds have. */
async function seedAcknowledgements(db: Db, clock: Clock, ids: Map<string, string>) {
  const today = londonDay(clock.now());
  const now = clock.now().toISOString();
  const ask = async (key: string, role: string, due: string) =>
    insertAckTarget(db, {
      id: `${ids.get(key)}-${role}`,
      standard_id: ids.get(key)!,
      kind: 'role',
      target: role,
      due_on: due,
      created_at: now,
    });
  for (const [i, k] of FOR_PRACTITIONERS.entries())
    await ask(k, 'practitioner', addCalendarDays(today, i < 3 ? -5 : 25));
  for (const k of FOR_MANAGERS) await ask(k, 'team-manager', addCalendarDays(today, 40));
  const people = await peopleIn(db, {});
  let n = 0;
  for (const p of people) {
    const keys = [
      ...(p.roles.includes('practitioner') ? FOR_PRACTITIONERS : []),
      ...(p.roles.includes('team-manager') ? FOR_MANAGERS : []),
    ];
    for (const [i, k] of keys.entries()) {
      if (!hasRead(p.email, k, i)) continue;
      const r = hash01(`${p.email}${k}`);
      const s = (await findStandard(db, ids.get(k)!))!;
      // Some read the version before the latest major change and have not read it again.
      const version = r < 0.2 && s.ack_version > 1 ? s.ack_version - 1 : s.current_version;
      await insertAck(db, { standard_id: s.id, staff_id: p.id, version, acknowledged_at: now });
      n++;
    }
  }
  return n;
}
