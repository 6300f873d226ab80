// A second (or third) app process for the multi-process test: books the given
// people on one session through the real service, all at once, against the
// same SQLite file. Prints the outcomes as JSON.
import { loadConfig } from '../config.ts';
import { systemActor } from '../platform/audit/audit.ts';
import { openDb } from '../platform/db/db.ts';
import { preloadMail } from '../platform/mail/layout.ts';
import { bookPlace } from './booking.service.ts';

const [file, sessionId, startAt, ...people] = process.argv.slice(2);
const handle = openDb({ kind: 'sqlite', file: file! });
// The same fixed moment as the test database's clock, so the session is in the future.
const ctx = {
  db: handle.db,
  dialect: handle.dialect,
  clock: { now: () => new Date('2026-11-27T09:00:00Z') },
  config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
};
// As a server does when it starts: the first booking's message would otherwise load MJML while holding the write lock.
await preloadMail();
// Every process starts at the same agreed moment, so their bookings really overlap.
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
const outcomes = await Promise.allSettled(
  people.map((id) => bookPlace(ctx, systemActor('process test'), sessionId!, id)),
);
await handle.close();
console.log(
  JSON.stringify(
    outcomes.map((o) => (o.status === 'fulfilled' ? o.value.status : `error: ${String(o.reason)}`)),
  ),
);
