// Practice standards at scale: 500 standards with 5 versions each and 200,000
// acknowledgements (400 people each asked to read all 500). p95 at 20
// concurrent users for a full-text search and for a team manager's
// acknowledgement page, against the same server's static stylesheet in the same run.
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.ts';
import { insertStaff } from '../src/people/api.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import type { Dialect } from '../src/platform/db/db.ts';
import { cookieNames } from '../src/platform/http/session-hook.ts';
import { indexStandard, insertAckTarget, insertStandard, insertVersion } from '../src/standards/api.ts';
import { createTestDb } from '../src/testing/test-db.ts';
import { loadPage, machine, median, ms, percentile, warmUp, warmUpRequests } from './stats.ts';

const STANDARDS = 500;
const VERSIONS = 5;
const PEOPLE = 400;
const TEAMS = 40;
const USERS = Number(process.env.BENCH_USERS ?? 20);
const REQUESTS = 1000;
const WORDS = [
  'visits',
  'minutes',
  'assessment',
  'supervision',
  'recording',
  'plan',
  'family',
  'child',
  'meeting',
  'closure',
  'transfer',
  'referral',
];
const AREAS = [
  'contact-referral',
  'assessment',
  'planning',
  'visits',
  'recording',
  'supervision',
  'meetings',
  'transfer-closure',
];

const load = (base: string, path: string, cookie: string) => loadPage(base, path, cookie, USERS, REQUESTS);

async function build(t: Awaited<ReturnType<typeof createTestDb>>) {
  const now = t.clock.now().toISOString();
  const service = 'bench-service';
  await t.db
    .insertInto('services')
    .values({ id: service, name: 'Children’s Services', created_at: now })
    .execute();
  for (let i = 0; i < TEAMS; i++)
    await t.db
      .insertInto('teams')
      .values({ id: `team-${i}`, service_id: service, name: `Team ${i}`, created_at: now })
      .execute();
  const people: string[] = [];
  for (let p = 0; p < PEOPLE; p++)
    people.push(
      await insertStaff(t.db, now, {
        staffNumber: `B${p}`,
        email: `p${p}@calderbrook.example`,
        name: `Person ${p}`,
        teamId: `team-${p % TEAMS}`,
        roles: p < TEAMS ? ['team-manager'] : ['practitioner'],
      }),
    );
  await t.db.transaction().execute(async (trx) => {
    for (let s = 0; s < STANDARDS; s++) {
      const id = `std-${s}`;
      const title = `Standard ${s}: ${WORDS[s % WORDS.length]} and ${WORDS[(s * 7) % WORDS.length]}`;
      await insertStandard(trx, {
        id,
        area: AREAS[s % AREAS.length]!,
        position: s,
        current_version: VERSIONS,
        ack_version: 3,
        owner_id: people[0]!,
        review_on: '2027-12-01',
        timescale_field: null,
        in_audit: 0,
        created_at: now,
        updated_at: now,
      });
      for (let v = 1; v <= VERSIONS; v++)
        await insertVersion(trx, {
          id: `${id}-v${v}`,
          standard_id: id,
          version: v,
          title,
          level: s % 3 ? 'should' : 'must',
          body: `What to do about the ${WORDS[(s + v) % WORDS.length]} of each child, version ${v}.`,
          by_when: 'Within 10 working days',
          why_child: 'It matters for the child.',
          source_kind: 'local',
          source_detail: '',
          timescale_days: null,
          related: '[]',
          links: '[]',
          summary: `Change ${v}`,
          reason: 'Bench',
          major: v === 3 ? 1 : 0,
          review_on: '2027-12-01',
          owner_id: people[0]!,
          created_at: now,
          created_by_name: 'Bench',
        });
      await indexStandard(
        trx,
        id,
        title,
        `What to do about the ${WORDS[(s + VERSIONS) % WORDS.length]} of each child.`,
      );
      for (const role of ['practitioner', 'team-manager'])
        await insertAckTarget(trx, {
          id: `${id}-${role}`,
          standard_id: id,
          kind: 'role',
          target: role,
          due_on: '2027-01-31',
          created_at: now,
        });
    }
    // 200,000 acknowledgements: every person, every standard, at version 3 or 5, except one in
    // eight at version 2, before the major change: those people are asked to read it again.
    let batch: { standard_id: string; staff_id: string; version: number; acknowledged_at: string }[] = [];
    for (let s = 0; s < STANDARDS; s++)
      for (let p = 0; p < PEOPLE; p++) {
        batch.push({
          standard_id: `std-${s}`,
          staff_id: people[p]!,
          version: (s * 3 + p) % 8 === 0 ? 2 : (s + p) % 4 === 0 ? 5 : 3,
          acknowledged_at: now,
        });
        if (batch.length === 1000) {
          await trx.insertInto('standard_acks').values(batch).execute();
          batch = [];
        }
      }
    if (batch.length) await trx.insertInto('standard_acks').values(batch).execute();
  });
  return people;
}

async function run(dialect: Dialect) {
  const t = await createTestDb(dialect);
  try {
    const built = performance.now();
    const people = await build(t);
    const acks = (
      await t.db
        .selectFrom('standard_acks')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    console.log(
      `${dialect}: ${STANDARDS} standards × ${VERSIONS} versions, ${Number(acks).toLocaleString('en-GB')} acknowledgements built in ${ms(performance.now() - built)}`,
    );
    const manager = `${cookieNames(false).session}=${await createSession(t.db, t.clock, people[0]!, 600)}`;
    const app = await createApp(t.services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const html = await (await fetch(`${base}/standards`, { headers: { cookie: manager } })).text();
      const css = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
      if (!css) throw new Error('no stylesheet link on the library');
      const pages: [string, string][] = [
        ['static stylesheet (baseline)', css],
        ['accessibility statement (a plain page)', '/accessibility'],
        ['search "minutes family"', '/standards?q=minutes+family'],
        ['search "supervision"', '/standards?q=supervision'],
        ['a team’s acknowledgement page', '/standards/acknowledgements'],
        ['the library (500 standards)', '/standards'],
      ];
      await warmUp(base, '/standards?q=visits', manager, USERS, REQUESTS);
      let baseline = 0;
      const only = process.env.BENCH_ONLY; // e.g. "acknowledgement": time only the pages whose label has it (and the baseline)
      for (const [label, path] of pages.filter(([l], i) => !only || i === 0 || l.includes(only))) {
        const times = await load(base, path, manager);
        const p95 = percentile(times, 95);
        if (!baseline) baseline = p95;
        console.log(
          `  ${label.padEnd(32)} median ${ms(median(times)).padStart(7)}  p95 ${ms(p95).padStart(7)}  (${(p95 / baseline).toFixed(1)}× baseline p95)`,
        );
      }
      // The kept view is worked out again after any change: time the page when every request follows one.
      const team = people.filter((_, p) => p % TEAMS === 0);
      const afterChange: number[] = [];
      for (let i = 0; i < 40; i++) {
        await t.db
          .insertInto('standard_acks')
          .values({
            standard_id: `std-${i}`,
            staff_id: team[i % team.length]!,
            version: 4,
            acknowledged_at: new Date().toISOString(),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        const s = performance.now();
        const res = await fetch(`${base}/standards/acknowledgements`, { headers: { cookie: manager } });
        await res.arrayBuffer();
        afterChange.push(performance.now() - s);
      }
      console.log(
        `  ${'the same, after a change (1 user)'.padEnd(32)} median ${ms(median(afterChange)).padStart(7)}  p95 ${ms(percentile(afterChange, 95)).padStart(7)}  (worked out again each time)`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await t.drop();
  }
}

console.log(
  `bench/standards — ${new Date().toISOString()} — ${machine()} — ${USERS} concurrent users, ${REQUESTS} requests per page after ${warmUpRequests(REQUESTS)} untimed`,
);
await run('sqlite');
if (process.env.DATABASE_URL) await run('postgres');
else console.log('postgres skipped (set DATABASE_URL to include it)');
