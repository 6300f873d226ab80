import { ROLE_NAMES, ROLES } from '../platform/policy/roles.ts';
import { STATE_WORDS } from './contributions.presenter.ts';
import { STATUS_TAGS, whenWords } from './edition.presenter.ts';
import type { ArticleRow } from './editions.repo.ts';
import { type Distribution, distributionWords, editionTitle, parseDistribution } from './editions.rules.ts';
import { imageOf, presentImageForm, shownImage } from './images.presenter.ts';
import { imageOfRow } from './record.ts';
import type { BulletinArticlesTable, BulletinEditionsTable, ContributionState } from './schema.ts';

type Kept = { values: Record<string, unknown>; errors: unknown } | undefined;
const keptIf = (kept: Kept, form: string) => (kept && kept.values.form === form ? kept.values : undefined);
const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** The editor's page of one edition: its details, articles, sending, scheduling. */
export function presentEditor(
  e: BulletinEditionsTable,
  articles: BulletinArticlesTable[],
  choices: { services: { id: string; name: string }[]; teams: { id: string; name: string }[] },
  recipients: number,
  kept: Kept,
) {
  const d = parseDistribution(e.distribution);
  const names = new Map<string, string>([
    ...choices.services.map((s) => [s.id, s.name] as const),
    ...choices.teams.map((t) => [t.id, t.name] as const),
    ...ROLES.map((r) => [r, ROLE_NAMES[r]] as const),
  ]);
  const details = keptIf(kept, 'details');
  const kind = str(details?.kind, d.kind);
  const chosen = (k: Distribution['kind']) =>
    details ? list(details[k]) : d.kind === k && 'ids' in d ? d.ids : [];
  const article = keptIf(kept, 'article');
  const scheduleKept = keptIf(kept, 'schedule');
  return {
    title: `Edit the ${editionTitle(e.month)}`,
    errors: kept?.errors,
    id: e.id,
    heading: editionTitle(e.month),
    status: STATUS_TAGS[e.status],
    published: e.status === 'published',
    scheduledFor: e.status === 'scheduled' ? whenWords(e.scheduled_for) : null,
    publishedOn: whenWords(e.published_at),
    distribution: distributionWords(d, names),
    recipients,
    details: {
      welcome: str(details?.welcome, e.welcome),
      signOff: str(details?.signOff, e.sign_off),
      trainingFrom: str(details?.trainingFrom, e.training_from),
      trainingTo: str(details?.trainingTo, e.training_to),
      kindItems: [
        { value: 'everyone', text: 'Everyone working here', checked: kind === 'everyone' },
        { value: 'services', text: 'Chosen services', checked: kind === 'services' },
        { value: 'teams', text: 'Chosen teams', checked: kind === 'teams' },
        { value: 'roles', text: 'Chosen roles', checked: kind === 'roles' },
      ],
      services: choices.services.map((s) => ({
        value: s.id,
        text: s.name,
        checked: chosen('services').includes(s.id),
      })),
      teams: choices.teams.map((t) => ({
        value: t.id,
        text: t.name,
        checked: chosen('teams').includes(t.id),
      })),
      roles: ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r], checked: chosen('roles').includes(r) })),
    },
    articles: articles.map((a) => ({
      id: a.id,
      title: a.kind === 'pull-quote' ? `Pull-quote: ${a.title || a.body.slice(0, 60)}` : a.title,
      mustRead: a.must_read === 1,
      credit: a.credit,
      href: `/bulletin/${e.id}/articles/${a.id}`,
    })),
    newArticle: {
      title: str(article?.title, ''),
      body: str(article?.body, ''),
      kind: str(article?.kind, 'article'),
      mustRead: article?.mustRead === 'yes',
    },
    sendAt: { day: str(scheduleKept?.day, ''), time: str(scheduleKept?.time, '') },
  };
}

/** An article's page: its words' form, and for an article (not a pull-quote) its image's forms. */
export function presentArticleForm(e: BulletinEditionsTable, a: ArticleRow, kept: Kept) {
  // The words' form has no name; the image's forms are named, and their answers are theirs.
  const v = kept && !kept.values.form ? kept.values : undefined;
  const published = e.status === 'published';
  return {
    title: `Change “${a.title || 'pull-quote'}”`,
    errors: kept?.errors,
    editionId: e.id,
    id: a.id,
    published,
    values: {
      title: str(v?.title, a.title),
      body: str(v?.body, a.body),
      mustRead: v ? v.mustRead === 'yes' : a.must_read === 1,
      correction: str(v?.correction, ''),
    },
    image:
      a.kind === 'article'
        ? {
            ...presentImageForm(shownImage(imageOfRow(a)), keptIf(kept, 'image'), published),
            removeCorrection: str(keptIf(kept, 'remove-image')?.correction, ''),
          }
        : null,
  };
}

type WithImage = Parameters<typeof imageOf>[0];

export function presentContributionsForEditor(
  rows: ({
    id: string;
    title: string;
    body: string;
    state: ContributionState;
    editor_note: string | null;
    created_at: string;
    author: string;
  } & WithImage)[],
  editions: { id: string; month: string; status: string }[],
) {
  const open = editions.filter((e) => e.status !== 'published');
  return {
    title: 'Contributions to the bulletin',
    editionItems: open.map((e) => ({ value: e.id, text: editionTitle(e.month) })),
    rows: rows.map((r) => ({
      ...r,
      state: STATE_WORDS[r.state],
      open: r.state === 'submitted' || r.state === 'changes-asked',
      sent: whenWords(r.created_at),
      image: imageOf(r),
    })),
  };
}

export function presentMine(
  rows: ({
    id: string;
    title: string;
    body: string;
    state: ContributionState;
    editor_note: string | null;
    created_at: string;
  } & WithImage)[],
  kept: Kept,
) {
  const v = keptIf(kept, 'contribute');
  return {
    title: 'Send an article or an idea to the bulletin',
    errors: kept?.errors,
    values: { title: str(v?.title, ''), body: str(v?.body, '') },
    rows: rows.map((r) => ({
      ...r,
      state: STATE_WORDS[r.state],
      sent: whenWords(r.created_at),
      canChange: r.state === 'changes-asked',
      image: imageOf(r),
      // One image, added or changed until the editor decides.
      imageLink:
        r.state === 'submitted' || r.state === 'changes-asked'
          ? {
              href: `/bulletin/contributions/${r.id}/image`,
              text: r.image_id ? 'Change or remove the image' : 'Add an image (optional)',
            }
          : null,
    })),
  };
}
