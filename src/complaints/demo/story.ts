import { addCalendarDays } from '../../platform/calendar/days.ts';
import { newId } from '../../platform/ids.ts';
import { REGULATION_DAYS } from '../clocks.rules.ts';
import { insertDemoComplaint, insertDemoItem, type SeedContext } from './context.ts';

/**
 * The two Stage 2 outcomes the seed bulletin ends with, retold in our own words
 * and anonymised, with the learning they led to. Present in every demo size
 * (the browser and route tests rely on them).
 */
export async function seedStoryComplaints(ctx: SeedContext) {
  const wd = (day: string, n: number) => REGULATION_DAYS.addWorkingDays(day, n);
  const officer = ctx.byEmail('tom.whitfield@calderbrook.example');
  const north = ctx.staff.filter((s) => s.team === 'Safeguarding Team North');
  const agencyWorker = north.find((s) => s.is_agency)!;
  const leaver = north.find((s) => s.left_on)!;

  // 1. A family felt nobody explained what was happening; one worker was agency, another has since left.
  const r1 = wd(addCalendarDays(ctx.today, -150), 0);
  const s1 = wd(r1, 10);
  const asked1 = wd(s1, 6);
  const answer1 = wd(asked1, 40);
  const first = await insertDemoComplaint(ctx, {
    receivedOn: r1,
    receivedHow: 'email',
    complainant: 'Mrs K. Lowther',
    relationship: 'mother',
    advocateOffered: true,
    child: 'Child L (aged 9)',
    team: 'Safeguarding Team North',
    workerIds: [agencyWorker.id, leaver.id],
    summary:
      'The family say no one explained the child protection process or what would happen next, and that workers changed without notice.',
    elements: [
      { summary: 'Nobody explained the child protection process to the family', theme: 'communication' },
      {
        summary: 'The family could not build a relationship with a worker before they changed',
        theme: 'worker conduct',
      },
    ],
    officerId: officer,
    independentPerson: 'J. Okafor (independent person)',
    events: ([a, b]) => [
      {
        type: 'finding',
        on: s1,
        elementId: a!,
        outcome: 'not-upheld',
        finding: 'Stage 1 found a leaflet had been given.',
      },
      {
        type: 'finding',
        on: s1,
        elementId: b!,
        outcome: 'not-upheld',
        finding: 'Changes of worker were explained by letter.',
      },
      { type: 'responded', on: s1 },
      { type: 'escalated', on: asked1 },
      {
        type: 'extended',
        on: wd(asked1, 20),
        toDays: 45,
        reason: 'The worker concerned has left; time needed to trace and interview them.',
      },
      {
        type: 'finding',
        on: answer1,
        elementId: a!,
        outcome: 'upheld',
        finding:
          'The agency worker had not been inducted and did not know how to explain the process; the leaflet alone was not enough.',
      },
      {
        type: 'finding',
        on: answer1,
        elementId: b!,
        outcome: 'partly-upheld',
        finding:
          'Two changes of worker in three months left no time to build trust, though each change had a reason.',
      },
      { type: 'responded', on: answer1 },
      { type: 'resolved', on: wd(answer1, 21) },
    ],
  });
  await ctx.trx
    .insertInto('complaint_contacts')
    .values([
      {
        id: newId(),
        complaint_id: first,
        contacted_on: wd(asked1, 3),
        person: leaver.name,
        staff_id: leaver.id,
        method: 'email',
        outcome: 'No reply to the last known personal email.',
        recorded_by: 'Demo data',
        created_at: ctx.now,
      },
      {
        id: newId(),
        complaint_id: first,
        contacted_on: wd(asked1, 8),
        person: leaver.name,
        staff_id: leaver.id,
        method: 'via agency',
        outcome: 'The agency passed on a message; the worker agreed to a telephone interview.',
        recorded_by: 'Demo data',
        created_at: ctx.now,
      },
      {
        id: newId(),
        complaint_id: first,
        contacted_on: wd(asked1, 12),
        person: leaver.name,
        staff_id: leaver.id,
        method: 'telephone',
        outcome: 'Interviewed; account recorded for the investigation.',
        recorded_by: 'Demo data',
        created_at: ctx.now,
      },
    ])
    .execute();
  const ld = ctx.byEmail('priya.shah@calderbrook.example');
  const psw = ctx.byEmail('helen.marsh@calderbrook.example');
  await insertDemoItem(
    ctx,
    {
      complaintId: first,
      team: 'Safeguarding Team North',
      kind: 'recommendation',
      title: 'Induct new and agency workers before they meet families',
      detail:
        'Workers who start with us, agency staff included, need an induction that prepares them to explain our processes to families and to build a working relationship from the first visit.',
      theme: 'communication',
      raisedOn: answer1,
      publish:
        'A family told us nobody explained the child protection process to them. Every new and agency worker now has an induction that covers explaining our processes in plain words and building a relationship from the first visit.',
    },
    [
      {
        description: 'Add a session on explaining our processes to families to the three-day induction',
        ownerId: ld,
        dueOn: wd(answer1, 20),
        evidence: {
          text: 'Session added to day 2 of the induction; first run with 14 new starters.',
          on: wd(answer1, 15),
          by: 'Priya Shah',
        },
      },
      {
        description: 'Make induction a condition of agency placements starting',
        ownerId: psw,
        dueOn: wd(answer1, 30),
        evidence: {
          text: 'Agency placement checklist now requires the induction booking before the start date.',
          on: wd(answer1, 25),
          by: 'Helen Marsh',
        },
      },
    ],
    wd(answer1, 26),
  );
  await insertDemoItem(
    ctx,
    {
      complaintId: first,
      team: 'Safeguarding Team North',
      kind: 'learning point',
      title: 'Reach workers who have left, and record every attempt',
      detail:
        'A manager investigating a complaint about a worker who has since left should still try to contact them, and keep a record of each attempt and its result.',
      theme: 'worker conduct',
      raisedOn: answer1,
      publish:
        'When a complaint concerns a worker who has left, investigating managers now try to reach them and record each attempt, so the family gets a full answer.',
    },
    [
      {
        description: 'Add contact attempts with leavers to the complaints investigation guidance',
        ownerId: officer,
        dueOn: wd(answer1, 15),
        evidence: {
          text: 'Guidance updated; the complaint record now has a contact-attempt log.',
          on: wd(answer1, 10),
          by: 'Tom Whitfield',
        },
      },
    ],
    wd(answer1, 11),
  );

  // 2. Minutes of meetings reached a young person's family weeks late; upheld at Stage 2, loop still open.
  const r2 = wd(addCalendarDays(ctx.today, -100), 0);
  const s2 = wd(r2, 9);
  const asked2 = wd(s2, 10);
  const answer2 = wd(asked2, 24);
  const second = await insertDemoComplaint(ctx, {
    receivedOn: r2,
    receivedHow: 'letter',
    complainant: 'Mr D. Farrant',
    relationship: 'father',
    advocateOffered: true,
    child: 'Young person M (aged 17)',
    team: 'Leaving Care Team',
    workerIds: ctx.staff
      .filter((s) => s.team === 'Leaving Care Team')
      .slice(1, 2)
      .map((s) => s.id),
    summary:
      'Minutes of pathway plan meetings reached the family weeks after the timescale the service had agreed.',
    elements: [
      { summary: 'Minutes were sent long after the agreed timescale', theme: 'meetings and minutes' },
    ],
    officerId: officer,
    independentPerson: 'S. Varley (independent person)',
    events: ([a]) => [
      {
        type: 'finding',
        on: s2,
        elementId: a!,
        outcome: 'partly-upheld',
        finding: 'One set of minutes was late; others were within time.',
      },
      { type: 'responded', on: s2 },
      { type: 'escalated', on: asked2 },
      {
        type: 'finding',
        on: answer2,
        elementId: a!,
        outcome: 'upheld',
        finding: 'Three sets of minutes were sent between four and seven weeks late; no one tracked them.',
      },
      { type: 'responded', on: answer2 },
    ],
  });
  const amina = ctx.byEmail('amina.hussain@calderbrook.example');
  await insertDemoItem(
    ctx,
    {
      complaintId: second,
      team: 'Leaving Care Team',
      kind: 'recommendation',
      title: 'Minutes reach families within the agreed timescales',
      detail:
        'Families must receive minutes of their meetings within the timescale we agreed with them; each team needs a way to see which are still to go out.',
      theme: 'meetings and minutes',
      raisedOn: answer2,
    },
    [
      {
        description: 'Track minutes due to families on the team board each week',
        ownerId: ctx.staff.find((s) => s.team === 'Leaving Care Team' && s.active)!.id,
        dueOn: wd(answer2, 10),
      },
      {
        description: 'Share a short guide to writing minutes that families can use',
        ownerId: amina,
        dueOn: wd(answer2, 5),
      },
    ],
    null,
  );
}
