import { test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../src/testing/test-app.ts';
test('try', async () => {
  const t = await createTestApp('sqlite');
  const b = new Browser(t.app);
  await b.signIn(personaFor('practitioner').email);
  const e = await t.db.selectFrom('bulletin_editions').select('id').where('status','=','published').executeTakeFirstOrThrow();
  for (const u of [`/bulletin/${e.id}/as-sent`, `/bulletin/${e.id}/edit`]) {
    const r = await b.get(u);
    console.log(u, r.statusCode, r.body.slice(0, 3000).replace(/\s+/g,' ').slice(-1500));
  }
  await t.drop();
});
