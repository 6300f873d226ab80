import type { Selectable } from 'kysely';
import { createTransport, type Transporter } from 'nodemailer';
import type { OutboxTable } from '../db/schema.ts';
import { claimDue, leaseHasRoom, releaseClaims } from '../jobs/claim.ts';
import type { Services } from '../services.ts';
import { afterFailure, MAIL_MAX_ATTEMPTS } from './backoff.ts';
import { messageIdDomain, toMailOptions } from './compose.ts';
import { InvalidMailError, withoutSecrets } from './outbox.ts';

export const MAIL_BATCH = 10;
/** Long enough for a batch of sends at the timeouts below; a lost lease risks a message going twice. */
export const MAIL_LEASE_MS = 5 * 60_000;
// One send can take up to connection + greeting + socket timeouts; no new send
// starts unless that much of the lease is left.
const SEND_RESERVE_MS = 60_000;

/**
 * The SMTP transport for SMTP_URL, or null when it is not set: then nothing is
 * sent and messages wait in the outbox, where the admin page shows them.
 * Timeouts are short so one unresponsive server cannot outlast a lease; the
 * URL's own query options (e.g. ?socketTimeout=) still take precedence.
 */
export function createMailTransport(smtpUrl: string | undefined): Transporter | null {
  if (!smtpUrl) return null;
  return createTransport({
    url: smtpUrl,
    // Connections are kept and reused: a new one costs a handshake (and, at many servers, a
    // deliberate pause before the greeting: a tenth of a second at our test server), which
    // a bulletin to 3,000 people would pay 3,000 times.
    pool: true,
    maxConnections: 2,
    maxMessages: 500,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export interface SendResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Claimed but handed back untried (server down, lease low, stopping). */
  released: number;
}

/**
 * Sends what is due: claims a batch, sends each message, and records the
 * outcome on its row. A failure waits by back-off and is tried again, up to
 * MAIL_MAX_ATTEMPTS; a refusal the server says is permanent fails at once.
 * If the server cannot be reached, the rest of the batch is handed back untried.
 */
export async function sendDueMail(
  services: Services,
  transport: Transporter | null,
  workerId: string,
  options: { batchSize?: number; leaseMs?: number; signal?: AbortSignal } = {},
): Promise<SendResult> {
  const result: SendResult = { claimed: 0, sent: 0, retrying: 0, failed: 0, released: 0 };
  if (!transport) return result;
  const { db, dialect, clock, config, log } = services;
  const leaseMs = options.leaseMs ?? MAIL_LEASE_MS;
  const claimedAt = clock.now();
  const rows = await claimDue(db, dialect, 'outbox', {
    workerId,
    limit: options.batchSize ?? MAIL_BATCH,
    leaseMs,
    now: claimedAt,
  });
  result.claimed = rows.length;
  const idDomain = messageIdDomain(config.baseUrl);

  for (const [i, row] of rows.entries()) {
    const reserve = Math.min(SEND_RESERVE_MS, leaseMs / 2);
    const stop = options.signal?.aborted || !leaseHasRoom(claimedAt, leaseMs, reserve, clock.now());
    if (stop) {
      result.released += await release(services, rows.slice(i), workerId);
      break;
    }
    if (row.attempts > MAIL_MAX_ATTEMPTS) {
      // Only reachable when earlier attempts never finished (the process died mid-send).
      await recordFailure(services, row, workerId, 'Gave up: earlier attempts did not finish', true);
      result.failed++;
      continue;
    }
    try {
      await transport.sendMail(toMailOptions(row, config.mailFrom, idDomain));
    } catch (err) {
      const failed = await recordFailure(services, row, workerId, describe(err), isPermanent(err));
      result[failed ? 'failed' : 'retrying']++;
      log.warn({ outboxId: row.id, attempt: row.attempts, error: describe(err) }, 'email not sent');
      if (serverUnreachable(err)) {
        result.released += await release(services, rows.slice(i + 1), workerId);
        break;
      }
      continue;
    }
    // Sent: a one-time link it carried has done its work and is cut out of the stored text.
    const redacted = row.secrets ? withoutSecrets(row) : {};
    const kept = await db
      .updateTable('outbox')
      .set({
        status: 'sent',
        sent_at: clock.now().toISOString(),
        last_error: null,
        locked_by: null,
        locked_until: null,
        ...redacted,
      })
      .where('id', '=', row.id)
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    if (kept.numUpdatedRows === 0n) {
      log.warn({ outboxId: row.id }, 'email sent after its lease ran out');
      // Whoever holds the row now will send it again; its secrets still leave the stored text.
      if (row.secrets) await db.updateTable('outbox').set(redacted).where('id', '=', row.id).execute();
    }
    result.sent++;
  }
  return result;
}

/** Records a failed attempt; returns whether the message has now failed for good. */
async function recordFailure(
  services: Services,
  row: Selectable<OutboxTable>,
  workerId: string,
  error: string,
  permanent: boolean,
): Promise<boolean> {
  const now = services.clock.now();
  const next = permanent
    ? ({ status: 'failed' } as const)
    : afterFailure(row.attempts, MAIL_MAX_ATTEMPTS, now);
  await services.db
    .updateTable('outbox')
    .set({
      status: next.status,
      last_error: error.slice(0, 1000),
      next_attempt_at: next.status === 'pending' ? next.nextAttemptAt : row.next_attempt_at,
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', row.id)
    .where('locked_by', '=', workerId)
    .execute();
  return next.status === 'failed';
}

async function release(
  services: Services,
  rows: Selectable<OutboxTable>[],
  workerId: string,
): Promise<number> {
  const ids = rows.map((r) => r.id);
  await releaseClaims(services.db, 'outbox', ids, workerId);
  return ids.length;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  message?: string;
}
const asSmtpError = (err: unknown): SmtpError => (typeof err === 'object' && err !== null ? err : {});

/** The error as an admin reads it on the outbox page: nodemailer's code and the server's words. */
function describe(err: unknown): string {
  const e = asSmtpError(err);
  const text = e.message ?? String(err);
  return e.code && !text.startsWith(e.code) ? `${e.code}: ${text}` : text;
}

/** The server refused this message or address for good (5xx, except 503 which is a session mix-up). */
export function isPermanent(err: unknown): boolean {
  if (err instanceof InvalidMailError) return true;
  const { code, responseCode } = asSmtpError(err);
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') &&
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600 &&
    responseCode !== 503
  );
}

const SERVER_LEVEL = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EAUTH',
  'ENOAUTH',
  'EPROXY',
]);

/** The failure was the server or its settings, not this message: the rest of the batch would fail too. */
export function serverUnreachable(err: unknown): boolean {
  const { code } = asSmtpError(err);
  return code !== undefined && SERVER_LEVEL.has(code);
}
