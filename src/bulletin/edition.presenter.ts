import type { ArticleRow, EditionHead } from './editions.repo.ts';
import { editionTitle, monthName } from './editions.rules.ts';
import { imageSrc, shownImage } from './images.presenter.ts';
import { articleHtml } from './markdown.ts';
import { type ArticleImage, imageOfRow, type SentRecord } from './record.ts';
import type { BulletinArticlesTable, BulletinEditionsTable, BulletinFeedbackTable } from './schema.ts';
import type { ForYou, GeneratedSections } from './sections.service.ts';
import { trainingFor } from './training.rules.ts';

const CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
});
const WHEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const STATUS_TAGS = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--blue' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
} as const;

export const whenWords = (iso: string | null) => (iso ? WHEN.format(new Date(iso)) : '');

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

type ArticleLike = Pick<BulletinArticlesTable, 'id' | 'kind' | 'title' | 'body' | 'credit'> & {
  mustRead: boolean;
  image?: ArticleImage | null;
};

const fromRows = (articles: ArticleRow[]): ArticleLike[] =>
  articles.map((a) => ({ ...a, mustRead: a.must_read === 1, image: imageOfRow(a) }));

/** The parts a reading page, the as-sent page and the print page share. */
function body(
  e: { month: string; welcome: string; sign_off: string },
  articles: ArticleLike[],
  sections: GeneratedSections,
  isManager: boolean,
  live: boolean,
  srcOf: (imageId: string) => string = imageSrc,
) {
  const training = trainingFor(sections.training, isManager);
  const shown = articles.map((a) => ({
    id: a.id,
    anchor: `article-${a.id}`,
    kind: a.kind,
    title: a.title,
    html: articleHtml(a.body),
    mustRead: a.mustRead,
    credit: a.credit,
    // Pull-quotes have no image; an article's shows under its heading.
    image: a.kind === 'article' ? shownImage(a.image, srcOf) : null,
  }));
  const contents = [
    ...shown.filter((a) => a.kind === 'article').map((a) => ({ text: a.title, href: `#${a.anchor}` })),
    ...(sections.focus ? [{ text: 'Practice focus', href: '#practice-focus' }] : []),
    ...(sections.lessons.length
      ? [{ text: 'Learning from complaints, audits and reviews', href: '#lessons' }]
      : []),
    { text: 'Training available', href: '#training' },
    ...(sections.youSaid.length ? [{ text: 'You said, we did', href: '#you-said' }] : []),
  ];
  return {
    heading: editionTitle(e.month),
    month: monthName(e.month),
    welcome: paragraphs(e.welcome),
    signOff: e.sign_off.split('\n').filter((l) => l.trim()),
    articles: shown,
    contents,
    focus: sections.focus,
    lessons: sections.lessons,
    youSaid: sections.youSaid,
    training: {
      ...training,
      placesNote: live
        ? `Places as of ${CLOCK.format(new Date(sections.at))}`
        : `Places as at ${CLOCK.format(new Date(sections.at))} when the edition was sent`,
    },
  };
}

export interface ReadData {
  edition: EditionHead;
  articles: ArticleRow[];
  sections: GeneratedSections;
  forYou: ForYou;
  confirmed: Set<string>;
  votes: Map<string, boolean>;
  feedback: BulletinFeedbackTable | undefined;
  editor: boolean;
  isManager: boolean;
}

/** The web edition for one reader: live sections, their must-reads, votes and feedback. */
export function presentEdition(d: ReadData, kept?: { values: Record<string, unknown>; errors: unknown }) {
  const e = d.edition;
  const b = body(e, fromRows(d.articles), d.sections, d.isManager, true);
  return {
    ...b,
    title: editionTitle(e.month),
    errors: kept?.errors,
    id: e.id,
    status: STATUS_TAGS[e.status],
    published: e.status === 'published',
    publishedOn: whenWords(e.published_at),
    correction: e.correction_note ? { note: e.correction_note, when: whenWords(e.corrected_at) } : null,
    articles: b.articles.map((a) => ({
      ...a,
      confirmed: d.confirmed.has(a.id),
      useful: d.votes.get(a.id),
    })),
    forYou: d.forYou.lines,
    feedback: {
      rating: String(kept?.values.rating ?? d.feedback?.rating ?? ''),
      wish: String(kept?.values.wish ?? d.feedback?.wish ?? ''),
      given: !!d.feedback,
    },
    editor: d.editor,
  };
}

/** The edition exactly as it was sent. */
export function presentAsSent(e: BulletinEditionsTable, r: SentRecord) {
  const b = body(
    { month: r.month, welcome: r.welcome, sign_off: r.signOff },
    r.articles,
    r.sections,
    true,
    false,
  );
  return { ...b, title: `${editionTitle(e.month)} as sent`, id: e.id, sentOn: whenWords(r.sentAt) };
}

/**
 * The print page (and PDF): the web edition without forms, for everyone the
 * same (managers' courses included). The PDF gives its images as data: addresses.
 */
export function presentPrint(d: ReadData, srcOf?: (imageId: string) => string) {
  const e = d.edition;
  return {
    ...body(e, fromRows(d.articles), d.sections, true, true, srcOf),
    title: `${editionTitle(e.month)} (print)`,
    id: e.id,
  };
}
