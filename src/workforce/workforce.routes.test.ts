import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { insertStaff } from '../people/api.ts';
import { addCalendarDays, londonDay } from '../platform/calendar/days.ts';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { reduceOldInterviews } from './retention.service.ts';

const answers = {
  reasons: ['caseload', 'recording'],
  mainReason: 'recording',
  supervision: '4',
  caseload: '2',
  childrenAtHeart: '1',
  wouldHaveStayed: 'Fewer forms.',
  freeText: 'It felt like ticking boxes for the figures.',
  consentToQuote: 'yes',
};

async function leaver(t: TestApp, name: string, leftOn: string | null) {
  const team = await t.db
    .selectFrom('teams')
    .select('id')
    .where('name', '=', 'Leaving Care Team')
    .executeTakeFirstOrThrow();
  return insertStaff(t.db, t.clock.now().toISOString(), {
    // From the name: two people made in the same millisecond must not share a number.
    staffNumber: `T-${name.replace(/ /g, '-')}`,
    email: `${name.toLowerCase().replace(/ /g, '.')}@calderbrook.example`,
    name,
    jobTitle: 'Social Worker',
    teamId: team.id,
    leftOn,
    roles: ['practitioner'],
  });
}

const audits = (t: TestApp, type: string, id?: string) => {
  let q = t.db.selectFrom('audit_log').selectAll().where('record_type', '=', type);
  if (id) q = q.where('record_id', '=', id);
  return q.execute();
};

for (const dialect of dialectsUnderTest()) {
  describe(`exit interviews on ${dialect}`, () => {
    test('record: the PSW records one interview per leaving; not leaving and a second interview are refused, nothing changed', async () => {
      const t = await createTestApp(dialect);
      try {
        const psw = new Browser(t.app);
        await psw.signIn(personaFor('psw').email);
        const gone = await leaver(t, 'Rowan Leigh', '2026-10-31');
        const staying = await leaver(t, 'Sky Staying', null);
        const _csrf = await psw.csrfFrom('/workforce');
        const before = (await t.db.selectFrom('wf_interviews').select('id').execute()).length;

        // Someone who is not leaving: a plain message, and no interview.
        let res = await psw.post(`/workforce/leavers/${staying}/interview`, { _csrf, ...answers });
        assert.equal(res.statusCode, 303);
        let page = await psw.get(String(res.headers.location));
        assert.match(page.body, /has no leaving date/);
        // A main reason is needed when reasons are given.
        res = await psw.post(`/workforce/leavers/${gone}/interview`, { _csrf, ...answers, mainReason: '' });
        page = await psw.get(String(res.headers.location));
        assert.match(page.body, /Choose which reason was the main one/);
        assert.equal((await t.db.selectFrom('wf_interviews').select('id').execute()).length, before);

        res = await psw.post(`/workforce/leavers/${gone}/interview`, { _csrf, ...answers });
        const to = String(res.headers.location);
        assert.match(to, /^\/workforce\/interviews\//);
        const id = to.split('/').pop()!;
        const row = await t.db
          .selectFrom('wf_interviews')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        assert.equal(row.leaving_on, '2026-10-31');
        assert.equal(row.team_name, 'Leaving Care Team');
        assert.equal(row.main_reason_id, 'recording');
        assert.equal(row.rating_children_at_heart, 1);
        assert.equal(row.consent_to_quote, 1);
        assert.equal((await audits(t, 'exit-interview', id)).filter((a) => a.action === 'create').length, 1);

        // A second interview for the same leaving.
        res = await psw.post(`/workforce/leavers/${gone}/interview`, { _csrf, ...answers });
        page = await psw.get(String(res.headers.location));
        assert.match(page.body, /already been recorded: there is one interview for each leaving/);
        assert.equal(
          (await t.db.selectFrom('wf_interviews').select('id').where('staff_id', '=', gone).execute()).length,
          1,
        );

        // Tag a theme and keep an anonymised quote.
        res = await psw.post(`/workforce/interviews/${id}/themes`, {
          _csrf,
          themes: ['tick-box'],
          quote: 'It felt like ticking boxes.',
        });
        assert.equal(res.statusCode, 303);
        const tags = await t.db
          .selectFrom('wf_interview_themes')
          .selectAll()
          .where('interview_id', '=', id)
          .execute();
        assert.deepEqual(
          tags.map((x) => x.theme_id),
          ['tick-box'],
        );
      } finally {
        await t.drop();
      }
    });

    test('access: only the PSW and her delegates see an interview; every view is audited; managers see suppressed themes without quotes', async () => {
      const t = await createTestApp(dialect);
      try {
        const one = await t.db
          .selectFrom('wf_interviews')
          .select('id')
          .where('status', '=', 'complete')
          .executeTakeFirstOrThrow();
        const psw = new Browser(t.app);
        await psw.signIn(personaFor('psw').email);
        assert.equal((await psw.get(`/workforce/interviews/${one.id}`)).statusCode, 200);
        const views = await audits(t, 'exit-interview', one.id);
        assert.ok(
          views.some((a) => a.action === 'view' && a.outcome === 'allowed'),
          JSON.stringify(views.map((v) => [v.action, v.outcome])),
        );

        const manager = new Browser(t.app);
        await manager.signIn(personaFor('service-manager').email);
        assert.equal((await manager.get(`/workforce/interviews/${one.id}`)).statusCode, 403);
        const denied = await audits(t, 'exit-interview', one.id);
        assert.ok(denied.some((a) => a.outcome === 'denied'));
        const list = await manager.get('/workforce');
        assert.equal(list.statusCode, 200);
        assert.doesNotMatch(list.body, /\/workforce\/interviews\//);
        const themes = await manager.get('/workforce/themes');
        assert.equal(themes.statusCode, 200);
        assert.match(themes.body, /Feeling like a tick-box organisation/);
        assert.match(themes.body, /Hidden/, 'small teams are hidden');
        assert.doesNotMatch(themes.body, /In their words/);
        const pswThemes = await psw.get('/workforce/themes');
        assert.match(pswThemes.body, /In their words/);
        // The download hides the same cells.
        const csv = await manager.get('/workforce/themes/download?format=csv');
        assert.equal(csv.statusCode, 200);
        assert.match(csv.body, /hidden: fewer than 5/);
        for (const line of csv.body.split('\r\n').slice(1)) {
          const n = Number(line.split(',')[2]);
          if (line && line.split(',')[2] !== '') assert.ok(n === 0 || n >= 5, line);
        }

        // A theme becomes a recommendation in the learning loop, carrying only suppressed figures.
        const lesson = await psw.post('/workforce/themes/tick-box/lesson', {
          _csrf: await psw.csrfFrom('/workforce/themes'),
        });
        assert.match(String(lesson.headers.location), /^\/lessons\/items\//);
        const item = await t.db
          .selectFrom('lesson_items')
          .selectAll()
          .where('title', '=', 'Exit interviews: Feeling like a tick-box organisation')
          .executeTakeFirstOrThrow();
        assert.equal(item.kind, 'recommendation');
        assert.match(item.detail, /groups under 5 hidden/);
        assert.equal(
          (
            await manager.post('/workforce/themes/tick-box/lesson', {
              _csrf: await manager.csrfFrom('/workforce/themes'),
            })
          ).statusCode,
          403,
        );

        // A delegate: the practitioner, once the PSW names her.
        const practitioner = new Browser(t.app);
        await practitioner.signIn(personaFor('practitioner').email);
        assert.equal((await practitioner.get(`/workforce/interviews/${one.id}`)).statusCode, 403);
        const _csrf = await psw.csrfFrom('/workforce/settings');
        await psw.post('/workforce/delegates', { _csrf, email: personaFor('practitioner').email });
        assert.equal((await practitioner.get(`/workforce/interviews/${one.id}`)).statusCode, 200);
      } finally {
        await t.drop();
      }
    });

    test('self-service: a one-time link through the outbox, hashed, expiring, single use, without signing in', async () => {
      const t = await createTestApp(dialect);
      try {
        const today = londonDay(t.clock.now());
        const going = await leaver(t, 'Ash Going', addCalendarDays(today, 20));
        const later = await leaver(t, 'Bea Later', addCalendarDays(today, 25));
        const psw = new Browser(t.app);
        await psw.signIn(personaFor('psw').email);
        const _csrf = await psw.csrfFrom('/workforce');
        await psw.post(`/workforce/leavers/${going}/link`, { _csrf, email: 'ash@example.org' });
        const mail = await t.db
          .selectFrom('outbox')
          .selectAll()
          .where('to_address', '=', 'ash@example.org')
          .executeTakeFirstOrThrow();
        const token = /\/exit-interview\/([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1];
        assert.ok(token, mail.text_body);
        assert.ok(mail.html_body?.includes(`/exit-interview/${token}`));
        const link = await t.db
          .selectFrom('wf_links')
          .selectAll()
          .where('staff_id', '=', going)
          .executeTakeFirstOrThrow();
        assert.notEqual(link.token_hash, token, 'only the hash is stored');

        const leaverBrowser = new Browser(t.app);
        const form = await leaverBrowser.get(`/exit-interview/${token}`);
        assert.equal(form.statusCode, 200);
        assert.match(form.body, /Before you go, Ash/);
        const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
        // Refused answers do not spend the link.
        let res = await leaverBrowser.post(`/exit-interview/${token}`, { _csrf: csrf, reasons: 'pay' });
        assert.equal(res.statusCode, 400);
        assert.match(res.body, /Say whether their anonymised words may be quoted/);
        res = await leaverBrowser.post(`/exit-interview/${token}`, { _csrf: csrf, ...answers });
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /Thank you/);
        const mine = await t.db
          .selectFrom('wf_interviews')
          .selectAll()
          .where('staff_id', '=', going)
          .executeTakeFirstOrThrow();
        assert.equal(mine.status, 'awaiting-review');
        assert.equal(mine.source, 'self');
        // Used once: the same link again says so, and changes nothing.
        res = await leaverBrowser.post(`/exit-interview/${token}`, { _csrf: csrf, ...answers });
        assert.equal(res.statusCode, 410);
        assert.match(res.body, /expired or has already been used/);
        assert.equal((await leaverBrowser.get(`/exit-interview/${token}`)).statusCode, 410);
        // An unknown token says the same.
        assert.equal((await leaverBrowser.get('/exit-interview/not-a-real-token-at-all-xx')).statusCode, 410);

        // Expiry: a link for another leaver, past its days.
        await psw.post(`/workforce/leavers/${later}/link`, { _csrf, email: '' });
        const second = await t.db
          .selectFrom('outbox')
          .selectAll()
          .where('to_address', '=', 'bea.later@calderbrook.example')
          .executeTakeFirstOrThrow();
        const token2 = /\/exit-interview\/([A-Za-z0-9_-]+)/.exec(second.text_body)![1]!;
        t.clock.advanceMs(15 * 86_400_000);
        const expired = await leaverBrowser.get(`/exit-interview/${token2}`);
        assert.equal(expired.statusCode, 410);
        assert.doesNotMatch(expired.body, /Bea/, 'nothing disclosed');

        // The PSW reviews it (signing in again: fifteen days have passed).
        await psw.signIn(personaFor('psw').email);
        res = await psw.post(`/workforce/interviews/${mine.id}/review`, {
          _csrf: await psw.csrfFrom('/workforce'),
        });
        const reviewed = await t.db
          .selectFrom('wf_interviews')
          .select('status')
          .where('id', '=', mine.id)
          .executeTakeFirstOrThrow();
        assert.equal(reviewed.status, 'complete');
      } finally {
        await t.drop();
      }
    });

    test('retention: interviews past the setting keep only their coded answers', async () => {
      const t = await createTestApp(dialect);
      try {
        await t.db.updateTable('wf_settings').set({ retention_months: 12 }).execute();
        const { reduced, before } = await reduceOldInterviews(t.services);
        assert.ok(reduced > 0);
        const old = await t.db
          .selectFrom('wf_interviews')
          .selectAll()
          .where('leaving_on', '<', before)
          .execute();
        for (const r of old) {
          assert.equal(r.free_text, '');
          assert.equal(r.quote, null);
          assert.ok(r.reduced_at);
          assert.ok(r.main_reason_id, 'the coded answers stay');
        }
        const recent = await t.db
          .selectFrom('wf_interviews')
          .select('free_text')
          .where('leaving_on', '>=', before)
          .execute();
        assert.ok(recent.every((r) => r.free_text !== ''));
        assert.equal((await reduceOldInterviews(t.services)).reduced, 0, 'a second run has nothing to do');
      } finally {
        await t.drop();
      }
    });
  });
}
