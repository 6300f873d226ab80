import { formatDate, formatDateTime, plural } from '../platform/views/format.ts';
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
import { currentStage, elementsFor } from './lifecycle.rules.ts';
import { staffItems, stillWorking } from './options.presenter.ts';

/** A complaint's action pages, each one form: its path under /complaints/:id/ and the form's name. */
export const ACTION_PAGES = {
  finding: { form: 'finding', permission: 'complaints:investigate' },
  respond: { form: 'respond', permission: 'complaints:manage' },
  extend: { form: 'extend', permission: 'complaints:manage' },
  element: { form: 'element', permission: 'complaints:manage' },
  panel: { form: 'panel', permission: 'complaints:manage' },
  report: { form: 'report', permission: 'complaints:manage' },
  escalate: { form: 'escalate', permission: 'complaints:manage' },
  resolve: { form: 'resolve', permission: 'complaints:manage' },
  ombudsman: { form: 'ombudsman', permission: 'complaints:manage' },
  withdraw: { form: 'withdraw', permission: 'complaints:manage' },
  investigation: { form: 'investigation', permission: 'complaints:manage' },
  contacts: { form: 'contact', permission: 'complaints:investigate' },
  documents: { form: 'document', permission: 'complaints:investigate' },
} as const;
export type ActionPage = keyof typeof ACTION_PAGES;

const childText = (c: ComplaintPageData['complaint']) => {
  const name = c.child_name || 'Name not known';
  if (c.child_id) return `${name}, ${c.child_ref} (in the children’s records)`;
  return `${name}${c.child_ref ? `, ${c.child_ref}` : ''} (not in the children’s records)`;
};

/** What each action page is called, as the stage of the complaint words it. */
function headings(data: ComplaintPageData, stage: number) {
  return {
    finding: { heading: `Record a finding for Stage ${stage}`, button: 'Save the finding' },
    respond: {
      heading:
        stage === 3
          ? 'Record the council’s response (closes Stage 3)'
          : `Record the response (closes Stage ${stage})`,
      button: 'Record the response',
    },
    extend: { heading: 'Extend the time for the response', button: 'Extend' },
    element: { heading: 'Add an element', button: 'Add the element' },
    panel: { heading: 'Record the review panel', button: 'Record the panel' },
    report: { heading: 'Record the panel’s report', button: 'Record the report' },
    escalate: {
      heading: `The complainant asks for Stage ${stage + 1}`,
      button: `Move to Stage ${stage + 1}`,
    },
    resolve: {
      heading: 'The complainant is satisfied, or did not ask for the next stage',
      button: 'Mark resolved',
    },
    ombudsman: {
      heading: 'Referral to the Local Government and Social Care Ombudsman',
      button: 'Record the referral',
    },
    withdraw: { heading: 'The complaint is withdrawn', button: 'Mark withdrawn' },
    investigation: {
      heading: data.complaint.officer_id ? 'Change the investigation details' : 'Investigation details',
      button: 'Save investigation details',
    },
    contacts: { heading: 'Record a contact attempt', button: 'Record the attempt' },
    documents: { heading: 'Add a document', button: 'Upload the document' },
  } satisfies Record<ActionPage, { heading: string; button: string }>;
}

/** Which action pages make sense now, for this person (the state machine still has the last word). */
function openActions(data: ComplaintPageData, today: string): Record<ActionPage, boolean> {
  const a = availableActions(data.state);
  const clock = clockView(data.state, today);
  const { manage, investigate } = data.may;
  return {
    finding: a.finding && investigate,
    respond: a.respond && manage,
    extend: clock.canExtend && manage,
    element: a.element && manage,
    panel: a.panel && manage,
    report: a.report && manage,
    escalate: a.escalate && manage,
    resolve: a.resolve && manage,
    ombudsman: a.ombudsman && manage,
    withdraw: a.withdraw && manage,
    investigation: manage,
    contacts: investigate,
    documents: investigate,
  };
}

/** The task list's stage actions: what each does now and how far it has got. */
function stageTasks(data: ComplaintPageData, today: string) {
  const open = openActions(data, today);
  const stage = clockView(data.state, today).stage;
  const names = headings(data, stage);
  const current = currentStage(data.state);
  const without = elementsFor(data.state, current.stage).filter((e) => !current.findings[e.id]).length;
  const status: Partial<Record<ActionPage, { text?: string; tag?: { text: string; classes: string } }>> = {
    finding: without
      ? { tag: { text: `${plural(without, 'element', 'elements')} to do`, classes: 'govuk-tag--blue' } }
      : { text: 'Every element has an outcome' },
    respond: without
      ? { text: 'Every element needs an outcome first' }
      : { tag: { text: 'Ready', classes: 'govuk-tag--green' } },
  };
  const order: ActionPage[] = [
    'finding',
    'respond',
    'extend',
    'element',
    'panel',
    'report',
    'escalate',
    'resolve',
    'ombudsman',
    'withdraw',
  ];
  return order
    .filter((a) => open[a])
    .map((a) => ({
      title: { text: names[a].heading },
      href: `/complaints/${data.complaint.id}/${a}`,
      status: status[a] ?? { text: 'If it applies' },
    }));
}

/**
 * Pure: a complaint's page, a summary — its clock, stages, who and what, elements,
 * contact log, documents, lessons and history — and a task list of the stage
 * actions this person may take now, each on its own page.
 */
export function presentComplaintPage(data: ComplaintPageData, today: string) {
  const { complaint: c, state } = data;
  const open = openActions(data, today);
  const base = `/complaints/${c.id}`;
  return {
    title: `Complaint ${c.reference}`,
    c,
    status: STATUS_NAMES[state.status],
    state,
    child: childText(c),
    clock: clockView(state, today),
    stages: stagesTable(state, today),
    elements: elementsTable(state),
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
    tasks: stageTasks(data, today),
    links: {
      investigation: open.investigation ? `${base}/investigation` : null,
      contact: open.contacts ? `${base}/contacts` : null,
      document: open.documents ? `${base}/documents` : null,
    },
    canManage: data.may.manage,
    canInvestigate: data.may.investigate,
    canAddLesson: data.may.addLesson,
    backLink: { href: '/complaints', text: 'All complaints' },
  };
}

/**
 * Pure: one action's page — the complaint it is for, the form with its answers
 * kept if it was refused, or why it cannot be done now.
 */
export function presentComplaintAction(
  data: ComplaintPageData,
  action: ActionPage,
  kept: KeptForm,
  today: string,
) {
  const { complaint: c, state } = data;
  const keptIn = keptFor(kept);
  const elements = elementsTable(state);
  const clock = clockView(state, today);
  const officer = kept?.values.form === 'investigation' ? kept.values.officerId : c.officer_id;
  const { heading, button } = headings(data, clock.stage)[action];
  return {
    title: `${heading}: complaint ${c.reference}`,
    heading,
    button,
    action,
    form: ACTION_PAGES[action].form,
    available: openActions(data, today)[action],
    c,
    status: STATUS_NAMES[state.status],
    clock,
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
    backLink: { href: `/complaints/${c.id}`, text: `Back to complaint ${c.reference}` },
  };
}
