import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { systemActor } from '../platform/audit/audit.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { imageFolder } from './image-files.ts';
import { MAX_IMAGE_BYTES } from './images.rules.ts';
import { setArticleImage } from './images.service.ts';

// Images written by Chromium and Pillow (scripts/image-fixtures/make.py), never by our own code.
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../platform/files/fixtures', name));

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const signedIn = async (t: TestApp, role: Parameters<typeof personaFor>[0]) => {
  const b = new Browser(t.app);
  await b.signIn(personaFor(role).email);
  return b;
};

/** A multipart form as a browser sends it: the fields, then the file (or an empty file part, as for none chosen). */
function upload(
  b: Browser,
  url: string,
  csrf: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer },
) {
  const boundary = '----hubImageTest7MA4YWxkTrZu0gW';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file?.name ?? ''}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file?.bytes ?? Buffer.alloc(0),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return b.app.inject({
    method: 'POST',
    url: `${url}?_csrf=${encodeURIComponent(csrf)}`,
    headers: {
      cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

/** A new draft edition with one article, made by the PSW through the pages. */
async function draftWithArticle(t: TestApp, psw: Browser, month: string) {
  const _csrf = await psw.csrfFrom('/bulletin/editions/new');
  await psw.post('/bulletin/editions/new', {
    _csrf,
    month,
    welcome: 'Welcome to the test edition.',
    signOff: '',
  });
  const e = await t.db
    .selectFrom('bulletin_editions')
    .select('id')
    .where('month', '=', month)
    .executeTakeFirstOrThrow();
  await psw.post(`/bulletin/${e.id}/articles`, {
    _csrf,
    kind: 'article',
    title: 'Supervision that helps',
    body: 'What good supervision looks like.',
  });
  const a = await t.db
    .selectFrom('bulletin_articles')
    .select('id')
    .where('edition_id', '=', e.id)
    .executeTakeFirstOrThrow();
  return { editionId: e.id, articleId: a.id, _csrf, page: `/bulletin/${e.id}/articles/${a.id}` };
}

const imageRows = (t: TestApp) =>
  t.db.selectFrom('bulletin_images').select(['id', 'stored_name']).orderBy('id').execute();
const filesOnDisk = (t: TestApp) => {
  const folder = imageFolder(t.services.config.dataDir);
  return existsSync(folder) ? readdirSync(folder).sort() : [];
};
const articleImage = async (t: TestApp, id: string) =>
  t.db
    .selectFrom('bulletin_articles')
    .select(['image_id', 'image_alt', 'image_caption'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const ALT = 'A gradient from near-black to blue with a white ring in the middle';

for (const dialect of dialectsUnderTest()) {
  describe(`images in the bulletin [${dialect}]`, () => {
    test('an editor adds an image to a draft’s article: stored by a random name, shown to editors only until the edition is published, then to every reader', async () => {
      const t = await createTestApp(dialect);
      try {
        const psw = await signedIn(t, 'psw');
        const d = await draftWithArticle(t, psw, '2099-05');
        const before = await imageRows(t);
        const bytes = fixture('pillow-photo.jpg');
        const res = await upload(
          psw,
          `${d.page}/image`,
          d._csrf,
          { alt: ALT, caption: 'Drawn by Pillow' },
          { name: 'gradient.jpg', bytes },
        );
        assert.equal(res.statusCode, 303);
        const page = (await psw.get(d.page)).body;
        assert.match(text(page), /The image has been saved/);
        assert.match(
          page,
          new RegExp(
            `<img class="hub-figure__image" src="/bulletin/images/[^"]+" alt="${ALT}" width="320" height="200"`,
          ),
        );

        const [image] = (await imageRows(t)).filter((r) => !before.some((b) => b.id === r.id));
        assert.ok(image, 'one new image row');
        assert.doesNotMatch(image.stored_name, /gradient/);
        assert.deepEqual(
          filesOnDisk(t),
          (await imageRows(t)).map((r) => r.stored_name).sort(),
          'a file for each row, no other',
        );
        assert.deepEqual(await articleImage(t, d.articleId), {
          image_id: image.id,
          image_alt: ALT,
          image_caption: 'Drawn by Pillow',
        });

        const served = await psw.get(`/bulletin/images/${image.id}`);
        assert.equal(served.statusCode, 200);
        assert.equal(served.headers['content-type'], 'image/jpeg');
        assert.equal(served.headers['x-content-type-options'], 'nosniff');
        assert.equal(served.headers['content-disposition'], 'inline; filename="gradient.jpg"');
        assert.deepEqual(served.rawPayload, bytes);

        // A draft's image is the editors' alone; its edition's preview shows it with its caption.
        const reader = await signedIn(t, 'practitioner');
        assert.equal((await reader.get(`/bulletin/images/${image.id}`)).statusCode, 404);
        assert.match(
          text((await psw.get(`/bulletin/${d.editionId}`)).body),
          /Supervision that helps Drawn by Pillow What good supervision/,
        );

        const published = await psw.post(`/bulletin/${d.editionId}/publish`, { _csrf: d._csrf });
        assert.equal(published.statusCode, 303);
        assert.deepEqual(
          await t.db
            .selectFrom('bulletin_sent_images')
            .select('image_id')
            .where('edition_id', '=', d.editionId)
            .execute(),
          [{ image_id: image.id }],
        );
        assert.equal((await reader.get(`/bulletin/images/${image.id}`)).statusCode, 200);
        for (const url of [`/bulletin/${d.editionId}`, `/bulletin/${d.editionId}/print`])
          assert.match(
            (await reader.get(url)).body,
            new RegExp(`src="/bulletin/images/${image.id}" alt="${ALT}"`),
            url,
          );
      } finally {
        await t.drop();
      }
    });

    test('a photo’s camera metadata (GPS position, device, comment) is removed before it is stored or shown', async () => {
      const t = await createTestApp(dialect);
      try {
        const psw = await signedIn(t, 'psw');
        const d = await draftWithArticle(t, psw, '2099-06');
        const clean = fixture('pillow-photo.jpg');
        // What a phone writes after the start of the image: an EXIF segment (here naming where it was
        // taken) and a comment. Whatever their content, neither may reach the bulletin's readers.
        const segment = (marker: number, payload: string) => {
          const body = Buffer.from(payload, 'latin1');
          const head = Buffer.from([0xff, marker, 0, 0]);
          head.writeUInt16BE(body.length + 2, 2);
          return Buffer.concat([head, body]);
        };
        const photo = Buffer.concat([
          clean.subarray(0, 2),
          segment(0xe1, 'Exif\0\0MM\0*\0\0\0\x08\0\0GPS 53.80N 1.53W PhoneMaker'),
          segment(0xfe, 'Taken at 12 Acacia Road'),
          clean.subarray(2),
        ]);
        const before = await imageRows(t);
        const res = await upload(
          psw,
          `${d.page}/image`,
          d._csrf,
          { alt: ALT, caption: '' },
          { name: 'p.jpg', bytes: photo },
        );
        assert.equal(res.statusCode, 303);
        const [image] = (await imageRows(t)).filter((r) => !before.some((b) => b.id === r.id));
        assert.ok(image);
        const served = await psw.get(`/bulletin/images/${image.id}`);
        assert.deepEqual(served.rawPayload, clean, 'the picture as it was, without the two segments');
        const row = await t.db
          .selectFrom('bulletin_images')
          .select('size_bytes')
          .where('id', '=', image.id)
          .executeTakeFirstOrThrow();
        assert.equal(Number(row.size_bytes), clean.length, 'its size as stored');
      } finally {
        await t.drop();
      }
    });

    test('a wrong type, a moving image, a file too large or missing alt text: a clear message, no row, no file left', async () => {
      const t = await createTestApp(dialect);
      try {
        const psw = await signedIn(t, 'psw');
        const d = await draftWithArticle(t, psw, '2099-06');
        const rows = await imageRows(t);
        const files = filesOnDisk(t);
        const photo = fixture('pillow-photo.jpg');
        const cases: [
          string,
          Record<string, string>,
          { name: string; bytes: Buffer } | undefined,
          RegExp[],
        ][] = [
          [
            'a web page named .png',
            { alt: ALT },
            { name: 'photo.png', bytes: fixture('page.png') },
            [/The file is a web page, not an image/],
          ],
          [
            'an SVG',
            { alt: ALT },
            { name: 'drawing.svg', bytes: fixture('script.svg') },
            [/SVG images cannot be used, because they can carry code/],
          ],
          [
            'an SVG named .png',
            { alt: ALT },
            { name: 'drawing.png', bytes: fixture('script.svg') },
            [/SVG images cannot be used/],
          ],
          [
            'a moving GIF',
            { alt: ALT },
            { name: 'moving.gif', bytes: fixture('pillow-animated.gif') },
            [/The image must not move/],
          ],
          [
            'too large',
            { alt: ALT },
            { name: 'big.jpg', bytes: Buffer.concat([photo, Buffer.alloc(MAX_IMAGE_BYTES + 1000)]) },
            [/The image must be 2 MB or smaller/],
          ],
          [
            'no alt text',
            { alt: '', caption: 'Kept caption' },
            { name: 'gradient.jpg', bytes: photo },
            [/Enter alt text: say what the image shows/],
          ],
          [
            'alt text that is the file name',
            { alt: 'gradient' },
            { name: 'gradient.jpg', bytes: photo },
            [/The alt text repeats the file name/],
          ],
          [
            'alt text too long',
            { alt: 'x'.repeat(251) },
            { name: 'gradient.jpg', bytes: photo },
            [/Alt text must be 250 characters or fewer/],
          ],
          [
            'no file and no alt text',
            { alt: '' },
            undefined,
            [/Choose an image to upload/, /Enter alt text/],
          ],
          [
            'an SVG without alt text',
            { alt: '' },
            { name: 'x.svg', bytes: fixture('script.svg') },
            [/SVG images cannot be used/, /Enter alt text/],
          ],
          [
            'a hidden control character',
            { alt: `A chart\u0000 of visits` },
            { name: 'chart.jpg', bytes: photo },
            [/hidden control character/],
          ],
        ];
        for (const [what, fields, file, messages] of cases) {
          const res = await upload(psw, `${d.page}/image`, d._csrf, fields, file);
          assert.equal(res.statusCode, 303, what);
          assert.equal(res.headers.location, `${d.page}#image`, what);
          const page = (await psw.get(d.page)).body;
          assert.match(page, /There is a problem/, what);
          for (const m of messages) assert.match(text(page), m, what);
          assert.deepEqual(await imageRows(t), rows, `${what}: no row written`);
          assert.deepEqual(filesOnDisk(t), files, `${what}: no file left on disk`);
          assert.equal(
            (await articleImage(t, d.articleId)).image_id,
            null,
            `${what}: the article is unchanged`,
          );
          if (what === 'no alt text') {
            assert.match(page, /href="#image-alt"/, 'the summary links to the alt text field');
            assert.match(
              page,
              /id="image-caption" name="caption" type="text" value="Kept caption"/,
              'answers are kept',
            );
          }
        }
        // Not sent as an upload at all.
        await psw.post(`${d.page}/image`, { _csrf: d._csrf, alt: ALT });
        assert.match(text((await psw.get(d.page)).body), /The form was not sent as an upload/);
        assert.deepEqual(filesOnDisk(t), files);
      } finally {
        await t.drop();
      }
    });

    test('replacing or removing a draft’s image, or its article, removes the file nothing uses any more; the words change alone', async () => {
      const t = await createTestApp(dialect);
      try {
        const psw = await signedIn(t, 'psw');
        const d = await draftWithArticle(t, psw, '2099-07');
        const demoFiles = filesOnDisk(t);
        await upload(
          psw,
          `${d.page}/image`,
          d._csrf,
          { alt: ALT },
          { name: 'a.jpg', bytes: fixture('pillow-photo.jpg') },
        );
        const first = (await articleImage(t, d.articleId)).image_id!;
        await upload(
          psw,
          `${d.page}/image`,
          d._csrf,
          { alt: 'A red fading to white, with a ring' },
          { name: 'b.gif', bytes: fixture('pillow.gif') },
        );
        const second = await articleImage(t, d.articleId);
        assert.notEqual(second.image_id, first);
        assert.equal(
          (await imageRows(t)).some((r) => r.id === first),
          false,
          'the replaced image’s row is gone',
        );
        assert.equal(filesOnDisk(t).length, demoFiles.length + 1, 'and its file');
        assert.equal((await psw.get(`/bulletin/images/${first}`)).statusCode, 404);

        // No file chosen: only the alt text and caption change, the image stays.
        await upload(psw, `${d.page}/image`, d._csrf, {
          alt: 'A red gradient with a white ring',
          caption: 'Test',
        });
        assert.deepEqual(await articleImage(t, d.articleId), {
          image_id: second.image_id,
          image_alt: 'A red gradient with a white ring',
          image_caption: 'Test',
        });

        await psw.post(`${d.page}/image/remove`, { _csrf: d._csrf });
        assert.match(text((await psw.get(d.page)).body), /The image has been removed from the article/);
        assert.equal((await articleImage(t, d.articleId)).image_id, null);
        assert.deepEqual(filesOnDisk(t), demoFiles);

        await upload(
          psw,
          `${d.page}/image`,
          d._csrf,
          { alt: ALT },
          { name: 'a.jpg', bytes: fixture('pillow-photo.jpg') },
        );
        assert.equal(filesOnDisk(t).length, demoFiles.length + 1);
        await psw.post(`${d.page}/remove`, { _csrf: d._csrf });
        assert.deepEqual(filesOnDisk(t), demoFiles, 'removing the article removes its image');
      } finally {
        await t.drop();
      }
    });

    test('a published edition keeps the image it was sent with: a correction changes the web edition, not the record or its file', async () => {
      const t = await createTestApp(dialect);
      try {
        const psw = await signedIn(t, 'psw');
        const reader = await signedIn(t, 'practitioner');
        const d = await draftWithArticle(t, psw, '2099-08');
        await upload(
          psw,
          `${d.page}/image`,
          d._csrf,
          { alt: ALT },
          { name: 'a.jpg', bytes: fixture('pillow-photo.jpg') },
        );
        const sent = (await articleImage(t, d.articleId)).image_id!;
        await psw.post(`/bulletin/${d.editionId}/publish`, { _csrf: d._csrf });
        const files = filesOnDisk(t);

        // After publishing a change needs a note; without one nothing is stored.
        const green = 'A gradient from green to yellow with a white ring';
        await upload(
          psw,
          `${d.page}/image`,
          d._csrf,
          { alt: green },
          { name: 'b.jpg', bytes: fixture('pillow-progressive.jpg') },
        );
        assert.match(text((await psw.get(d.page)).body), /Say what was corrected/);
        assert.deepEqual(filesOnDisk(t), files);
        await upload(
          psw,
          `${d.page}/image`,
          d._csrf,
          { alt: green, correction: 'The picture was the wrong one' },
          { name: 'b.jpg', bytes: fixture('pillow-progressive.jpg') },
        );
        const corrected = (await articleImage(t, d.articleId)).image_id!;
        assert.notEqual(corrected, sent);
        assert.equal(filesOnDisk(t).length, files.length + 1, 'the sent image’s file stays');
        const web = (await reader.get(`/bulletin/${d.editionId}`)).body;
        assert.match(web, new RegExp(`src="/bulletin/images/${corrected}" alt="${green}"`));
        assert.match(text(web), /The picture was the wrong one/);
        assert.match(
          (await psw.get(`/bulletin/${d.editionId}/as-sent`)).body,
          new RegExp(`src="/bulletin/images/${sent}" alt="${ALT}"`),
        );
        assert.equal(
          (await reader.get(`/bulletin/images/${sent}`)).statusCode,
          200,
          'what was sent can still be seen',
        );

        // Removing it from the published article (with a note) removes the correction's file, never the sent one.
        await psw.post(`${d.page}/image/remove`, { _csrf: d._csrf });
        assert.match(text((await psw.get(d.page)).body), /Say what was corrected/);
        await psw.post(`${d.page}/image/remove`, { _csrf: d._csrf, correction: 'The picture is not needed' });
        assert.equal((await articleImage(t, d.articleId)).image_id, null);
        assert.deepEqual(filesOnDisk(t), files);
        assert.equal((await reader.get(`/bulletin/images/${corrected}`)).statusCode, 404);
        assert.equal((await reader.get(`/bulletin/images/${sent}`)).statusCode, 200);
        assert.doesNotMatch((await reader.get(`/bulletin/${d.editionId}`)).body, /<img/);
      } finally {
        await t.drop();
      }
    });

    test('a contributor attaches one image, seen by them and the editors only, which comes with the contribution when it is accepted', async () => {
      const t = await createTestApp(dialect);
      try {
        const amina = await signedIn(t, 'practitioner');
        const _csrf = await amina.csrfFrom('/bulletin/contribute');
        await amina.post('/bulletin/contribute', {
          _csrf,
          title: 'Our family group conference',
          body: 'What we learned.',
        });
        const c = await t.db
          .selectFrom('bulletin_contributions')
          .select('id')
          .where('title', '=', 'Our family group conference')
          .executeTakeFirstOrThrow();
        const mine = text((await amina.get('/bulletin/contribute')).body);
        assert.match(mine, /You can add an image to it below/);
        assert.match(mine, /Add an image \(optional\) of “Our family group conference”/);
        const imagePage = `/bulletin/contributions/${c.id}/image`;
        assert.match(
          text((await amina.get(imagePage)).body),
          /Add an image to “Our family group conference”/,
        );
        await upload(
          amina,
          imagePage,
          _csrf,
          { alt: '' },
          { name: 'card.png', bytes: fixture('chromium-screenshot.png') },
        );
        assert.match(text((await amina.get(imagePage)).body), /Enter alt text/);
        const alt = 'A blue card with the words “Test card”';
        const done = await upload(
          amina,
          imagePage,
          _csrf,
          { alt },
          { name: 'card.png', bytes: fixture('chromium-screenshot.png') },
        );
        assert.equal(done.headers.location, '/bulletin/contribute');
        const image = (
          await t.db
            .selectFrom('bulletin_contributions')
            .select('image_id')
            .where('id', '=', c.id)
            .executeTakeFirstOrThrow()
        ).image_id!;
        assert.match(
          (await amina.get('/bulletin/contribute')).body,
          new RegExp(`src="/bulletin/images/${image}" alt="${alt}"`),
        );
        assert.equal((await amina.get(`/bulletin/images/${image}`)).statusCode, 200);

        const manager = await signedIn(t, 'team-manager');
        assert.equal((await manager.get(imagePage)).statusCode, 403, 'someone else’s contribution');
        assert.equal((await manager.get(`/bulletin/images/${image}`)).statusCode, 404);
        const managerCsrf = await manager.csrfFrom('/bulletin/contribute');
        const theirs = await upload(
          manager,
          imagePage,
          managerCsrf,
          { alt },
          { name: 'card.png', bytes: fixture('chromium-screenshot.png') },
        );
        assert.equal(theirs.statusCode, 403);

        const psw = await signedIn(t, 'psw');
        assert.match(
          (await psw.get('/bulletin/contributions')).body,
          new RegExp(`src="/bulletin/images/${image}" alt="${alt}"`),
        );
        assert.equal((await psw.get(`/bulletin/images/${image}`)).statusCode, 200);
        const token = await psw.csrfFrom('/bulletin/editions/new');
        await psw.post('/bulletin/editions/new', {
          _csrf: token,
          month: '2099-09',
          welcome: 'Hello',
          signOff: '',
        });
        const draft = await t.db
          .selectFrom('bulletin_editions')
          .select('id')
          .where('month', '=', '2099-09')
          .executeTakeFirstOrThrow();
        await psw.post(`/bulletin/contributions/${c.id}/accept`, { _csrf: token, edition: draft.id });
        const article = await t.db
          .selectFrom('bulletin_articles')
          .select(['id', 'image_id', 'image_alt'])
          .where('edition_id', '=', draft.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(
          { image_id: article.image_id, image_alt: article.image_alt },
          { image_id: image, image_alt: alt },
        );

        // Decided: the contributor can no longer change it; the editor's removing it from the article keeps her copy.
        assert.match(text((await amina.get(imagePage)).body), /its image can no longer be changed/);
        await upload(
          amina,
          imagePage,
          _csrf,
          { alt },
          { name: 'photo.jpg', bytes: fixture('pillow-photo.jpg') },
        );
        assert.match(
          text((await amina.get(imagePage)).body),
          /The editor has decided on “Our family group conference”/,
        );
        await psw.post(`/bulletin/${draft.id}/articles/${article.id}/image/remove`, { _csrf: token });
        assert.equal((await amina.get(`/bulletin/images/${image}`)).statusCode, 200);
      } finally {
        await t.drop();
      }
    });

    if (dialect === 'postgres')
      test('two editors replacing an article’s image at once on two instances leave one image and no file without its row', async () => {
        const t = await createTestApp(dialect);
        const second = t.open();
        try {
          const psw = await signedIn(t, 'psw');
          const d = await draftWithArticle(t, psw, '2099-10');
          const me = await t.db
            .selectFrom('staff')
            .select(['id', 'name', 'email', 'team_id'])
            .where('email', '=', personaFor('psw').email)
            .executeTakeFirstOrThrow();
          const user: Principal = {
            id: me.id,
            name: me.name,
            email: me.email,
            roles: ['psw'],
            teamId: me.team_id,
            serviceId: null,
          };
          const before = await imageRows(t);
          const other = { ...t.services, db: second.db };
          const change = (name: string, alt: string) => ({
            file: { filename: name, bytes: fixture(name) },
            alt,
            caption: '',
            correction: '',
          });
          for (let round = 0; round < 4; round++)
            await Promise.all([
              setArticleImage(
                t.services,
                systemActor('test'),
                user,
                d.editionId,
                d.articleId,
                change('pillow-photo.jpg', ALT),
              ),
              setArticleImage(
                other,
                systemActor('test'),
                user,
                d.editionId,
                d.articleId,
                change('pillow.gif', 'A red gradient with a white ring'),
              ),
            ]);
          const used = (await articleImage(t, d.articleId)).image_id;
          const added = (await imageRows(t)).filter((r) => !before.some((b) => b.id === r.id));
          assert.deepEqual(
            added.map((r) => r.id),
            [used],
            'only the image in use is kept',
          );
          assert.deepEqual(
            filesOnDisk(t),
            [...before.map((r) => r.stored_name), ...added.map((r) => r.stored_name)].sort(),
          );
        } finally {
          await second.close();
          await t.drop();
        }
      });
  });
}
