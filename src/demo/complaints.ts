import { currentDeadline, REGULATION_DAYS } from '../complaints/clocks.ts';
import { stageTimes, todayIn } from '../complaints/complaints.service.ts';
import { THEMES } from '../complaints/forms.ts';
import { type ComplaintEvent, currentStage, OUTCOMES, receive, step } from '../complaints/lifecycle.ts';
import { addCalendarDays } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { newId } from '../platform/ids.ts';
import { seedStoryComplaints } from './complaints-story.ts';
import type { DemoOptions, FeatureSeed } from './features.ts';

/**
 * Demo complaints: the two Stage 2 outcomes from the seed bulletin (retold,
 * anonymised) with their learning, in every size; with "full", a year of
 * varied history so the reports mean something. Dates are relative to the clock.
 */
export const complaintsSeed: FeatureSeed = {
  name: 'Complaints and learning',
  async seed(db: Db, clock: Clock, options: DemoOptions) {
    return db.transaction().execute(async (trx) => {
      const ctx = await seedContext(trx, clock);
      await seedStoryComplaints(ctx);
      const extra = options.size === 'full' ? await seedHistory(trx, ctx) : { complaints: 0, sources: 0 };
      return `${2 + extra.complaints} complaints, ${extra.sources} compliments and other sources`;
    });
  },
};

export interface SeedContext {
  trx: DbOrTrx;
  today: string;
  now: string;
  teams: Map<string, string>;
  staff: {
    id: string;
    name: string;
    team: string;
    is_agency: number;
    left_on: string | null;
    active: number;
  }[];
  byEmail: (email: string) => string;
  reference: (receivedOn: string) => string;
}

export async function seedContext(trx: DbOrTrx, clock: Clock): Promise<SeedContext> {
  const teams = new Map(
    (await trx.selectFrom('teams').select(['id', 'name']).execute()).map((t) => [t.name, t.id]),
  );
  const rows = await trx
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.email',
      'staff.is_agency',
      'staff.left_on',
      'staff.active',
      'teams.name as team',
    ])
    .orderBy('staff.staff_number')
    .execute();
  // Carry on from references already there (another seed run, or a benchmark adding more).
  const counters = new Map<string, number>();
  for (const { reference } of await trx.selectFrom('complaints').select('reference').execute()) {
    const [, y, n] = reference.split('-');
    counters.set(y!, Math.max(counters.get(y!) ?? 0, Number(n)));
  }
  return {
    trx,
    today: todayIn(clock),
    now: clock.now().toISOString(),
    teams,
    staff: rows.map((r) => ({ ...r, team: r.team ?? '' })),
    byEmail: (email) => rows.find((r) => r.email === email)!.id,
    reference: (receivedOn) => {
      const y = receivedOn.slice(0, 4);
      const n = (counters.get(y) ?? 0) + 1;
      counters.set(y, n);
      return `C-${y}-${String(n).padStart(4, '0')}`;
    },
  };
}

export interface DemoComplaint {
  receivedOn: string;
  receivedHow: string;
  complainant: string;
  relationship: string;
  advocateOffered: boolean;
  child: string;
  team: string;
  workerIds: string[];
  summary: string;
  elements: { summary: string; theme: string }[];
  officerId: string | null;
  independentPerson?: string;
  /** Later events; element ids are 'e1', 'e2' … in order. Illegal ones are an error in the seed. */
  events: (ids: string[]) => ComplaintEvent[];
}

/** Inserts a complaint whose events the state machine accepts; returns its id. */
export async function insertDemoComplaint(ctx: SeedContext, c: DemoComplaint): Promise<string> {
  const ids = c.elements.map(() => newId());
  const received: Extract<ComplaintEvent, { type: 'received' }> = {
    type: 'received',
    on: c.receivedOn,
    elements: c.elements.map((e, i) => ({ id: ids[i]!, ...e })),
  };
  const sc = { today: ctx.today, calendar: REGULATION_DAYS };
  let r = receive(received, sc);
  const events: ComplaintEvent[] = [received];
  for (const e of c.events(ids)) {
    if (!r.ok) break;
    r = step(r.state, e, sc);
    events.push(e);
  }
  if (!r.ok) throw new Error(`Demo complaint from ${c.receivedOn} is not legal: ${r.refusal.message}`);
  const state = r.state;
  const id = newId();
  await ctx.trx
    .insertInto('complaints')
    .values({
      id,
      reference: ctx.reference(c.receivedOn),
      received_on: c.receivedOn,
      received_how: c.receivedHow,
      complainant_name: c.complainant,
      complainant_relationship: c.relationship,
      advocate_offered: c.advocateOffered ? 1 : 0,
      child_name: c.child,
      child_ref: '',
      team_id: ctx.teams.get(c.team)!,
      summary: c.summary,
      stage: currentStage(state).stage,
      status: state.status,
      due_on:
        state.status === 'open'
          ? currentDeadline(REGULATION_DAYS, stageTimes(currentStage(state))).dueOn
          : null,
      officer_id: c.officerId,
      independent_person: c.independentPerson ?? '',
      version: events.length,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  for (const w of new Set(c.workerIds))
    await ctx.trx.insertInto('complaint_workers').values({ complaint_id: id, staff_id: w }).execute();
  let seq = 0;
  for (const e of events)
    await ctx.trx
      .insertInto('complaint_events')
      .values({
        id: newId(),
        complaint_id: id,
        seq: ++seq,
        type: e.type,
        payload: JSON.stringify(e),
        at: ctx.now,
        actor_name: 'Demo data',
      })
      .execute();
  return id;
}

export async function insertDemoItem(
  ctx: SeedContext,
  i: {
    complaintId?: string;
    sourceId?: string;
    team: string | null;
    kind: string;
    title: string;
    detail: string;
    theme: string;
    raisedOn: string;
    publish?: string;
  },
  actions: {
    description: string;
    ownerId: string;
    dueOn: string;
    evidence?: { text: string; on: string; by: string };
  }[],
  closedOn: string | null,
) {
  const id = newId();
  await ctx.trx
    .insertInto('learning_items')
    .values({
      id,
      complaint_id: i.complaintId ?? null,
      source_id: i.sourceId ?? null,
      kind: i.kind,
      title: i.title,
      detail: i.detail,
      theme: i.theme,
      team_id: i.team ? ctx.teams.get(i.team)! : null,
      raised_on: i.raisedOn,
      closed_on: closedOn,
      publish: i.publish ? 1 : 0,
      published_summary: i.publish ?? '',
      created_by: 'Demo data',
      created_at: ctx.now,
    })
    .execute();
  if (closedOn && actions.some((a) => !a.evidence))
    throw new Error(`Demo item "${i.title}" closed without evidence`);
  for (const a of actions)
    await ctx.trx
      .insertInto('learning_actions')
      .values({
        id: newId(),
        item_id: id,
        description: a.description,
        owner_id: a.ownerId,
        due_on: a.dueOn,
        evidence_text: a.evidence?.text ?? null,
        evidence_link: null,
        evidence_document_id: null,
        evidence_on: a.evidence?.on ?? null,
        evidence_by: a.evidence?.by ?? null,
        created_at: ctx.now,
      })
      .execute();
  return id;
}

/** A small deterministic random source, so the demo is the same on every start. */
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

const RELATIONSHIPS = [
  'mother',
  'father',
  'grandmother',
  'the young person',
  'foster carer',
  'aunt',
  'stepfather',
];
const FIRST = ['Jordan', 'Casey', 'Riley', 'Morgan', 'Sam', 'Alex', 'Jamie', 'Taylor', 'Charlie', 'Robin'];
const ASKS: Record<string, string> = {
  communication: 'Phone calls and messages were not returned',
  delay: 'A promised assessment took far longer than we were told',
  'worker conduct': 'The worker was felt to be dismissive during a home visit',
  'decisions about care': 'Disagreement with the decision about where the child should live',
  'information sharing': 'Information was shared with another agency without being explained',
  'meetings and minutes': 'Minutes of the meeting were not received',
  'contact arrangements': 'Family time arrangements were changed at short notice',
  other: 'Travel costs for meetings were not reimbursed',
};

/** A year of complaints at every stage (some late, some open and overdue), compliments and audits. */
async function seedHistory(trx: DbOrTrx, ctx: SeedContext) {
  const rand = prng(20261127);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const frontLine = [...ctx.teams.keys()].filter((t) => !/Practice and Learning|Complaints|Systems/.test(t));
  const officer = ctx.byEmail('tom.whitfield@calderbrook.example');
  const wd = (day: string, n: number) => REGULATION_DAYS.addWorkingDays(day, n);
  let complaints = 0;
  for (let i = 0; i < 36; i++) {
    const receivedOn = REGULATION_DAYS.nextWorkingDay(
      addCalendarDays(ctx.today, -Math.floor(5 + rand() * 355)),
    );
    const team = pick(frontLine);
    const themes = [pick(THEMES), pick(THEMES)].filter((t, k, a) => a.indexOf(t) === k);
    const workers = ctx.staff.filter((s) => s.team === team && s.name).slice(0, 8);
    const late = rand() < 0.25;
    const escalate = rand() < 0.25;
    const stage3 = escalate && rand() < 0.3;
    const respondAfter = late ? 11 + Math.floor(rand() * 6) : 4 + Math.floor(rand() * 6);
    await insertDemoComplaint(ctx, {
      receivedOn,
      receivedHow: pick(['letter', 'email', 'telephone', 'online form', 'through an advocate']),
      complainant: `${pick(FIRST)} ${pick(['Ashworth', 'Bell', 'Holt', 'Kaur', 'Nolan', 'Pearson', 'Quinn'])}`,
      relationship: pick(RELATIONSHIPS),
      advocateOffered: rand() < 0.7,
      child: `Child ${String.fromCharCode(65 + (i % 26))}${i}`,
      team,
      workerIds: workers.length ? [pick(workers).id] : [],
      summary: themes.map((t) => ASKS[t]).join('; '),
      elements: themes.map((t) => ({ summary: ASKS[t]!, theme: t })),
      officerId: officer,
      events: (ids) => {
        const out: ComplaintEvent[] = [];
        let on = wd(receivedOn, respondAfter);
        if (on > ctx.today) return out; // still open: some of these are overdue
        if (late && rand() < 0.5)
          out.push({
            type: 'extended',
            on: wd(receivedOn, 8),
            toDays: 20,
            reason: 'Complainant asked to meet before the response',
          });
        for (const id of ids)
          out.push({
            type: 'finding',
            on,
            elementId: id,
            outcome: pick(OUTCOMES),
            finding: 'Checked against the case record and spoke with the worker.',
          });
        out.push({ type: 'responded', on });
        if (!escalate) {
          const settled = wd(on, 21);
          if (settled <= ctx.today) out.push({ type: 'resolved', on: settled });
          return out;
        }
        const asked = wd(on, 5);
        const back = wd(asked, 20 + Math.floor(rand() * 12));
        if (back > ctx.today) {
          if (asked <= ctx.today) out.push({ type: 'escalated', on: asked });
          return out;
        }
        out.push({ type: 'escalated', on: asked });
        on = back;
        for (const id of ids)
          out.push({
            type: 'finding',
            on,
            elementId: id,
            outcome: pick(OUTCOMES),
            finding: 'The independent investigation reviewed the records and interviewed staff.',
          });
        out.push({ type: 'responded', on });
        if (!stage3) return out;
        const asked3 = wd(on, 10);
        if (asked3 > ctx.today) return out;
        out.push({ type: 'escalated', on: asked3 });
        const panel = wd(asked3, 25);
        if (panel > ctx.today) return out;
        out.push({ type: 'panel-held', on: panel });
        if (wd(panel, 4) > ctx.today) return out;
        out.push({ type: 'report-issued', on: wd(panel, 4) });
        const answer = wd(panel, 16);
        if (answer > ctx.today) return out;
        for (const id of ids)
          out.push({
            type: 'finding',
            on: answer,
            elementId: id,
            outcome: pick(OUTCOMES),
            finding: 'The panel’s recommendations were accepted.',
          });
        out.push({ type: 'responded', on: answer });
        return out;
      },
    });
    complaints++;
  }
  // Open now: two in time, two overdue at Stage 1, one overdue at Stage 2.
  const back = (n: number) => {
    let d = ctx.today;
    while (REGULATION_DAYS.workingDaysBetween(d, ctx.today) < n) d = addCalendarDays(d, -1);
    return d;
  };
  for (const [k, n] of [3, 7, 13, 17, 60].entries()) {
    const team = frontLine[k % frontLine.length]!;
    const theme = THEMES[k]!;
    await insertDemoComplaint(ctx, {
      receivedOn: back(n),
      receivedHow: 'email',
      complainant: `${FIRST[k]} Marlow`,
      relationship: RELATIONSHIPS[k]!,
      advocateOffered: true,
      child: `Child Z${k}`,
      team,
      workerIds: [],
      summary: ASKS[theme]!,
      elements: [{ summary: ASKS[theme]!, theme }],
      officerId: officer,
      events: (ids) =>
        n < 60
          ? []
          : [
              {
                type: 'finding',
                on: back(n - 8),
                elementId: ids[0]!,
                outcome: 'not-upheld',
                finding: 'Records checked.',
              },
              { type: 'responded', on: back(n - 8) },
              { type: 'escalated', on: back(n - 12) },
            ],
    });
    complaints++;
  }
  const sources: [string, string, string, string][] = [
    [
      'compliment',
      'Thank you from a grandmother',
      'a grandmother',
      'She wrote that the worker kept her informed every week and always rang back.',
    ],
    [
      'compliment',
      'Young person thanks their personal adviser',
      'a care leaver',
      'Help finding a flat and starting college made all the difference.',
    ],
    [
      'compliment',
      'Foster carer praises a life story book',
      'a foster carer',
      'The child now talks about their story with pride.',
    ],
    [
      'compliment',
      'Father thanks the Front Door team',
      'a father',
      'He felt listened to on a very difficult day.',
    ],
    [
      'case-audit',
      'Quarterly audit: voice of the child',
      'the audit panel',
      'Most records show the child seen alone; a few plans do not say what the child wants.',
    ],
    [
      'case-audit',
      'Audit: chronologies',
      'the audit panel',
      'Chronologies were often out of date when cases transferred between teams.',
    ],
    [
      'practice-review',
      'Practice review: neglect and poverty',
      'the practice review group',
      'Plans should separate the effects of poverty from neglect.',
    ],
    [
      'inspection',
      'Focused visit feedback',
      'Ofsted',
      'Inspectors found management oversight visible but supervision records thin in places.',
    ],
  ];
  for (const [k, [kind, title, from, summary]] of sources.entries()) {
    const sourceId = newId();
    const receivedOn = addCalendarDays(ctx.today, -(80 + k * 37));
    const team = pick(frontLine);
    await trx
      .insertInto('learning_sources')
      .values({
        id: sourceId,
        kind,
        title,
        received_on: receivedOn,
        team_id: ctx.teams.get(team)!,
        from_whom: from,
        summary,
        created_by: 'Demo data',
        created_at: ctx.now,
      })
      .execute();
    if (kind === 'compliment') continue;
    const owner = ctx.staff.find((s) => s.team === team && s.active)!.id;
    const done = k % 2 === 0;
    await insertDemoItem(
      ctx,
      {
        sourceId,
        team,
        kind: 'recommendation',
        title: `Act on: ${title}`,
        detail: summary,
        theme: 'other',
        raisedOn: receivedOn,
      },
      [
        {
          description: 'Share the finding at the team meeting and check five cases a month later',
          ownerId: owner,
          dueOn: addCalendarDays(receivedOn, 60),
          evidence: done
            ? {
                text: 'Discussed at the team meeting; the follow-up check found all five cases improved.',
                on: addCalendarDays(receivedOn, 50),
                by: 'Demo data',
              }
            : undefined,
        },
      ],
      done ? addCalendarDays(receivedOn, 55) : null,
    );
  }
  return { complaints, sources: sources.length };
}
