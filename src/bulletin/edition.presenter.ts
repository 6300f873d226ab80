import { madeOnceFor } from '../platform/views/kept.ts';
import type { ArticleRow, EditionHead } from './editions.repo.ts';
import { editionTitle, monthName } from './editions.rules.ts';
import { imageSrc, shownImage } from './images.presenter.ts';
import { articleHtml } from './markdown.ts';
import { type ArticleImage, imageOfRow, type SentRecord } from './record.ts';
import type { BulletinArticlesTable, BulletinEditionsTable, BulletinFeedbackTable } from './schema.ts';
import type { ForYou, GeneratedSections } from './sections.service.ts';
import { type TrainingSection, trainingFor } from './training.rules.ts';

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

const fromRows = (articles: readonly ArticleRow[]): ArticleLike[] =>
  articles.map((a) => ({ ...a, mustRead: a.must_read === 1, image: imageOfRow(a) }));

const show = (articles: readonly ArticleLike[], srcOf: (imageId: string) => string) =>
  articles.map((a) => ({
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
type ShownArticle = ReturnType<typeof show>[number];

/**
 * The articles as the web shows them, and the training list for a manager or anyone else:
 * worked out once for each set of rows and sections the reading service keeps between readers
 * (frozen: ./reading.service.ts), so that the page's kept parts know them without hashing them
 * again (platform/views/kept.ts).
 */
const shownOfRows = new WeakMap<readonly ArticleRow[], readonly ShownArticle[]>();
const shownFromRows = (rows: readonly ArticleRow[], srcOf: (imageId: string) => string) =>
  srcOf === imageSrc
    ? madeOnceFor(shownOfRows, rows, () => show(fromRows(rows), imageSrc))
    : show(fromRows(rows), srcOf);

const trainingForManagers = new WeakMap<TrainingSection, TrainingSection>();
const trainingForOthers = new WeakMap<TrainingSection, TrainingSection>();
const trainingShown = (section: TrainingSection, isManager: boolean) =>
  madeOnceFor(isManager ? trainingForManagers : trainingForOthers, section, () =>
    trainingFor(section, isManager),
  );

/** The parts a reading page, the as-sent page and the print page share. */
function body(
  e: { month: string; welcome: string; sign_off: string },
  shown: readonly ShownArticle[],
  sections: GeneratedSections,
  isManager: boolean,
  live: boolean,
) {
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
    training: trainingShown(sections.training, isManager),
    // Apart from the list, which stays the same between readers while its places do.
    placesNote: live
      ? `Places as of ${CLOCK.format(new Date(sections.at))}`
      : `Places as at ${CLOCK.format(new Date(sections.at))} when the edition was sent`,
  };
}

export interface ReadData {
  edition: EditionHead;
  articles: readonly ArticleRow[];
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
  const b = body(e, shownFromRows(d.articles, imageSrc), d.sections, d.isManager, true);
  return {
    ...b,
    title: editionTitle(e.month),
    errors: kept?.errors,
    id: e.id,
    status: STATUS_TAGS[e.status],
    published: e.status === 'published',
    publishedOn: whenWords(e.published_at),
    correction: e.correction_note ? { note: e.correction_note, when: whenWords(e.corrected_at) } : null,
    // The reader's own state beside the article, which stays as it is kept (`shown`).
    articles: b.articles.map((a) => ({
      ...a,
      shown: a,
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
    show(r.articles, imageSrc),
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
    ...body(e, shownFromRows(d.articles, srcOf ?? imageSrc), d.sections, true, true),
    title: `${editionTitle(e.month)} (print)`,
    id: e.id,
  };
}
