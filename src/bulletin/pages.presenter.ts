import { STATUS_TAGS, whenWords } from './edition.presenter.ts';
import { editionTitle } from './editions.rules.ts';
import type { EditionStatus } from './schema.ts';

/** Teams smaller than this are not shown as a share, as elsewhere in the Hub. */
export const MIN_GROUP = 5;

export function presentArchive(
  d: {
    editions: {
      id: string;
      month: string;
      status: EditionStatus;
      published_at: string | null;
      scheduled_for: string | null;
      correction_note: string | null;
    }[];
    editor: boolean;
    searched: boolean;
  },
  q: string,
  canChooseEditors: boolean,
) {
  const n = d.editions.length;
  return {
    title: q ? `Bulletin editions with “${q}”` : 'Practice and Learning Bulletin',
    q,
    searched: d.searched,
    resultsHeading: `${n === 1 ? '1 edition has' : `${n} editions have`} “${q}”`,
    editor: d.editor,
    canChooseEditors,
    editions: d.editions.map((e) => ({
      id: e.id,
      title: editionTitle(e.month),
      status: STATUS_TAGS[e.status],
      line:
        e.status === 'published'
          ? `Published ${whenWords(e.published_at)}${e.correction_note ? ' (corrected since)' : ''}`
          : e.status === 'scheduled'
            ? `To be sent ${whenWords(e.scheduled_for)}`
            : 'Being written',
    })),
  };
}

const STATE = { pending: 'Waiting to be sent', sent: 'Sent', failed: 'Failed' } as const;

export function presentReport(r: {
  edition: { id: string; month: string };
  rows: {
    name: string;
    email: string;
    status: 'pending' | 'sent' | 'failed' | null;
    last_error: string | null;
  }[];
  queued: number;
  sent: number;
  failed: number;
}) {
  return {
    title: `Send report: ${editionTitle(r.edition.month)}`,
    id: r.edition.id,
    total: r.rows.length,
    queued: r.queued,
    sent: r.sent,
    failed: r.failed,
    rows: r.rows.map((x) => [
      { text: x.name },
      { text: x.email },
      { text: x.status ? STATE[x.status] : 'Being prepared' },
      { text: x.status === 'failed' ? (x.last_error ?? 'The mail server refused it') : '' },
    ]),
  };
}

export function presentReaders(r: {
  edition: { id: string; month: string };
  teams: { team: string; service: string; people: number; read: number }[];
  missing: { article: { id: string; title: string }; people: { name: string; team: string | null }[] }[];
  feedback: { rating: number; wish: string }[] | null;
  votes: { title: string; yes: number; all: number }[] | null;
}) {
  const fb = r.feedback;
  return {
    title: `Who has read the ${editionTitle(r.edition.month)}`,
    id: r.edition.id,
    minGroup: MIN_GROUP,
    teamRows: r.teams.map((t) => {
      const people = Number(t.people);
      const read = Number(t.read);
      return [
        { text: t.service },
        { text: t.team },
        {
          text:
            people < MIN_GROUP
              ? `Fewer than ${MIN_GROUP} people in the team: not shown`
              : `${read} of ${people} people (${Math.round((100 * read) / people)}%)`,
        },
      ];
    }),
    missing: r.missing.map((m) => ({ id: m.article.id, title: m.article.title, people: m.people })),
    feedback: fb
      ? {
          summary:
            fb.length < MIN_GROUP
              ? `${fb.length === 1 ? '1 person has' : `${fb.length} people have`} rated this edition: the average is shown from ${MIN_GROUP} ratings.`
              : `${fb.length} people rated this edition: on average ${(fb.reduce((s, f) => s + f.rating, 0) / fb.length).toFixed(1)} out of 5.`,
          wishes: fb.map((f) => f.wish.trim()).filter(Boolean),
          votes: (r.votes ?? []).map((v) => [
            { text: v.title },
            { text: String(Number(v.yes)) },
            { text: String(Number(v.all)) },
          ]),
        }
      : null,
  };
}
