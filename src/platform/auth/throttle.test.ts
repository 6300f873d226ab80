import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../app.ts';
import { DEMO_PASSWORD } from '../../demo/api.ts';
import { createTestApp, personaFor, type TestApp } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';
import { systemActor } from '../audit/audit.ts';
import { mailLayout } from '../mail/message.ts';
import { SIGN_IN_REFUSED } from './auth.presenter.ts';
import { requestPasswordReset } from './password-links.service.ts';
import { RESET_EMAIL_LIMITS, SIGN_IN_RULES, waitAfter } from './throttle.ts';

// Issue 11 item 9: nobody can lock someone else out or learn who has an account. Failures are
// counted in the database by account from a source, by account and by source, with growing
// waits and no lock; every refusal answers alike; reset emails are limited per address too.

test('the wait grows after the free tries and stops at its ceiling', () => {
  const rule = SIGN_IN_RULES.accountFromSource;
  assert.equal(waitAfter(rule, rule.free - 1), 0);
  assert.equal(waitAfter(rule, rule.free), rule.firstWaitMs);
  assert.equal(waitAfter(rule, rule.free + 1), 2 * rule.firstWaitMs);
  assert.equal(waitAfter(rule, rule.free + 3), 8 * rule.firstWaitMs);
  assert.equal(waitAfter(rule, 10_000), rule.maxWaitMs);
  // Whatever a stranger does, the account-wide wait never passes a minute.
  assert.ok(SIGN_IN_RULES.account.maxWaitMs <= 60_000);
});

/** A sign-in from a given network address, with the form's own token. */
async function signInFrom(app: FastifyInstance, ip: string, email: string, password: string) {
  const form = await app.inject({ method: 'GET', url: '/sign-in', remoteAddress: ip });
  const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const _csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const res = await app.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress: ip,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf, email, password }).toString(),
  });
  const used = process.cpuUsage(cpu);
  // CPU time of the process (argon2's threads included) as well as wall time: on a shared, busy
  // machine the wall time of one try swings threefold from moment to moment; the work done does not.
  return { res, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0];
// The quickest of several runs: the work a path always does, with the shared machine's noise taken out.
const quickest = (xs: number[]) => Math.min(...xs);
const hitsFor = async (t: TestApp) =>
  (await t.db.selectFrom('auth_throttle').select('hits').execute()).map((r) => r.hits);

for (const dialect of dialectsUnderTest()) {
  describe(`sign-in throttling [${dialect}]`, () => {
    test('a stranger’s wrong passwords slow the stranger, not the person; no lock', async () => {
      const t = await createTestApp(dialect);
      try {
        const email = personaFor('team-manager').email;
        const rule = SIGN_IN_RULES.accountFromSource;
        for (let i = 0; i < rule.free + 3; i++) {
          const { res } = await signInFrom(t.app, '203.0.113.9', email, 'not-the-password');
          assert.equal(res.statusCode, 401);
          t.clock.advanceMs(waitAfter(rule, i + 1));
        }
        // The stranger now waits; even the right password from there is refused, in the same words.
        t.clock.advanceMs(-waitAfter(rule, rule.free + 3) + 1);
        const waiting = await signInFrom(t.app, '203.0.113.9', email, DEMO_PASSWORD);
        assert.equal(waiting.res.statusCode, 401);
        assert.ok(main(waiting.res.body).includes(SIGN_IN_REFUSED.replace(/'/g, '&#39;')));
        // The person, from their own desk, signs in at once.
        const person = await signInFrom(t.app, '198.51.100.4', email, DEMO_PASSWORD);
        assert.equal(person.res.statusCode, 303);
        // After the wait the stranger's next try is checked again (it is a wait, not a lock).
        t.clock.advanceMs(waitAfter(rule, rule.free + 3));
        assert.equal((await signInFrom(t.app, '203.0.113.9', email, DEMO_PASSWORD)).res.statusCode, 303);
      } finally {
        await t.drop();
      }
    });

    test('a real account, an unknown address and a slowed account answer alike, in similar time', async () => {
      const t = await createTestApp(dialect);
      try {
        const real = personaFor('practitioner').email;
        const slowed = personaFor('psw').email;
        for (let i = 0; i < SIGN_IN_RULES.accountFromSource.free; i++)
          await signInFrom(t.app, '203.0.113.50', slowed, 'wrong-password');
        // The real and unknown tries come from a new source each round, so they stay uncounted-for
        // (never slowed); the slowed account's come from where it was slowed.
        const kinds = {
          real: (round: number) => signInFrom(t.app, `203.0.113.${100 + round}`, real, 'wrong-password'),
          unknown: (round: number) =>
            signInFrom(
              t.app,
              `203.0.113.${100 + round}`,
              'nobody.here@calderbrook.example',
              'wrong-password',
            ),
          slowed: () => signInFrom(t.app, '203.0.113.50', slowed, 'wrong-password'),
        };
        const times: Record<string, number[]> = { real: [], unknown: [], slowed: [] };
        const work: Record<string, number[]> = { real: [], unknown: [], slowed: [] };
        const bodies: Record<string, string> = {};
        const order = Object.entries(kinds);
        for (let round = 0; round < 7; round++)
          // Each round starts with a different kind, so none is always first (or last) after a pause.
          for (const [kind, run] of [...order.slice(round % 3), ...order.slice(0, round % 3)]) {
            const { res, ms, cpuMs } = await run(round);
            assert.equal(res.statusCode, 401, kind);
            times[kind]!.push(ms);
            work[kind]!.push(cpuMs);
            bodies[kind] = main(res.body)
              .replace(/value="[^"]*@calderbrook\.example"/, 'value="X"')
              .replace(/name="_csrf" value="[^"]+"/, '');
          }
        assert.equal(bodies.real, bodies.unknown);
        assert.equal(bodies.real, bodies.slowed);
        const medians = Object.values(times).map(quickest);
        const cpu = Object.values(work).map(quickest);
        console.log(
          `sign-in refusal, quickest of 7: ${Object.keys(times)
            .map((k, i) => `${k} ${medians[i]!.toFixed(1)} ms (${cpu[i]!.toFixed(1)} ms CPU)`)
            .join(', ')}`,
        );
        // Each does the same argon2 work. A locked account once answered with none: a few ms against a
        // hash's 50–400 ms here, twenty times quicker or more. The test asks for the same work — CPU
        // time within a factor of three — since wall time on this shared machine swings with whatever
        // runs beside it.
        assert.ok(Math.max(...cpu) < 3 * Math.min(...cpu), `quickest CPU ${cpu.join(', ')}`);
      } finally {
        await t.drop();
      }
    });

    test('two instances on one database share the counts', async () => {
      const t = await createTestApp(dialect);
      const second = await createApp(t.services);
      await second.ready();
      try {
        const email = personaFor('ld-admin').email;
        const free = SIGN_IN_RULES.accountFromSource.free;
        for (let i = 0; i < free; i++) {
          const app = i % 2 === 0 ? t.app : second;
          assert.equal((await signInFrom(app, '203.0.113.77', email, 'wrong')).res.statusCode, 401);
        }
        // Neither instance saw five failures itself; together they did, so the next try waits.
        assert.ok((await hitsFor(t)).includes(free));
        assert.equal((await signInFrom(second, '203.0.113.77', email, DEMO_PASSWORD)).res.statusCode, 401);
        t.clock.advanceMs(waitAfter(SIGN_IN_RULES.accountFromSource, free));
        assert.equal((await signInFrom(t.app, '203.0.113.77', email, DEMO_PASSWORD)).res.statusCode, 303);
      } finally {
        await second.close();
        await t.drop();
      }
    });

    test('reset emails are limited per address (from any source) and per source', async () => {
      const t = await createTestApp(dialect);
      try {
        const ctx = { db: t.db, clock: t.clock, ...mailLayout(t.services.config) };
        const email = personaFor('practitioner').email;
        const from = (ip: string) => ({ ...systemActor('anonymous'), ip });
        for (let i = 0; i < RESET_EMAIL_LIMITS.perAddress + 2; i++)
          await requestPasswordReset(ctx, from(`192.0.2.${i + 1}`), email);
        const mails = async () => (await t.db.selectFrom('outbox').select('id').execute()).length;
        assert.equal(await mails(), RESET_EMAIL_LIMITS.perAddress, 'no more links to one address that hour');
        t.clock.advanceMs(RESET_EMAIL_LIMITS.windowMs + 1);
        await requestPasswordReset(ctx, from('192.0.2.200'), email);
        assert.equal(await mails(), RESET_EMAIL_LIMITS.perAddress + 1, 'a new hour, a new link');

        // One source asking about many addresses is stopped too, known or not.
        for (let i = 0; i < RESET_EMAIL_LIMITS.perSource; i++)
          await requestPasswordReset(ctx, from('192.0.2.99'), `nobody${i}@calderbrook.example`);
        const before = await mails();
        await requestPasswordReset(ctx, from('192.0.2.99'), personaFor('psw').email);
        assert.equal(await mails(), before);
      } finally {
        await t.drop();
      }
    });
  });
}
