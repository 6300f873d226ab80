import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { SCENARIOS } from './scenarios.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`practice tools on ${dialect}`, () => {
    test('the coach answers on the page, without JavaScript; empty and 10,000-character questions get a plain message', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('practitioner').email);
        const _csrf = await b.csrfFrom('/practice-tools');
        let res = await b.post('/practice-tools/coach', {
          _csrf,
          question: 'Do you have anyone that supports you with the children?',
        });
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /A closed question/);
        assert.match(res.body, /Tell me about who supports you with the children\./);
        res = await b.post('/practice-tools/coach', { _csrf, question: '   ' });
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /There is a problem/);
        assert.match(res.body, /Type a question you might ask/);
        res = await b.post('/practice-tools/coach', { _csrf, question: 'why '.repeat(2500) });
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /10,000 characters/);
        assert.doesNotMatch(res.body, /A “why” question/);
        // Nothing typed into the coach is kept anywhere.
        const audits = await t.db
          .selectFrom('audit_log')
          .select('summary')
          .where('summary', 'like', '%supports you%')
          .execute();
        assert.equal(audits.length, 0);
      } finally {
        await t.drop();
      }
    });

    test('a scenario: the coach checks the question, prompts the rest, shows the model answers; saved as CPD with peer reflection', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        const p = personaFor('practitioner');
        await b.signIn(p.email);
        assert.ok(SCENARIOS.length >= 20);
        const list = await b.get('/practice-tools/scenarios');
        for (const s of SCENARIOS) assert.ok(list.body.includes(`/practice-tools/scenarios/${s.id}`));
        const s = SCENARIOS[1]!;
        const _csrf = await b.csrfFrom(`/practice-tools/scenarios/${s.id}`);
        const answers = {
          question: 'Why won’t you talk to me?',
          affirmation: 'Well done for being here.',
          reflection: 'It sounds like talking has not helped before.',
          summary: 'So you are fed up, and you want it short. Is that right?',
        };
        const feedback = await b.post(`/practice-tools/scenarios/${s.id}`, { _csrf, ...answers });
        assert.equal(feedback.statusCode, 200);
        assert.match(feedback.body, /A “why” question/);
        assert.match(feedback.body, /Praise says what you think/);
        assert.ok(
          feedback.body.includes(s.model.reflection.replace(/’/g, '&#8217;')) ||
            feedback.body.includes(s.model.reflection),
        );
        // A save without a reflection goes back with the answers kept and nothing saved.
        let res = await b.post(`/practice-tools/scenarios/${s.id}/cpd`, {
          _csrf,
          ...answers,
          myReflection: '',
        });
        assert.equal(res.statusCode, 303);
        const back = await b.get(String(res.headers.location));
        assert.match(back.body, /Write your reflection/);
        assert.match(back.body, /Well done for being here/);
        const me = await t.db
          .selectFrom('staff')
          .select('id')
          .where('email', '=', p.email)
          .executeTakeFirstOrThrow();
        const before = await t.db.selectFrom('lrn_cpd').select('id').where('staff_id', '=', me.id).execute();
        res = await b.post(`/practice-tools/scenarios/${s.id}/cpd`, {
          _csrf,
          ...answers,
          myReflection: 'I asked why; next time I will ask what would help.',
          peerName: 'Daniel Price',
          peerReflection: 'We agreed to try open questions at the next visit.',
        });
        assert.equal(res.headers.location, '/learning/cpd');
        const entries = await t.db.selectFrom('lrn_cpd').selectAll().where('staff_id', '=', me.id).execute();
        assert.equal(entries.length, before.length + 1);
        const entry = entries.find((e) => e.title === `Practising OARS: ${s.title}`);
        assert.ok(entry);
        assert.equal(entry.peer_reflected, 1);
        assert.match(entry.reflection, /Peer reflection from Daniel Price/);
        assert.match((await b.get('/learning/cpd')).body, /Practising OARS/);
        // An unknown scenario is a page that does not exist.
        assert.equal((await b.get('/practice-tools/scenarios/nope')).statusCode, 404);
      } finally {
        await t.drop();
      }
    });

    test('the practice focus panel on the home page links to the coach', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('practitioner').email);
        const home = await b.get('/');
        assert.match(home.body, /href="\/practice-tools">Practise open questions with the coach/);
      } finally {
        await t.drop();
      }
    });
  });
}
