import type { FormDone } from '../platform/http/form.ts';
import { formatDate } from '../platform/views/format.ts';
import type { KeptForm } from './forms.ts';
import type { evidencePage, publishedLessonsPage } from './lesson-pages.service.ts';

/** Pure: what everyone reads — the published summaries — and the actions this person owns, waiting for evidence. */
export function presentPublished(data: Awaited<ReturnType<typeof publishedLessonsPage>>) {
  return {
    title: 'Learning from complaints and reviews',
    rows: data.rows.map((r) => ({ ...r, raised: formatDate(r.raised_on), closed: formatDate(r.closed_on) })),
    mine: data.mine.map((a) => ({ ...a, due: formatDate(a.due_on) })),
    canSeeItems: data.canSeeItems,
  };
}

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Where someone goes after the evidence page: the item if they may see it, or the published lessons. */
const afterEvidence = (itemId: string, canSeeItem: boolean) =>
  canSeeItem ? `/lessons/items/${itemId}` : '/lessons';

/** Pure: the evidence form, with what was recorded before (or the answers kept from a refused attempt). */
export function presentEvidence(data: Awaited<ReturnType<typeof evidencePage>>, kept: KeptForm) {
  const { action } = data;
  return {
    title: 'Add evidence that practice changed',
    documentTitle: `Add evidence that practice changed: ${shorten(action.description, 80)}`,
    action: { ...action, due: formatDate(action.due_on) },
    values: kept?.values ?? { text: action.evidence_text ?? '', link: action.evidence_link ?? '' },
    errors: kept?.errors,
    backLink: { href: afterEvidence(action.item_id, data.canSeeItems) },
  };
}

/** Pure: what the owner is told once their evidence is recorded, and where they go. */
export const evidenceRecorded = (r: { itemId: string; canSeeItem: boolean }): FormDone => ({
  to: afterEvidence(r.itemId, r.canSeeItem),
  message: 'Thank you: your evidence has been recorded.',
});
