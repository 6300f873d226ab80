import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';
import { formErrors } from './forms.ts';

describe('bad input is refused at the edge in plain English, on both dialects', () => {
  for (const dialect of dialectsUnderTest()) {
    test(`control characters in an address or a form change nothing and get a clear message [${dialect}]`, async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('system-admin').email);
        for (const url of ['/staff?q=%00', '/staff?q=a%1Fb', '/admin/audit?person=%07', '/staff/%00']) {
          const res = await b.get(url);
          assert.equal(res.statusCode, 400, url);
          assert.match(res.body, /contains a character that cannot be used/, url);
        }
        const _csrf = await b.csrfFrom('/admin/working-days');
        const before = await t.db.selectFrom('closure_days').select('day').execute();
        const res = await b.post('/admin/working-days', {
          _csrf,
          day: '2027-03-01',
          reason: 'Staff\u0000day',
        });
        assert.equal(res.statusCode, 400);
        assert.match(res.body, /“reason” contains a hidden control character/);
        assert.deepEqual(await t.db.selectFrom('closure_days').select('day').execute(), before);
        // Tabs and line breaks are part of what people write in a long answer.
        const ok = await b.post('/admin/working-days', {
          _csrf,
          day: '2027-03-01',
          reason: 'Staff\tday\r\nall of us',
        });
        assert.equal(ok.statusCode, 303);
      } finally {
        await t.drop();
      }
    });
  }

  test('schema messages name the field and the limit, never the library’s words', () => {
    const schema = z.object({
      reason: z.string().max(2000),
      team_name: z.string().min(1),
      places: z.coerce.number().int().min(1).max(200),
      kind: z.enum(['a', 'b']),
    });
    const r = schema.safeParse({ reason: 'x'.repeat(2001), places: '500', kind: 'c' });
    assert.ok(!r.success);
    const texts = formErrors(r.error).summary.map((s) => s.text);
    assert.deepEqual(texts, [
      'Reason must be 2,000 characters or fewer',
      'Enter team name',
      'Places must be 200 or less',
      'Choose one of the options for kind',
    ]);
    for (const t of texts) assert.doesNotMatch(t, /Invalid input|expected|Too big|received/);
  });

  test('an address too long, a path too long and a body too large answer with the Hub’s error page', async () => {
    const t = await createTestApp('sqlite');
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as { port: number };
      const raw = (path: string, method = 'GET', body?: string) =>
        new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
            let text = '';
            res.on('data', (c) => {
              text += c;
            });
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text }),
            );
          });
          req.on('error', reject);
          if (body) {
            req.setHeader('content-type', 'application/x-www-form-urlencoded');
            req.end(body);
          } else req.end();
        });
      const long = await raw(`/staff?q=${'a'.repeat(100_000)}`);
      assert.equal(long.status, 431);
      assert.match(long.type, /text\/html/);
      assert.match(long.body, /The web address is too long/);
      const path = await raw(`/staff/${'a'.repeat(5000)}`);
      assert.equal(path.status, 414);
      assert.match(path.body, /The web address is too long/);
      const big = await raw('/sign-in', 'POST', `a=${'b'.repeat(2_000_000)}`);
      assert.equal(big.status, 413);
      assert.match(big.body, /What you sent is too large/);
      for (const r of [long, path, big]) assert.doesNotMatch(r.body, /statusCode|FST_ERR/);
    } finally {
      await t.drop();
    }
  });
});
