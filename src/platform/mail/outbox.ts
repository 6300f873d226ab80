import type { Clock } from '../clock.ts';
import type { DbOrTrx } from '../db/db.ts';
import { newId } from '../ids.ts';

/**
 * A file sent with a message. A calendar invite is an attachment whose
 * contentType starts with 'text/calendar'; `method` (REQUEST, CANCEL …) must
 * match the METHOD inside the .ics, and is what makes Outlook offer Accept/Decline.
 */
export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
  method?: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /**
   * One-time secrets the message carries (a set-password token): stored only
   * until the message is sent, then cut out of the stored bodies, so no usable
   * link stays readable in the database. While it waits, nobody is shown it.
   */
  secrets?: string[];
}

export class InvalidMailError extends Error {}

// Deliberately loose: one address, something@domain, nothing that could start a
// new header line. The SMTP server is the real judge of whether it exists.
const ADDRESS =
  /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\]+$|^[^\s@<>",;:\\]+@localhost$/;

export function isPlausibleAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value);
}

/** Checks a message and returns it tidied; throws InvalidMailError if it cannot be sent as it is. */
export function checkMessage(msg: MailMessage): MailMessage {
  const to = msg.to.trim();
  if (!isPlausibleAddress(to)) throw new InvalidMailError(`Not an email address: ${JSON.stringify(msg.to)}`);
  // A subject is one header line: a line break in it would be an injection or a mistake.
  const subject = msg.subject.replace(/[\r\n]+/g, ' ').trim();
  if (!subject) throw new InvalidMailError('A message needs a subject');
  for (const a of msg.attachments ?? []) {
    if (!a.filename.trim() || /[\r\n/\\]/.test(a.filename)) {
      throw new InvalidMailError(`Bad attachment name: ${JSON.stringify(a.filename)}`);
    }
    if (!/^[\w.+-]+\/[\w.+-]+/.test(a.contentType)) {
      throw new InvalidMailError(`Bad attachment type: ${JSON.stringify(a.contentType)}`);
    }
  }
  return { ...msg, to, subject };
}

/**
 * Queues a message for the sender. Pass the transaction that makes the change
 * the message is about: the message then exists if and only if that change
 * commits, and nothing is sent for work that was rolled back. Returns its id.
 */
export async function enqueueMail(db: DbOrTrx, clock: Clock, msg: MailMessage): Promise<string> {
  const [id] = await enqueueMails(db, clock, [msg]);
  return id!;
}

/**
 * Queues many messages in as few statements as will carry them (a bulletin's batch of readers:
 * one round trip to PostgreSQL for 25 messages, not one each). Every message is checked
 * first, so a bad one queues none. Returns their ids, in order.
 */
export async function enqueueMails(
  db: DbOrTrx,
  clock: Clock,
  msgs: readonly MailMessage[],
): Promise<string[]> {
  const checked = msgs.map(checkMessage);
  const now = clock.now().toISOString();
  const rows = checked.map((m) => ({
    id: newId(),
    created_at: now,
    to_address: m.to,
    subject: m.subject,
    text_body: m.text,
    html_body: m.html ?? null,
    attachments: JSON.stringify(m.attachments ?? []),
    status: 'pending' as const,
    attempts: 0,
    next_attempt_at: now,
    locked_by: null,
    locked_until: null,
    last_error: null,
    sent_at: null,
    secrets: m.secrets?.length ? JSON.stringify(m.secrets) : null,
  }));
  // 25 rows a statement: far inside both databases' limits on parameters, and a bulletin's 25
  // messages of about 100 kB each make a statement of a few megabytes, not tens.
  for (let i = 0; i < rows.length; i += 25)
    await db
      .insertInto('outbox')
      .values(rows.slice(i, i + 25))
      .execute();
  return rows.map((r) => r.id);
}

/** What replaces a one-time secret in a message's stored text once it has been sent. */
export const SECRET_REMOVED = 'link-removed-after-sending';

/**
 * The stored bodies of a sent message with its secrets cut out, and the
 * secrets column cleared: what the sender writes back after a send.
 */
export function withoutSecrets(row: { text_body: string; html_body: string | null; secrets: string | null }) {
  const secrets = parseSecrets(row.secrets);
  const cut = (body: string) => secrets.reduce((b, s) => b.split(s).join(SECRET_REMOVED), body);
  return {
    text_body: cut(row.text_body),
    html_body: row.html_body === null ? null : cut(row.html_body),
    secrets: null,
  };
}

/** The secrets column read back (never empty strings: splitting on one would wreck the text). */
export function parseSecrets(json: string | null): string[] {
  if (!json) return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string' && s.length > 0) : [];
}

/**
 * The attachments column read back. A damaged value throws rather than reading
 * as none: sending an invitation without its invite would be a silent loss.
 */
export function parseAttachments(json: string): MailAttachment[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new InvalidMailError('The attachments of this message cannot be read');
  }
  if (!Array.isArray(value)) throw new InvalidMailError('The attachments of this message cannot be read');
  return value as MailAttachment[];
}
