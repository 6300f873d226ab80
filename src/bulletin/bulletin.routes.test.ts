import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const currentId = async (t: TestApp) =>
  (
    await t.db
      .selectFrom('bulletin_editions')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('month', 'desc')
      .executeTakeFirstOrThrow()
  ).id;

for (const dialect of dialectsUnderTest()) {
  describe(`bulletin pages [${dialect}]`, () => {
    test('a practitioner finds the current edition in the archive, searches it and reads it with live training', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('practitioner').email);
        const archive = text((await b.get('/bulletin')).body);
        assert.match(archive, /Practice and Learning Bulletin/);
        const found = text((await b.get('/bulletin?q=motivational')).body);
        assert.match(found, /1 edition has “motivational”/);
        const none = text((await b.get('/bulletin?q=zebra')).body);
        assert.match(none, /No edition has those words/);
        const id = await currentId(t);
        const page = await b.get(`/bulletin/${id}`);
        assert.equal(page.statusCode, 200);
        const words = text(page.body);
        assert.match(words, /Practice focus: motivational interviewing/);
        assert.match(words, /Training available/);
        assert.match(words, /Places as of \d\d:\d\d/);
        assert.match(
          words,
          /(Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} [A-Z][a-z]+, \d{1,2}(:\d\d)?(am|pm)/,
        );
        assert.match(words, /Register with Research in Practice too/);
        assert.match(words, /Learning from complaints, audits and reviews/);
        // The practice focus article's diagram, with alt text saying what it shows, served from the data folder.
        const img = /<img class="hub-figure__image" src="([^"]+)" alt="([^"]+)"/.exec(page.body);
        assert.ok(img, 'the demo edition has an image');
        assert.match(img[2]!, /^OARS, the four skills of motivational interviewing: Open questions/);
        const picture = await b.get(img[1]!);
        assert.equal(picture.statusCode, 200);
        assert.equal(picture.headers['content-type'], 'image/png');
        assert.deepEqual(picture.rawPayload, readFileSync(path.join(import.meta.dirname, 'demo/oars.png')));
        // A manager-only course is not in a practitioner's list.
        assert.doesNotMatch(words, /For managers/);
        const reads = await t.db
          .selectFrom('bulletin_reads')
          .selectAll()
          .where('edition_id', '=', id)
          .execute();
        assert.ok(reads.some((r) => r.team_id !== null));
      } finally {
        await t.drop();
      }
    });
  });
}
