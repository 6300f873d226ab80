import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';

test('L&D add a course and a three-day session through the forms; bad input keeps the answers and changes nothing', async () => {
  const t = await createTestApp('sqlite');
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('ld-admin').email);
    let _csrf = await b.csrfFrom('/learning/admin/courses/new');
    const bad = await b.post('/learning/admin/courses/new', { _csrf, title: '', providerKind: 'external' });
    assert.equal(bad.statusCode, 303);
    const again = await b.get('/learning/admin/courses/new');
    assert.match(again.body, /Enter the course title/);
    assert.match(again.body, /Enter the name of the outside provider/);
    const ok = await b.post('/learning/admin/courses/new', {
      _csrf,
      title: 'Genograms in practice',
      summary: 'Drawing families.',
      audience: 'everyone',
      providerKind: 'internal',
      mandatory: 'no',
      needsApproval: 'no',
    });
    const courseUrl = String(ok.headers.location);
    assert.match(courseUrl, /^\/learning\/courses\//);
    const courseId = courseUrl.split('/').pop()!;

    _csrf = await b.csrfFrom(`/learning/admin/courses/${courseId}/sessions/new`);
    const before = await t.db.selectFrom('lrn_sessions').select('id').execute();
    await b.post(`/learning/admin/courses/${courseId}/sessions/new`, {
      _csrf,
      days: '2026-12-02 09:30-16:30\n2026-13-09',
      capacity: '12',
      cancelCutoffHours: '24',
    });
    const form = await b.get(`/learning/admin/courses/${courseId}/sessions/new`);
    assert.match(form.body, /Line 2/);
    assert.match(form.body, /2026-13-09/, 'the answers are kept');
    assert.equal((await t.db.selectFrom('lrn_sessions').select('id').execute()).length, before.length);
    const made = await b.post(`/learning/admin/courses/${courseId}/sessions/new`, {
      _csrf,
      days: '2026-12-02 09:30-16:30\n2026-12-09 09:30-15:00\n2026-12-16 09:30',
      capacity: '12',
      venue: 'Learning Centre',
      cancelCutoffHours: '24',
      offerWindowDays: '2',
      holdHours: '6',
    });
    const page = await b.get(String(made.headers.location));
    assert.match(
      page.body,
      /2 December 2026, 09:30 to 16:30; 9 December 2026, 09:30 to 15:00; 16 December 2026, 09:30 to end time to be confirmed/,
    );
    assert.match(page.body, /12 places left of 12/);
    const saved = await t.db
      .selectFrom('lrn_sessions')
      .select(['offer_window_days', 'hold_hours'])
      .where('course_id', '=', courseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(saved, { offer_window_days: 2, hold_hours: 6 });

    // A practitioner cannot reach the forms.
    const p = new Browser(t.app);
    await p.signIn(personaFor('practitioner').email);
    assert.equal((await p.get('/learning/admin/courses/new')).statusCode, 403);
  } finally {
    await t.drop();
  }
});
