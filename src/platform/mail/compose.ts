import { hostname } from 'node:os';
import type { Selectable } from 'kysely';
import type { SendMailOptions } from 'nodemailer';
import type { OutboxTable } from '../db/schema.ts';
import { type MailAttachment, parseAttachments } from './outbox.ts';

/**
 * Turns an outbox row into what nodemailer sends. Pure, so what a recipient
 * receives is decided here and can be tested without a server.
 */
export function toMailOptions(row: Selectable<OutboxTable>, from: string, idDomain: string): SendMailOptions {
  const attachments = parseAttachments(row.attachments);
  const invite = attachments.find(isCalendar);
  const others = attachments.filter((a) => a !== invite);
  return {
    from,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body ?? undefined,
    // A stable Message-ID: if a lost lease means a message goes twice, mail
    // systems that de-duplicate by Message-ID will show it once.
    messageId: `<${row.id}@${idDomain}>`,
    // The first calendar file goes as nodemailer's icalEvent: a text/calendar
    // alternative with its METHOD, which Outlook shows as an invitation to accept.
    icalEvent: invite
      ? { filename: invite.filename, method: calendarMethod(invite), content: invite.content }
      : undefined,
    attachments: others.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: isCalendar(a)
        ? `text/calendar; charset=utf-8; method=${calendarMethod(a)}`
        : a.contentType,
    })),
  };
}

const isCalendar = (a: MailAttachment): boolean => /^text\/calendar\b/i.test(a.contentType);

/** REQUEST, CANCEL …: said explicitly, or in the content type, or read from the .ics itself. */
export function calendarMethod(a: MailAttachment): string {
  const found =
    a.method ??
    /;\s*method=([A-Za-z-]+)/i.exec(a.contentType)?.[1] ??
    /^METHOD:([A-Za-z-]+)/m.exec(a.content)?.[1];
  return (found ?? 'REQUEST').toUpperCase();
}

/**
 * The domain for Message-IDs: the Hub's own host from BASE_URL, so ids are
 * unique to this installation. When BASE_URL is unset (config then says
 * http://localhost:PORT) or names a loopback address, the machine's own name
 * is used instead: "localhost" is every machine's name, so mail systems that
 * de-duplicate by Message-ID could take two installations' messages for one.
 */
export function messageIdDomain(baseUrl: string, machine: string = hostname()): string {
  let host = '';
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    // An unreadable BASE_URL is config's to refuse; here the machine's name will do.
  }
  if (host && !isLoopback(host)) return host;
  const name = machine.toLowerCase().replace(/[^a-z0-9.-]/g, '');
  return name && !isLoopback(name) ? name : 'practice-hub.invalid';
}

const isLoopback = (host: string): boolean =>
  /^(localhost|localhost\.localdomain|.*\.localhost|127(\.\d+){3}|\[::1\]|::1)$/i.test(host);
