import { addCalendarDays } from '../../platform/calendar/days.ts';
import type { DbOrTrx } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { REGULATION_DAYS } from '../clocks.rules.ts';
import { THEMES } from '../forms.ts';
import { type ComplaintEvent, OUTCOMES } from '../lifecycle.rules.ts';
import { insertDemoComplaint, insertDemoItem, type SeedContext } from './context.ts';

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

/**
 * The teams a complaint of each theme is about: delays in assessment at the front door and
 * in assessment teams; care decisions, family time and expenses in the children in care and
 * leaving care teams; meetings (core groups, conferences, reviews) in safeguarding and care.
 */
const FITS: Record<string, RegExp> = {
  communication: /./,
  delay: /^(Front Door|Assessment)/,
  'worker conduct': /./,
  'decisions about care': /^(Children in Care|Leaving Care|Safeguarding)/,
  'information sharing': /^(Front Door|Assessment|Safeguarding)/,
  'meetings and minutes': /^(Safeguarding|Children in Care|Leaving Care)/,
  'contact arrangements': /^(Children in Care|Leaving Care)/,
  other: /^(Children in Care|Leaving Care)/,
};
const fits = (theme: string, team: string) => (FITS[theme] ?? /./).test(team);

/** A year of complaints at every stage (some late, some open and overdue), compliments and audits. */
export async function seedHistory(trx: DbOrTrx, ctx: SeedContext) {
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
    // The theme first, then a team it fits; a second theme only if it fits that team too.
    const first = pick(THEMES);
    const team = pick(frontLine.filter((t) => fits(first, t)));
    const themes = [first, pick(THEMES.filter((t) => fits(t, team)))].filter((t, k, a) => a.indexOf(t) === k);
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
        const findings = (els: string[], day: string, finding: string): ComplaintEvent[] =>
          els.map((elementId) => ({ type: 'finding', on: day, elementId, outcome: pick(OUTCOMES), finding }));
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
        out.push(...findings(ids, on, 'Checked against the case record and spoke with the worker.'));
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
        out.push(
          ...findings(ids, on, 'The independent investigation reviewed the records and interviewed staff.'),
        );
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
        out.push(...findings(ids, answer, 'The panel’s recommendations were accepted.'));
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
    const theme = THEMES[k]!;
    const teams = frontLine.filter((t) => fits(theme, t));
    const team = teams[k % teams.length]!;
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
  // Each filed under the team it is about (a personal adviser is in the leaving care team, a life
  // story book is the children in care team's work); audits and reviews under a team they looked at.
  const sources: [string, string, string, string, string][] = [
    [
      'compliment',
      'Thank you from a grandmother',
      'a grandmother',
      'She wrote that the worker kept her informed every week and always rang back.',
      'Safeguarding Team South',
    ],
    [
      'compliment',
      'Young person thanks their personal adviser',
      'a care leaver',
      'Help finding a flat and starting college made all the difference.',
      'Leaving Care Team',
    ],
    [
      'compliment',
      'Foster carer praises a life story book',
      'a foster carer',
      'The child now talks about their story with pride.',
      'Children in Care Team',
    ],
    [
      'compliment',
      'Father thanks the Front Door team',
      'a father',
      'He felt listened to on a very difficult day.',
      'Front Door',
    ],
    [
      'case-audit',
      'Quarterly audit: voice of the child',
      'the audit panel',
      'Most records show the child seen alone; a few plans do not say what the child wants.',
      'Safeguarding Team North',
    ],
    [
      'case-audit',
      'Audit: chronologies',
      'the audit panel',
      'Chronologies were often out of date when cases transferred between teams.',
      'Assessment Team 2',
    ],
    [
      'practice-review',
      'Practice review: neglect and poverty',
      'the practice review group',
      'Plans should separate the effects of poverty from neglect.',
      'Safeguarding Team North',
    ],
    [
      'inspection',
      'Focused visit feedback',
      'Ofsted',
      'Inspectors found management oversight visible but supervision records thin in places.',
      'Assessment Team 1',
    ],
  ];
  for (const [k, [kind, title, from, summary, team]] of sources.entries()) {
    const sourceId = newId();
    const receivedOn = addCalendarDays(ctx.today, -(80 + k * 37));
    await trx
      .insertInto('lesson_sources')
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
