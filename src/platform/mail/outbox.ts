import { sql } from 'kysely';
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

interface OutboxGroup {
  body: Omit<MailMessage, 'to'>;
  /** The attachments and secrets as JSON, to compare. */
  extras: string;
  recipients: [id: string, to: string][];
}

/** Recipients whose messages are the same but for the address, in one statement (100 ids and addresses). */
const RECIPIENTS_PER_STATEMENT = 100;

/**
 * Queues many messages in as few statements as will carry them, each distinct body sent to the
 * database once. A bulletin's readers mostly share one message (the same "For you"): each group
 * of messages the same but for the address goes in as one body and a list of ids and addresses,
 * so 3,000 readers of about 100 kB each are a few dozen bodies on the wire, not 300 MB (which on
 * PostgreSQL the driver also copied into buffers for each statement, and the sending process's
 * memory held them until the next collection). The rows are as they would be one by one. Every
 * message is checked first, so a bad one queues none. Returns their ids, in order.
 */
export async function enqueueMails(
  db: DbOrTrx,
  clock: Clock,
  msgs: readonly MailMessage[],
): Promise<string[]> {
  const checked = msgs.map(checkMessage);
  const now = clock.now().toISOString();
  const ids = checked.map(() => newId());
  // Grouped by the text, then the rest compared: the bodies are long, and messages composed once
  // share the very same strings, which a Map compares at once.
  const byText = new Map<string, OutboxGroup[]>();
  checked.forEach(({ to, ...body }, i) => {
    const same = byText.get(body.text) ?? [];
    byText.set(body.text, same);
    const extras = JSON.stringify([body.attachments ?? [], body.secrets ?? []]);
    let group = same.find(
      (g) => g.body.subject === body.subject && g.body.html === body.html && g.extras === extras,
    );
    if (!group) {
      group = { body, extras, recipients: [] };
      same.push(group);
    }
    group.recipients.push([ids[i]!, to]);
  });
  for (const { body, recipients } of [...byText.values()].flat())
    for (let i = 0; i < recipients.length; i += RECIPIENTS_PER_STATEMENT) {
      const chunk = recipients.slice(i, i + RECIPIENTS_PER_STATEMENT);
      // VALUES names its columns column1, column2 on both databases.
      const list = sql.join(chunk.map(([id, to]) => sql`(${id}, ${to})`));
      await db
        .insertInto('outbox')
        .columns([
          'id',
          'to_address',
          'created_at',
          'subject',
          'text_body',
          'html_body',
          'attachments',
          'status',
          'attempts',
          'next_attempt_at',
          'secrets',
        ])
        .expression(
          sql`select r.column1, r.column2, ${now}, ${body.subject}, ${body.text}, ${body.html ?? null},
            ${JSON.stringify(body.attachments ?? [])}, 'pending', 0, ${now},
            ${body.secrets?.length ? JSON.stringify(body.secrets) : null}
            from (values ${list}) as r`,
        )
        .execute();
    }
  return ids;
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
