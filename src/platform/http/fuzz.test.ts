import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { complaintRouteFixtures } from '../../complaints/api.ts';
import { learningRouteFixtures } from '../../learning/api.ts';
import { Browser, createTestApp, personaFor, type TestApp } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';
import { type Action, can } from '../policy/policy.ts';
import { type Principal, ROLES, type Role } from '../policy/roles.ts';

// Issue 11 item 6: random and hostile answers — missing fields, lists for single answers, huge
// values, control characters, any unicode, dates and names nobody means — posted to every form
// as a person allowed to use it, and thrown at every page's query string, on both dialects.
// Nothing answers 5xx, and a post that is refused (nothing audited as a change) changes no row.
// Bounded so it stays quick: RUNS posts and RUNS queries per dialect, with a fixed seed.

const RUNS = 60;
const SEED = 1102;

// Field names the Hub's forms use, so many posts reach the checks behind the first one.
const FIELDS = [
  'name',
  'title',
  'summary',
  'description',
  'reason',
  'day',
  'on',
  'receivedOn',
  'dueOn',
  'leftOn',
  'contactedOn',
  'completedOn',
  'teamId',
  'serviceId',
  'ownerId',
  'officerId',
  'workerIds',
  'roles',
  'isAgency',
  'email',
  'capacity',
  'places',
  'kind',
  'theme',
  'theme1',
  'element1',
  'receivedHow',
  'complainantName',
  'complainantRelationship',
  'advocateOffered',
  'childName',
  'outcome',
  'elementId',
  'finding',
  'toDays',
  'reflection',
  'peerReflected',
  'publish',
  'target',
  'token',
  'parts',
  'venue',
  'rule',
  'params',
  'q',
  'page',
  'stage',
  'status',
  'team',
  'from',
  'to',
  'person',
  'method',
  'form',
];

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 5 }),
  fc.constantFrom(
    '',
    ' ',
    '-1',
    '0',
    '0000-00-00',
    '1979-12-31',
    '1985-06-01',
    '2021-02-30',
    '9999-12-31',
    '2026-11-27',
    'yes',
    'no',
    'true',
    'null',
    'undefined',
    '[]',
    '{}',
    'NaN',
    '1e308',
    '-0',
    '99999999999999999999',
    "' OR 1=1 --",
    '"; drop table staff; --',
    '<script>alert(1)</script>',
    '{{ 7*7 }}',
    '$' + '{7*7}',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '\uFEFF',
    '\uD800',
    '\u202E',
    'x'.repeat(5_000),
  ),
);
const answer = fc.oneof(
  { weight: 4, arbitrary: hostile },
  { weight: 1, arbitrary: fc.array(hostile, { minLength: 2, maxLength: 3 }) },
);
const body = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), answer, {
  maxKeys: 12,
});

/** Every table's row count but those that change without being a change (sessions, counts, the log). */
async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const names = (
    t.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
          t.db,
        )
  ).rows
    .map((r) => r.name)
    .filter((n) => !/^(sqlite_|kysely_)|_fts|^(audit_log|sessions|auth_throttle)$/.test(n));
  // One statement for them all: this runs twice a post.
  const counts = sql.join(
    names.sort().map((n) => sql`select ${n} as name, count(*) as n from ${sql.table(n)}`),
    sql` union all `,
  );
  const rows = (await sql<{ name: string; n: number }>`${counts}`.execute(t.db)).rows;
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

const changesAudited = async (t: TestApp) =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('outcome', '=', 'allowed')
        .where('action', 'in', ['create', 'update', 'delete', 'import'])
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A real URL for a route template: ids taken from the route × role fixtures by their place in the path. */
function urlFor(template: string, examples: string[]): string {
  const segs = template.split('/');
  return segs
    .map((s, i) => {
      if (!s.startsWith(':')) return s;
      const prefix = segs.slice(0, i).join('/');
      const hit = examples.find((u) => u.split('/').slice(0, i).join('/') === prefix && u.split('/')[i]);
      return hit ? hit.split('/')[i]! : 'no-such-record';
    })
    .join('/');
}

for (const dialect of dialectsUnderTest()) {
  describe(`fuzzing every form and query string [${dialect}]`, () => {
    test('hostile answers never answer 5xx, and a refused post changes nothing', async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-fuzz-'));
      const t = await createTestApp(dialect, { dataDir });
      try {
        const fixtures = {
          ...(await complaintRouteFixtures(t.db, dataDir)),
          ...(await learningRouteFixtures(t.db)),
        };
        const someone = await t.db.selectFrom('staff').select(['id', 'team_id']).executeTakeFirstOrThrow();
        const examples = [
          ...Object.values(fixtures).map((f) => f.url),
          `/staff/${someone.id}`,
          `/teams/${someone.team_id}`,
          '/performance/how-we-work-it-out/change/cin-visits',
          '/admin/working-days/2026-12-24',
        ];

        // One signed-in browser per role; each route is posted by a role the policy allows.
        const browsers = new Map<Role, { b: Browser; csrf: string }>();
        const started = performance.now();
        const roleFor = (permission: string) =>
          ROLES.find((role) =>
            can(
              { id: 'x', name: 'x', email: 'x', roles: [role], teamId: null, serviceId: null } as Principal,
              permission as Action,
            ),
          );
        // Signing out ends the session the rest of the run uses; the public forms have their own tests.
        const posts = t.app.declaredRoutes.filter(
          (r) => r.method === 'POST' && r.permission !== 'public' && r.url !== '/sign-out',
        );
        const gets = t.app.declaredRoutes.filter((r) => r.method === 'GET' && r.permission !== 'public');
        assert.ok(posts.length > 40 && gets.length > 40);
        const needed = new Set<Role>(['system-admin', ...posts.map((r) => roleFor(r.permission)!)]);
        await Promise.all(
          [...needed].map(async (role) => {
            const b = new Browser(t.app);
            assert.equal((await b.signIn(personaFor(role).email)).statusCode, 303);
            browsers.set(role, { b, csrf: await b.csrfFrom('/') });
          }),
        );
        const signedIn = performance.now();
        let refused = 0;
        // Rows change only with an audited change; so after each post either the audit log shows one
        // (and the counts are taken again) or every count is as it was.
        let counts = await rowCounts(t);
        let audited = await changesAudited(t);
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...posts), body, async (route, answers) => {
            const role = roleFor(route.permission)!;
            const { b, csrf } = browsers.get(role)!;
            const url = urlFor(route.url, examples);
            const res = await b.post(url, { ...answers, _csrf: csrf } as Record<string, string | string[]>);
            assert.ok(
              res.statusCode < 500,
              `POST ${url} ${JSON.stringify(answers).slice(0, 300)} → ${res.statusCode}`,
            );
            const nowAudited = await changesAudited(t);
            if (nowAudited === audited) {
              refused++;
              assert.deepEqual(await rowCounts(t), counts, `POST ${url} was refused but changed rows`);
            } else {
              audited = nowAudited;
              counts = await rowCounts(t);
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
        assert.ok(refused > RUNS / 2, `most random posts are refused (${refused} of ${RUNS})`);

        const posted = performance.now();
        const { b } = browsers.get('system-admin')!;
        const query = fc.dictionary(
          fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })),
          answer,
          {
            maxKeys: 6,
          },
        );
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...gets), query, async (route, asked) => {
            const qs = new URLSearchParams();
            for (const [k, v] of Object.entries(asked)) for (const x of [v].flat()) qs.append(k, x);
            const url = `${urlFor(route.url, examples).replace('*', 'favicon.svg')}?${qs}`;
            const res = await b.get(url);
            assert.ok(res.statusCode < 500, `GET ${url.slice(0, 300)} → ${res.statusCode}`);
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
        const ms = (a: number, z: number) => `${((z - a) / 1000).toFixed(1)} s`;
        console.log(
          `fuzz [${dialect}]: sign-ins ${ms(started, signedIn)}, ${RUNS} posts ${ms(signedIn, posted)} (${refused} refused), ${RUNS} queries ${ms(posted, performance.now())}`,
        );
      } finally {
        await t.drop();
      }
    });
  });
}
