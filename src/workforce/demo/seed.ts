import { createHash } from 'node:crypto';
import { insertStaff, staffForExit } from '../../people/api.ts';
import { addCalendarDays, londonDay } from '../../platform/calendar/days.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DemoOptions } from '../../platform/feature.ts';
import { newId } from '../../platform/ids.ts';
import { insertInterview } from '../interviews.repo.ts';
import { demoPsw, demoTeams, markLinkUsed, tagThemes } from './seed.repo.ts';

/** A small deterministic generator, so every demo shows the same story. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const FIRST = [
  'Abi',
  'Bilal',
  'Carys',
  'Danny',
  'Esme',
  'Faisal',
  'Gemma',
  'Harun',
  'Isla',
  'Jamal',
  'Kate',
  'Liam',
  'Maya',
  'Nasir',
  'Olivia',
  'Pete',
  'Qasim',
  'Rosa',
  'Sana',
  'Theo',
];
const LAST = [
  'Armitage',
  'Bibi',
  'Crowther',
  'Dar',
  'Ellis',
  'Fenwick',
  'Greenwood',
  'Hirst',
  'Ince',
  'Jagger',
];

/** Teams where most leavers come from; the others have a handful, so suppression shows. */
const BUSY = [
  'Front Door',
  'Assessment Team 1',
  'Safeguarding Team North',
  'Safeguarding Team South',
  'Children in Care Team',
];

const WORDS = {
  tickBox: [
    'It felt like the figures mattered more than the families; every week was about closing things on the system.',
    'I came into social work to work with children, and most of my time went on forms that nobody read.',
  ],
  better: [
    'Since the new recording templates the visits feel like they are about the child again.',
    'My manager gave me proper reflective supervision; I am leaving for the travel, not the team.',
  ],
};

/**
 * Forty exit interviews over the last two years, for synthetic leavers across
 * the demo's teams: "feeling like a tick-box organisation" is named by most
 * leavers at first and by fewer after the changes of a year ago; a few small
 * teams show suppression; and three self-service questionnaires are waiting
 * for the PSW to review.
 */
export async function seedWorkforce(db: Db, clock: Clock, _options: DemoOptions): Promise<string> {
  const rnd = random(14);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const today = londonDay(clock.now());
  const at = clock.now().toISOString();
  const teams = await demoTeams(db);
  const busy = teams.filter((t) => BUSY.includes(t.name));
  const quiet = teams.filter(
    (t) => !BUSY.includes(t.name) && !/Complaints|Systems|Practice and Learning/.test(t.name),
  );
  const psw = await demoPsw(db);
  let n = 0;
  const add = async (leftOn: string, source: 'psw' | 'self') => {
    const team = rnd() < 0.85 || !quiet.length ? pick(busy) : pick(quiet);
    const name = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;
    const agency = rnd() < 0.2;
    const staffId = await insertStaff(db, at, {
      staffNumber: `WF${String(900 + n).padStart(4, '0')}`,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${n}@calderbrook.example`,
      name,
      jobTitle: rnd() < 0.8 ? 'Social Worker' : 'Senior Social Worker',
      teamId: team.id,
      isAgency: agency,
      leftOn,
      roles: ['practitioner'],
    });
    n++;
    const staff = (await staffForExit(db, staffId))!;
    // Early leavers name the tick-box feeling most; after the changes a year ago, fewer do.
    const early = leftOn < addCalendarDays(today, -365);
    const tickBox = rnd() < (early ? 0.7 : 0.25);
    const reason = tickBox
      ? pick(['recording', 'culture', 'caseload'] as const)
      : pick(['caseload', 'career', 'travel', 'pay', 'personal', 'supervision'] as const);
    const consent = rnd() < 0.6;
    const id = newId();
    const startedOn = addCalendarDays(leftOn, -Math.floor(200 + rnd() * 2500));
    await insertInterview(
      db,
      {
        id,
        staff_id: staffId,
        leaving_on: leftOn,
        job_title: staff.job_title,
        team_id: staff.team_id,
        team_name: staff.team_name ?? '',
        service_id: staff.service_id,
        service_name: staff.service_name ?? '',
        is_agency: agency ? 1 : 0,
        started_on: startedOn,
        destination: pick([
          'Another local authority',
          'An agency post',
          'A fostering agency',
          'Leaving social work',
          'Not said',
        ]),
        main_reason_id: reason,
        rating_supervision: 1 + Math.floor(rnd() * 5),
        rating_caseload: 1 + Math.floor(rnd() * (early ? 3 : 5)),
        rating_training: 2 + Math.floor(rnd() * 4),
        rating_practice_model: 2 + Math.floor(rnd() * 4),
        rating_children_at_heart: tickBox ? 1 + Math.floor(rnd() * 2) : 3 + Math.floor(rnd() * 3),
        would_have_stayed: tickBox
          ? 'Less time on the system and more with children.'
          : 'A smaller caseload and a base nearer home.',
        free_text: tickBox ? pick(WORDS.tickBox) : pick(WORDS.better),
        consent_to_quote: consent ? 1 : 0,
        quote: consent && source === 'psw' ? (tickBox ? pick(WORDS.tickBox) : pick(WORDS.better)) : null,
        source,
        status: source === 'self' ? 'awaiting-review' : 'complete',
        recorded_by: source === 'self' ? null : (psw?.id ?? null),
        created_at: at,
        updated_at: at,
        reduced_at: null,
      },
      [
        ...new Set([
          reason,
          ...(rnd() < 0.5 ? [pick(['caseload', 'recording', 'supervision', 'travel'] as const)] : []),
        ]),
      ],
    );
    if (source === 'psw') {
      const themes = [
        ...(tickBox ? ['tick-box'] : []),
        ...(tickBox && rnd() < 0.6 ? ['children-not-at-heart'] : []),
        ...(reason === 'caseload' ? ['caseload-pressure'] : []),
        ...(reason === 'recording' ? ['recording-burden'] : []),
        ...(!tickBox && rnd() < 0.5 ? ['good-supervision'] : []),
        ...(reason === 'travel' ? ['travel-distance'] : []),
      ];
      await tagThemes(db, id, [...new Set(themes)]);
    } else {
      const sent = addCalendarDays(leftOn, -10);
      await markLinkUsed(db, {
        id: newId(),
        staff_id: staffId,
        leaving_on: leftOn,
        token_hash: createHash('sha256').update(`demo-used-link-${id}`).digest('base64url'),
        sent_to: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
        expires_at: `${addCalendarDays(sent, 14)}T23:59:59.000Z`,
        used_at: `${addCalendarDays(sent, 2)}T19:00:00.000Z`,
        created_at: `${sent}T09:00:00.000Z`,
      });
    }
  };
  // Five leavers a quarter for eight quarters, spread through each quarter.
  for (let i = 0; i < 40; i++)
    await add(addCalendarDays(today, -Math.floor(20 + (i * 700) / 40 + rnd() * 10)), 'psw');
  for (let i = 0; i < 3; i++) await add(addCalendarDays(today, -(3 + i * 4)), 'self');
  return '40 exit interviews over two years (the tick-box theme falling) and 3 self-service questionnaires to review';
}
