import { formatDate, formatDateTime } from '../platform/views/format.ts';
import {
  availableActions,
  clockView,
  EVENT_WORDS,
  elementsTable,
  STATUS_NAMES,
  stagesTable,
} from './complaint.presenter.ts';
import type { ComplaintPageData } from './complaint-pages.service.ts';
import { ALLOWED_EXTENSIONS } from './documents.ts';
import { CONTACT_METHODS, type KeptForm, keptFor, OUTCOME_NAMES, selectItems, THEMES } from './forms.ts';
import { staffItems, stillWorking } from './options.presenter.ts';

/**
 * Pure: a complaint's page — its clock, stages, elements, people, contact log,
 * documents, lessons and history — and the stage actions this person may take
 * now, each form with its own answers kept if it was refused.
 */
export function presentComplaintPage(data: ComplaintPageData, kept: KeptForm, today: string) {
  const { complaint: c, state } = data;
  const keptIn = keptFor(kept);
  const elements = elementsTable(state);
  const officer = kept?.values.form === 'investigation' ? kept.values.officerId : c.officer_id;
  return {
    title: `Complaint ${c.reference}`,
    c,
    status: STATUS_NAMES[state.status],
    state,
    clock: clockView(state, today),
    stages: stagesTable(state, today),
    elements,
    workers: data.workers,
    contacts: data.contacts.map((x) => ({ ...x, on: formatDate(x.contacted_on) })),
    documents: data.documents.map((d) => ({ ...d, at: formatDateTime(d.uploaded_at) })),
    history: data.events.map((e) => ({
      at: formatDateTime(e.at),
      on: formatDate(e.event.on),
      what: EVENT_WORDS[e.event.type] ?? e.event.type,
      by: e.actor_name,
    })),
    lessons: data.lessons,
    actions: availableActions(state),
    canManage: data.may.manage,
    canInvestigate: data.may.investigate,
    canAddLesson: data.may.addLesson,
    errors: kept?.errors,
    keptFor: keptIn,
    today,
    elementItems: [
      { value: '', text: 'Choose an element' },
      ...elements.map((e, i) => ({
        value: e.id,
        text: `${i + 1}. ${e.summary.slice(0, 80)}`,
        selected: keptIn('finding').elementId === e.id,
      })),
    ],
    outcomeItems: Object.entries(OUTCOME_NAMES).map(([value, text]) => ({
      value,
      text,
      checked: keptIn('finding').outcome === value,
    })),
    themeItems: selectItems(THEMES, keptIn('element').theme, 'Choose a theme'),
    methodItems: selectItems(CONTACT_METHODS, keptIn('contact').method, 'Choose a method'),
    contactStaffItems: staffItems(data.staff, keptIn('contact').staffId, 'Not a member of staff'),
    officerItems: staffItems(stillWorking(data.staff), officer, 'Not chosen yet'),
    allowedTypes: ALLOWED_EXTENSIONS.map((x) => `.${x}`).join(', '),
    backLink: { href: '/complaints', text: 'All complaints' },
  };
}
