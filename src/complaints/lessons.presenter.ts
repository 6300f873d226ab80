import type { FormErrors } from '../platform/http/forms.ts';
import { formatDate } from '../platform/views/format.ts';
import type { ComplaintRow } from './complaints.repo.ts';
import { type KeptForm, keptFor, SOURCE_KINDS, selectItems, THEMES } from './forms.ts';
import type { LessonPageData } from './lesson-pages.service.ts';
import type { listItems } from './lessons.repo.ts';
import { whyLoopOpen } from './loop.rules.ts';
import { staffItems } from './options.presenter.ts';
import type { SourceChoice } from './sources.repo.ts';

type ItemListRow = Awaited<ReturnType<typeof listItems>>[number];
const sourceName = (kind: string | null) => SOURCE_KINDS[kind as keyof typeof SOURCE_KINDS];

/** Pure: the list of lesson items, each with where it came from and how far its loop has got. */
export function presentLessonList(p: {
  rows: ItemListRow[];
  canManage: boolean;
  status?: 'open' | 'closed';
}) {
  return {
    title: 'Learning points and recommendations',
    documentTitle: p.status
      ? `Learning points and recommendations: ${p.status === 'open' ? 'loop still open' : 'loop closed'}`
      : undefined,
    canManage: p.canManage,
    rows: p.rows.map((r) => ({
      ...r,
      raised: formatDate(r.raised_on),
      source: r.complaint_reference
        ? `Complaint ${r.complaint_reference}`
        : (sourceName(r.source_kind) ?? 'Other'),
      loop: r.closed_on ? 'Loop closed' : `${r.evidenced} of ${r.actions} actions with evidence`,
    })),
  };
}

/** The new-item form's answers: those kept from a refused attempt, or the complaint or source it was opened from. */
export const lessonFormValues = (kept: KeptForm, query: { complaint?: string; source?: string }) =>
  kept?.values ?? { complaintId: query.complaint ?? '', sourceId: query.source ?? '' };

/** Pure: the new-item form, for a complaint (shown above the form) or choosing one of the other sources. */
export function presentNewLesson(p: {
  values: Record<string, unknown>;
  errors: FormErrors | undefined;
  complaint: Pick<ComplaintRow, 'id' | 'reference' | 'team_name'> | null;
  sources: SourceChoice[];
}) {
  return {
    title: 'Add a learning point or recommendation',
    documentTitle: p.complaint
      ? `Add a learning point or recommendation from complaint ${p.complaint.reference}`
      : undefined,
    values: p.values,
    errors: p.errors,
    complaint: p.complaint,
    sourceItems: [
      { value: '', text: p.complaint ? 'From the complaint above' : 'Choose a source' },
      ...p.sources.map((s) => ({
        value: s.id,
        text: `${sourceName(s.kind)}: ${s.title}`,
        selected: s.id === p.values.sourceId,
      })),
    ],
    themeItems: selectItems(THEMES, p.values.theme, 'Choose a theme'),
    backLink: { href: p.complaint ? `/complaints/${p.complaint.id}` : '/lessons/items' },
  };
}

/** Pure: one lesson item — its source, its actions (overdue ones marked), why its loop is still open — and its forms. */
export function presentLesson(data: LessonPageData, kept: KeptForm, today: string) {
  const { item, actions } = data;
  const keptIn = keptFor(kept);
  return {
    title: item.title,
    item: { ...item, raised: formatDate(item.raised_on), closed: formatDate(item.closed_on) },
    source: item.complaint_reference
      ? { text: `Complaint ${item.complaint_reference}`, href: `/complaints/${item.complaint_id}` }
      : { text: `${sourceName(item.source_kind) ?? 'Source'}: ${item.source_title}` },
    actions: actions.map((a) => ({
      ...a,
      due: formatDate(a.due_on),
      overdue: !a.evidence_on && a.due_on < today,
      evidenced: formatDate(a.evidence_on),
    })),
    whyOpen: item.closed_on
      ? null
      : whyLoopOpen(actions.map((a) => ({ id: a.id, hasEvidence: !!a.evidence_on }))),
    canManage: data.canManage,
    keptFor: keptIn,
    errors: kept?.errors,
    ownerItems: staffItems(data.owners, keptIn('action').ownerId, 'Choose who owns it'),
    backLink: { href: '/lessons/items', text: 'All learning items' },
  };
}
