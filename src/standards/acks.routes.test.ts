import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { formValuesOf } from './library.presenter.ts';
import { findStandard } from './library.repo.ts';
import { amendStandard } from './library.service.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&ldquo;/g, '“')
    .replace(/&rdquo;/g, '”')
    .replace(/\s+/g, ' ');

const idOf = async (t: TestApp, title: string) =>
  (
    await t.db
      .selectFrom('standards')
      .innerJoin('standard_versions as v', (j) =>
        j.onRef('v.standard_id', '=', 'standards.id').onRef('v.version', '=', 'standards.current_version'),
      )
      .select('standards.id')
      .where('v.title', 'like', `${title}%`)
      .executeTakeFirstOrThrow()
  ).id;
const staffId = async (t: TestApp, email: string) =>
  (await t.db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

for (const dialect of dialectsUnderTest()) {
  describe(`acknowledging practice standards [${dialect}]`, () => {
    test('a practitioner’s state across a major version; a replaced version is refused; the manager sees who has not; reminders go through the outbox', async () => {
      const t = await createTestApp(dialect);
      try {
        const amina = personaFor('practitioner');
        const me = await staffId(t, amina.email);
        const id = await idOf(t, 'Record every attempt');
        // Start from a known state: Amina has acknowledged nothing of this standard.
        await t.db
          .deleteFrom('standard_acks')
          .where('staff_id', '=', me)
          .where('standard_id', '=', id)
          .execute();
        const b = new Browser(t.app);
        await b.signIn(amina.email);
        assert.match(
          text((await b.get('/standards/to-read')).body),
          /Still to read .*Record every attempt to reach a worker who has left/,
        );
        assert.match(text((await b.get('/')).body), /Record every attempt to reach a worker who has left/);
        assert.match(
          text((await b.get(`/standards/${id}`)).body),
          /You are asked to read this standard and acknowledge it/,
        );

        // Acknowledging a version that has been replaced: refused, nothing written.
        const old = await b.csrfFrom(`/standards/${id}`);
        const refused = await b.post(`/standards/${id}/acknowledge`, { _csrf: old, version: '1' });
        assert.equal(refused.headers.location, `/standards/${id}`);
        assert.match(text((await b.get(`/standards/${id}`)).body), /This version has been replaced/);
        assert.equal(
          (
            await t.db
              .selectFrom('standard_acks')
              .select('version')
              .where('staff_id', '=', me)
              .where('standard_id', '=', id)
              .execute()
          ).length,
          0,
        );

        const _csrf = await b.csrfFrom(`/standards/${id}`);
        await b.post(`/standards/${id}/acknowledge`, { _csrf, version: '2' });
        assert.match(
          text((await b.get(`/standards/${id}`)).body),
          /You have acknowledged .* version 2 .*You have read and understood this version/,
        );
        assert.match(
          text((await b.get('/standards/to-read')).body),
          /Read and acknowledged .*Record every attempt/,
        );
        const audit = await t.db
          .selectFrom('audit_log')
          .select('summary')
          .where('record_type', '=', 'standard-acknowledgement')
          .where('actor_id', '=', me)
          .execute();
        assert.equal(audit.length, 1);

        // The PSW makes a minor change: Amina's acknowledgement still counts. Then a major one: she is asked again.
        const pswId = await staffId(t, personaFor('psw').email);
        const actor = { id: pswId, name: 'Helen Marsh', ip: null, userAgent: null };
        const change = async (major: boolean, summary: string) => {
          const r = (await findStandard(t.db, id))!;
          const input = {
            ...formValuesOf(r, undefined),
            timescaleField: null,
            timescaleDays: null,
            inAudit: false,
            links: [],
            related: [],
          };
          await amendStandard(
            t.db,
            t.clock,
            actor,
            id,
            { ...input, area: r.area as never, level: r.level, sourceKind: r.source_kind as never },
            { summary, reason: 'Practice board', major, fromVersion: r.current_version },
          );
        };
        await change(false, 'A typing error corrected');
        assert.match(
          text((await b.get(`/standards/${id}`)).body),
          /You have read and understood this version/,
        );
        await change(true, 'Attempts must now include a letter to the last known address');
        assert.match(
          text((await b.get(`/standards/${id}`)).body),
          /has changed in a way that matters since you acknowledged it/,
        );
        assert.match(
          text((await b.get('/standards/to-read')).body),
          /Still to read .*Record every attempt to reach a worker who has left .*Changed since read/,
        );

        // Daniel, Amina's team manager, sees her among those who have not acknowledged it, and reminds them.
        const daniel = new Browser(t.app);
        await daniel.signIn(personaFor('team-manager').email);
        const acks = text((await daniel.get('/standards/acknowledgements')).body);
        const section = acks.slice(acks.indexOf('Record every attempt'));
        assert.match(
          section,
          /0 of \d+ people have acknowledged version 4.*Read it before it changed, to read by \d+ \w+ \d{4} [^.]*Amina Hussain/,
        );
        // Only Daniel's own team is listed.
        const teams = await t.db
          .selectFrom('staff')
          .innerJoin('teams', 'teams.id', 'staff.team_id')
          .select(['staff.name', 'teams.name as team'])
          .execute();
        const otherTeam = teams.find(
          (x) => x.team !== 'Assessment Team 1' && acks.includes(x.name) && x.name !== 'Daniel Price',
        );
        assert.equal(otherTeam, undefined, 'nobody from another team');

        const before = (await t.db.selectFrom('outbox').select('id').execute()).length;
        const csrf = await daniel.csrfFrom('/standards/acknowledgements');
        const sent = await daniel.post(`/standards/${id}/reminders`, { _csrf: csrf });
        assert.equal(sent.headers.location, '/standards/acknowledgements');
        const mail = await t.db
          .selectFrom('outbox')
          .selectAll()
          .where('to_address', '=', amina.email)
          .orderBy('created_at', 'desc')
          .execute();
        const reminder = mail.find((m) => m.subject.includes('Record every attempt'));
        assert.ok(reminder, 'Amina was reminded');
        assert.match(
          reminder.text_body,
          /has changed in a way that matters since you last read it\. Please read version 4/,
        );
        assert.match(reminder.text_body, /Read the standard: http:\/\/[^\s]+\/standards\//);
        assert.match(reminder.html_body ?? '', /role="presentation"/, 'the shared mail layout');
        assert.ok((await t.db.selectFrom('outbox').select('id').execute()).length > before);
      } finally {
        await t.drop();
      }
    });

    test('whoever tries the demo as the practitioner or the team manager finds standards both still to read and read', async () => {
      const t = await createTestApp(dialect);
      try {
        for (const role of ['practitioner', 'team-manager'] as const) {
          const b = new Browser(t.app);
          await b.signIn(personaFor(role).email);
          const page = text((await b.get('/standards/to-read')).body);
          assert.match(page, /Still to read .* Read and acknowledged /, role);
        }
      } finally {
        await t.drop();
      }
    });

    test('a manager’s page is kept between requests, yet shows each change at once: an acknowledgement, a leaver, a change made outside the Hub', async () => {
      const t = await createTestApp(dialect);
      try {
        const amina = personaFor('practitioner');
        const me = await staffId(t, amina.email);
        const id = await idOf(t, 'Record every attempt');
        // The demo's acknowledgements are drawn at random, so the test sets its own: Amina and one
        // colleague (never the manager, whose own access would end with leaving) have not read it.
        const colleague = await t.db
          .selectFrom('staff')
          .innerJoin('staff as m', 'm.team_id', 'staff.team_id')
          .select(['staff.id', 'staff.name'])
          .where('m.email', '=', personaFor('team-manager').email)
          .where('staff.active', '=', 1)
          .where('staff.id', '!=', me)
          .whereRef('staff.id', '!=', 'm.id')
          .orderBy('staff.name')
          .executeTakeFirstOrThrow();
        await t.db
          .deleteFrom('standard_acks')
          .where('staff_id', 'in', [me, colleague.id])
          .where('standard_id', '=', id)
          .execute();
        const daniel = new Browser(t.app);
        await daniel.signIn(personaFor('team-manager').email);
        // Every page of the list, each standard's section as text.
        const sections = async () => {
          const out = new Map<string, string>();
          for (let href: string | undefined = '/standards/acknowledgements?show=all'; href; ) {
            const html: string = (await daniel.get(href)).body;
            for (const part of html.split('<h2 class="govuk-heading-m">').slice(1))
              out.set(/href="\/standards\/([^"]+)"/.exec(part)![1]!, text(part));
            href = /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next">/
              .exec(html)?.[1]
              ?.replaceAll('&amp;', '&');
          }
          return out;
        };
        assert.match((await sections()).get(id)!, /Amina Hussain/, 'Amina has not read it yet');
        assert.match((await sections()).get(id)!, /Amina Hussain/, 'the same, from the kept view');

        const amina$ = new Browser(t.app);
        await amina$.signIn(amina.email);
        const _csrf = await amina$.csrfFrom(`/standards/${id}`);
        const version = (await findStandard(t.db, id))!.current_version;
        await amina$.post(`/standards/${id}/acknowledge`, { _csrf, version: String(version) });
        assert.doesNotMatch(
          (await sections()).get(id)!,
          /Amina Hussain/,
          'her acknowledgement shows at once',
        );

        // The colleague who has not read it leaves, recorded straight in the database (as another
        // instance of the Hub, or a nightly job, would): they are no longer listed.
        assert.match((await sections()).get(id)!, new RegExp(colleague.name), 'the colleague has it to read');
        await t.db
          .updateTable('staff')
          .set({ active: 0, left_on: '2026-11-30' })
          .where('id', '=', colleague.id)
          .execute();
        assert.doesNotMatch(
          (await sections()).get(id)!,
          new RegExp(colleague.name),
          'a leaver is not asked to read it',
        );
      } finally {
        await t.drop();
      }
    });

    test('asking a team to acknowledge by a date: a past date or an unknown team is refused', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('psw').email);
        const id = await idOf(t, 'Close with a letter');
        const team = await t.db
          .selectFrom('teams')
          .select('id')
          .where('name', '=', 'Assessment Team 1')
          .executeTakeFirstOrThrow();
        const before = await t.db.selectFrom('standard_ack_targets').selectAll().execute();
        for (const [body, message] of [
          [{ target: `team:${team.id}`, dueOn: '2020-01-01' }, /cannot be in the past/],
          [
            { target: 'team:no-such-team', dueOn: '2027-01-31' },
            /Choose who must acknowledge it from the list/,
          ],
        ] as const) {
          const _csrf = await b.csrfFrom(`/standards/${id}/ask`);
          await b.post(`/standards/${id}/ask`, { _csrf, ...body });
          assert.match(text((await b.get(`/standards/${id}/ask`)).body), message);
        }
        assert.deepEqual(await t.db.selectFrom('standard_ack_targets').selectAll().execute(), before);
        const _csrf = await b.csrfFrom(`/standards/${id}/ask`);
        await b.post(`/standards/${id}/ask`, { _csrf, target: `team:${team.id}`, dueOn: '2027-01-31' });
        assert.match(
          text((await b.get(`/standards/${id}`)).body),
          /The team Assessment Team 1, by 31 January 2027/,
        );
        const amina = new Browser(t.app);
        await amina.signIn(personaFor('practitioner').email);
        assert.match(text((await amina.get('/standards/to-read')).body), /Close with a letter to the family/);
      } finally {
        await t.drop();
      }
    });
  });
}
