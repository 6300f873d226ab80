import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createApp } from '../app.ts';
import { createTestDb } from '../testing/test-db.ts';
import { createLogger } from './logging.ts';

test('request logs never contain a one-time password link', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const t = await createTestDb('sqlite');
  try {
    const app = await createApp({ ...t.services, log: createLogger('info', sink) });
    const res = await app.inject({ method: 'GET', url: '/set-password/THE-SECRET-TOKEN?x=1' });
    assert.equal(res.statusCode, 410);
    await app.close();
    const log = lines.join('');
    assert.match(log, /incoming request/);
    assert.match(log, /\/set-password\/\[redacted\]\?x=1/);
    assert.doesNotMatch(log, /THE-SECRET-TOKEN/);
  } finally {
    await t.drop();
  }
});

test('request logs never contain a form token carried in the query string (upload forms)', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const t = await createTestDb('sqlite');
  try {
    const app = await createApp({ ...t.services, log: createLogger('info', sink) });
    await app.inject({ method: 'POST', url: '/performance/import?_csrf=SECRET-FORM-TOKEN&kind=visits' });
    await app.close();
    const log = lines.join('');
    assert.match(log, /_csrf=\[redacted\]&kind=visits/);
    assert.doesNotMatch(log, /SECRET-FORM-TOKEN/);
  } finally {
    await t.drop();
  }
});
