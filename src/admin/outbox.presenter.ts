import type { Selectable } from 'kysely';
import type { OutboxTable } from '../platform/db/schema.ts';
import { MAIL_MAX_ATTEMPTS } from '../platform/mail/backoff.ts';
import { parseAttachments } from '../platform/mail/outbox.ts';
import { formatDateTime, listTitle, pagination, plural } from '../platform/views/format.ts';
import type { OutboxListRow, OutboxStatus } from './outbox.repo.ts';

/** Outbox rows → what the admin pages show, with all their wording. Pure. */

export const OUTBOX_PAGE_SIZE = 50;

const FILTERS: { status?: OutboxStatus; text: string; caption: string }[] = [
  { text: 'All', caption: 'All messages' },
  { status: 'pending', text: 'Not sent yet', caption: 'Messages not sent yet' },
  { status: 'sent', text: 'Sent', caption: 'Sent messages' },
  { status: 'failed', text: 'Failed', caption: 'Messages that failed' },
];

type StatusRow = Pick<OutboxListRow, 'status' | 'attempts' | 'locked_until'>;

/** The status as words on a coloured tag (the default blue for 'Sending'); the words alone carry the meaning. */
export function statusTag(row: StatusRow, now: Date): { text: string; classes: string } {
  if (row.status === 'sent') return { text: 'Sent', classes: 'govuk-tag--green' };
  if (row.status === 'failed') return { text: 'Failed', classes: 'govuk-tag--red' };
  if (row.locked_until && row.locked_until > now.toISOString()) return { text: 'Sending', classes: '' };
  if (row.attempts > 0) return { text: 'Retrying', classes: 'govuk-tag--yellow' };
  return { text: 'Waiting', classes: 'govuk-tag--grey' };
}

export const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const tagHtml = (tag: { text: string; classes: string }) =>
  `<strong class="${['govuk-tag', tag.classes].filter(Boolean).join(' ')}">${escapeHtml(tag.text)}</strong>`;

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function presentOutboxList(input: {
  rows: OutboxListRow[];
  counts: Record<OutboxStatus, number>;
  status?: OutboxStatus;
  page: number;
  smtpConfigured: boolean;
  now: Date;
}) {
  const { rows, counts, status, page, now } = input;
  const total = status ? counts[status] : counts.pending + counts.sent + counts.failed;
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const href = (s: OutboxStatus | undefined, p = 1) => {
    const qs = new URLSearchParams();
    if (s) qs.set('status', s);
    if (p > 1) qs.set('page', String(p));
    const q = qs.toString();
    return q ? `/admin/outbox?${q}` : '/admin/outbox';
  };
  const filter = FILTERS.find((f) => f.status === status) ?? FILTERS[0]!;
  return {
    // Each tab and page of the outbox titled apart: "Outbox: Failed, page 2 of 3".
    documentTitle: listTitle('Outbox', { page, pages, filtered: status ? `: ${filter.text}` : false }),
    smtpConfigured: input.smtpConfigured,
    maxAttempts: MAIL_MAX_ATTEMPTS,
    filters: FILTERS.map((f) => ({
      text: `${f.text} (${f.status ? counts[f.status] : counts.pending + counts.sent + counts.failed})`,
      href: href(f.status),
      active: f.status === status,
    })),
    caption:
      pages > 1
        ? `${filter.caption}, newest first (page ${page} of ${pages})`
        : `${filter.caption}, newest first`,
    empty:
      rows.length === 0
        ? page > 1
          ? 'There are no messages on this page.'
          : 'There are no messages.'
        : undefined,
    rows: rows.map((r) => [
      {
        html: `<a class="govuk-link" href="/admin/outbox/${encodeURIComponent(r.id)}">${escapeHtml(r.subject)}</a>`,
      },
      { text: r.to_address },
      { text: formatDateTime(r.created_at), classes: 'hub-nowrap' },
      { html: tagHtml(statusTag(r, now)) },
      { text: String(r.attempts), format: 'numeric' },
      { text: r.last_error ? shorten(r.last_error, 120) : '' },
    ]),
    pagination: pagination(page, pages, (n) => href(status, n)),
  };
}

/**
 * One-time sign-in links are secrets of the person they were sent to: nobody
 * reading the outbox may use one. A message that still holds its link (not
 * sent yet, or failed) is not shown at all; once sent, the link has been cut
 * out of the stored text (see withoutSecrets). This is the last guard, for
 * text from before that was so.
 */
export function hideSecretLinks(text: string): string {
  return text.replace(
    /\/set-password\/[A-Za-z0-9_-]+/g,
    '/set-password/[link hidden: it is for the recipient only]',
  );
}

export const SECRET_WITHHELD =
  'This message holds a one-time link that only its recipient may use, so its text is not shown. Once it has been sent, the link is removed from the stored copy and the text can be read here.';

export function presentOutboxMessage(row: Selectable<OutboxTable>, now: Date, smtpConfigured: boolean) {
  let attachments: string;
  try {
    const files = parseAttachments(row.attachments);
    attachments = files.length ? files.map((a) => `${a.filename} (${a.contentType})`).join(', ') : 'None';
  } catch {
    attachments = 'Cannot be read';
  }
  const summary: { key: { text: string }; value: { text?: string; html?: string } }[] = [
    { key: { text: 'To' }, value: { text: row.to_address } },
    { key: { text: 'Status' }, value: { html: tagHtml(statusTag(row, now)) } },
    { key: { text: 'Queued' }, value: { text: formatDateTime(row.created_at) } },
    { key: { text: 'Attempts' }, value: { text: plural(row.attempts, 'attempt', 'attempts') } },
  ];
  if (row.status === 'pending' && smtpConfigured) {
    summary.push({ key: { text: 'Next attempt' }, value: { text: formatDateTime(row.next_attempt_at) } });
  }
  if (row.sent_at) summary.push({ key: { text: 'Sent' }, value: { text: formatDateTime(row.sent_at) } });
  if (row.last_error) summary.push({ key: { text: 'Last error' }, value: { text: row.last_error } });
  summary.push({ key: { text: 'Attachments' }, value: { text: attachments } });
  summary.push({
    key: { text: 'Formats' },
    value: { text: row.html_body ? 'Plain text and HTML (the plain text is shown below)' : 'Plain text' },
  });
  const withheld = row.secrets !== null;
  const text = withheld ? SECRET_WITHHELD : hideSecretLinks(row.text_body);
  return { id: row.id, status: row.status, subject: row.subject, summary, text, withheld, smtpConfigured };
}
