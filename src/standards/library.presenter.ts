import { STATUTORY_CLOCKS } from '../complaints/api.ts';
import { formatDate } from '../platform/views/format.ts';
import type { KeptForm } from './forms.ts';
import type { StandardHeading, StandardRow } from './library.repo.ts';
import { renderMarkdown } from './markdown.ts';
import {
  AREA_IDS,
  AREAS,
  type Area,
  COMPLAINTS_AREA,
  isPastReview,
  SOURCE_KINDS,
  type SourceKind,
} from './standards.rules.ts';

/** A timescale the Hub can measure: a rule setting a standard may own. */
export interface TimescaleOption {
  name: string;
  label: string;
  unit: string;
}

export const LEVELS = {
  must: { text: 'Must', classes: 'govuk-tag--red', meaning: 'The law requires this' },
  should: { text: 'Should', classes: 'govuk-tag--blue', meaning: 'Local practice we expect' },
} as const;

const areaName = (a: string) => AREAS[a as Area] ?? a;

/** The library: every standard by area, or what a search found. */
export function presentLibrary(
  rows: StandardHeading[],
  today: string,
  search?: { q: string; ids: string[] },
) {
  const item = (r: StandardHeading) => ({
    href: `/standards/${r.id}`,
    title: r.title,
    level: LEVELS[r.level],
    byWhen: r.by_when,
    area: areaName(r.area),
    pastReview: isPastReview(r.review_on, today) ? `Review was due ${formatDate(r.review_on)}` : undefined,
  });
  if (search) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const found = search.ids.flatMap((id) => (byId.has(id) ? [item(byId.get(id)!)] : []));
    return {
      title: 'Practice standards',
      q: search.q,
      results: found,
      resultsHeading: `${found.length} ${found.length === 1 ? 'standard matches' : 'standards match'} “${search.q}”`,
    };
  }
  return {
    title: 'Practice standards',
    q: '',
    areas: AREA_IDS.map((a) => ({
      id: a,
      name: AREAS[a],
      standards: rows.filter((r) => r.area === a).map(item),
    })).filter((g) => g.standards.length > 0),
    pastReviewCount: rows.filter((r) => isPastReview(r.review_on, today)).length,
  };
}

export interface MeasuredTimescale {
  value: number;
  label: string;
  unit: string;
}

/** How a standard's timescale reads: measured by the Hub (the rule's own number) or not measured yet. */
export function timescaleLine(
  row: Pick<StandardRow, 'timescale_field' | 'timescale_days'>,
  measured?: MeasuredTimescale,
) {
  if (row.timescale_field && measured)
    return {
      text: `${measured.value} ${measured.unit} (${measured.label.toLowerCase()}).`,
      measured: true,
      note: 'This is the timescale the Hub uses to work out whether children’s work is on time. Changing it here changes it for every child.',
    };
  if (row.timescale_days !== null)
    return {
      text: `${row.timescale_days} working days.`,
      measured: false,
      note: 'The Hub does not measure this timescale yet: nothing on the children’s pages checks it.',
    };
  return undefined;
}

const parseJson = <T>(s: string, fallback: T): T => {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

/** One version's content, as the standard page and the old-version page show it. */
/**
 * The statutory complaint clocks, for a standard in the complaints area: shown with their
 * regulation, as law the Hub cannot change (the complaints feature counts them).
 */
export function statutoryClocksFor(area: string) {
  if (area !== COMPLAINTS_AREA) return undefined;
  return {
    caption: 'The statutory complaint clocks',
    captionClasses: 'govuk-table__caption--s',
    head: [{ text: 'What' }, { text: 'Within' }, { text: 'Set by' }],
    rows: STATUTORY_CLOCKS.map((c) => [{ text: c.step }, { text: c.within }, { text: c.source }]),
  };
}

export function presentContent(
  v: {
    title: string;
    level: 'must' | 'should';
    body: string;
    by_when: string;
    why_child: string;
    source_kind: string;
    source_detail: string;
    related: string;
    links: string;
  },
  titles: Map<string, string>,
) {
  return {
    title: v.title,
    level: LEVELS[v.level],
    bodyHtml: renderMarkdown(v.body),
    byWhen: v.by_when,
    whyHtml: renderMarkdown(v.why_child),
    source: [SOURCE_KINDS[v.source_kind as SourceKind] ?? v.source_kind, v.source_detail]
      .filter(Boolean)
      .join(': '),
    related: parseJson<string[]>(v.related, []).flatMap((id) =>
      titles.has(id) ? [{ href: `/standards/${id}`, text: titles.get(id)! }] : [],
    ),
    links: parseJson<{ text: string; href: string }[]>(v.links, []),
  };
}

export interface VersionRow {
  version: number;
  summary: string;
  reason: string;
  major: number;
  created_at: string;
  created_by_name: string;
}

export const versionLine = (v: VersionRow, id: string) => ({
  href: `/standards/${id}/versions/${v.version}`,
  version: `Version ${v.version}`,
  date: formatDate(v.created_at),
  summary: v.summary,
  reason: v.reason,
  major: v.major === 1,
  by: v.created_by_name,
});

/** The Amendments page: every change by date, newest first. */
export function presentAmendments(
  rows: (VersionRow & { standard_id: string; title: string; area: string })[],
) {
  return {
    title: 'Amendments',
    rows: rows.map((r) => ({
      ...versionLine(r, r.standard_id),
      standard: r.title,
      area: areaName(r.area),
      standardHref: `/standards/${r.standard_id}`,
    })),
  };
}

/** The new and change forms: choices, and the answers (the standard's own, or what was typed before a refusal). */
export function presentStandardForm(input: {
  mode: 'new' | 'change';
  values: Record<string, unknown>;
  kept: KeptForm;
  owners: { id: string; name: string }[];
  standards: { id: string; title: string }[];
  timescales: TimescaleOption[];
  /** Lesson actions waiting for evidence that this person may answer with the change. */
  lessons?: { id: string; description: string; itemTitle: string }[];
  action: string;
  backHref: string;
}) {
  const v = input.kept?.values ?? input.values;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const chosen = new Set([v.related ?? []].flat().map(String));
  return {
    title: input.mode === 'new' ? 'Add a practice standard' : `Change “${str('title')}”`,
    mode: input.mode,
    action: input.action,
    backLink: { href: input.backHref, text: 'Back' },
    errors: input.kept?.errors,
    values: Object.fromEntries(
      [
        'title',
        'body',
        'byWhen',
        'whyChild',
        'sourceDetail',
        'reviewOn',
        'links',
        'timescaleDays',
        'summary',
        'reason',
        'fromVersion',
      ].map((k) => [k, str(k)]),
    ),
    areaItems: [
      { value: '', text: 'Choose an area' },
      ...AREA_IDS.map((a) => ({ value: a, text: AREAS[a], selected: str('area') === a })),
    ],
    levelItems: (['must', 'should'] as const).map((l) => ({
      value: l,
      text: `${LEVELS[l].text}: ${LEVELS[l].meaning.toLowerCase()}`,
      checked: str('level') === l,
    })),
    sourceItems: Object.entries(SOURCE_KINDS).map(([k, t]) => ({
      value: k,
      text: t,
      checked: str('sourceKind') === k,
    })),
    ownerItems: [
      { value: '', text: 'Choose a manager' },
      ...input.owners.map((o) => ({ value: o.id, text: o.name, selected: str('ownerId') === o.id })),
    ],
    timescaleItems: [
      { value: '', text: 'None the Hub measures' },
      ...input.timescales.map((t) => ({
        value: t.name,
        text: t.label,
        selected: str('timescaleField') === t.name,
      })),
    ],
    relatedItems: input.standards.map((s) => ({ value: s.id, text: s.title, checked: chosen.has(s.id) })),
    lessonItems: input.lessons?.length
      ? [
          { value: '', text: 'None' },
          ...input.lessons.map((l) => ({
            value: l.id,
            text: `${l.itemTitle}: ${l.description}`,
            selected: str('lessonActionId') === l.id,
          })),
        ]
      : undefined,
    inAuditItems: [{ value: 'yes', text: 'Case audits check this standard', checked: v.inAudit === 'yes' }],
    majorItems: [
      {
        value: 'yes',
        text: 'Major change: everyone who must read it is asked to acknowledge it again',
        checked: v.major === 'yes',
      },
    ],
  };
}

/** A standard's current answers as the change form's values. */
export function formValuesOf(r: StandardRow, measuredValue: number | undefined) {
  const links = JSON.parse(r.links) as { text: string; href: string }[];
  return {
    area: r.area,
    title: r.title,
    level: r.level,
    body: r.body,
    byWhen: r.by_when,
    whyChild: r.why_child,
    sourceKind: r.source_kind,
    sourceDetail: r.source_detail,
    ownerId: r.owner_id,
    reviewOn: r.review_on,
    related: JSON.parse(r.related) as string[],
    links: links.map((l) => `${l.text} | ${l.href}`).join('\n'),
    timescaleField: r.timescale_field ?? '',
    timescaleDays: String(measuredValue ?? r.timescale_days ?? ''),
    inAudit: r.in_audit === 1 ? 'yes' : '',
    fromVersion: String(r.current_version),
  };
}
