import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REGULATION_DAYS } from './clocks.rules.ts';
import { presentComplaintAction, presentComplaintPage } from './complaint-page.presenter.ts';
import type { ComplaintPageData } from './complaint-pages.service.ts';
import type { StaffRow } from './directory.repo.ts';
import type { ComplaintEvent } from './lifecycle.rules.ts';
import { replay } from './lifecycle.rules.ts';

type Option = { value: string; text: string; selected?: boolean };
/** The option a select shows as chosen. */
const chosen = (items: Option[]) => items.find((i) => i.selected);

const today = '2026-11-27';
const staff: StaffRow[] = [
  { id: 's1', name: 'Amina Hussain', job_title: 'Social Worker', is_agency: 0, left_on: null, active: 1 },
  { id: 's2', name: 'Jo Locum', job_title: 'Social Worker', is_agency: 1, left_on: '2026-09-30', active: 0 },
];

function pageData(events: ComplaintEvent[], may = { manage: true, investigate: true, addLesson: true }) {
  const state = replay(events, { today, calendar: REGULATION_DAYS });
  return {
    complaint: {
      id: 'c1',
      reference: 'C-2026-0001',
      received_on: '2026-11-20',
      received_how: 'email',
      complainant_name: 'Ms R. Example',
      complainant_relationship: 'mother',
      advocate_offered: 1,
      child_id: null as string | null,
      child_name: 'Child T',
      child_ref: '',
      team_id: 't1',
      summary: 'Not told about a meeting',
      stage: 1,
      status: state.status,
      due_on: null,
      officer_id: 's1',
      independent_person: '',
      version: events.length,
      created_at: '2026-11-20T10:00:00.000Z',
      updated_at: '2026-11-20T10:00:00.000Z',
      team_name: 'Assessment Team 1',
      service_id: 'sv1',
      officer_name: 'Amina Hussain',
    },
    events: events.map((event, i) => ({
      seq: i + 1,
      payload: JSON.stringify(event),
      at: '2026-11-20T10:00:00.000Z',
      actor_name: 'Tom Whitfield',
      event,
    })),
    state,
    workers: [],
    contacts: [],
    documents: [],
    lessons: [],
    staff,
    may,
  } satisfies ComplaintPageData;
}

const received: ComplaintEvent = {
  type: 'received',
  on: '2026-11-20',
  elements: [{ id: 'e1', summary: 'Nobody told us about the meeting', theme: 'communication' }],
};

describe('the complaint page', () => {
  test('an open Stage 1: when the response is due, in working days, and the actions that make sense now', () => {
    const view = presentComplaintPage(pageData([received]), today);
    assert.equal(view.title, 'Complaint C-2026-0001');
    assert.equal(view.status, 'Open');
    assert.equal(view.clock.headline, 'The response is due by 4 December 2026: 5 working days left');
    assert.deepEqual(view.clock.tag, { text: 'In time', classes: 'govuk-tag--green' });
    assert.equal(view.actions.respond, true);
    assert.equal(view.actions.escalate, false, 'no next stage before an answer');
    assert.equal(view.actions.ombudsman, false);
    assert.deepEqual(view.history, [
      { at: '20 Nov 2026, 10:00', on: '20 November 2026', what: 'Complaint received', by: 'Tom Whitfield' },
    ]);
  });

  test('answered: the complainant can ask for Stage 2, and the Ombudsman can be told', () => {
    const view = presentComplaintPage(
      pageData([
        received,
        { type: 'finding', on: '2026-11-25', elementId: 'e1', outcome: 'upheld', finding: 'It was missed' },
        { type: 'responded', on: '2026-11-26' },
      ]),
      today,
    );
    assert.equal(view.status, 'Answered, waiting to hear from the complainant');
    assert.match(view.clock.headline, /^Stage 1 was answered in time on 26 November 2026/);
    assert.equal(view.actions.escalate, true);
    assert.equal(view.actions.respond, false);
    assert.equal(view.actions.ombudsman, true);
    assert.deepEqual(
      view.elements[0]?.outcomes.map((o) => o.outcome),
      ['Upheld'],
    );
  });

  test('a refused form keeps its own answers only, and its choices show what was picked', () => {
    const kept = {
      values: { form: 'finding', elementId: 'e1', outcome: 'not-upheld', finding: 'A letter was sent' },
      errors: { summary: [{ text: 'Enter the date', href: '#finding-on' }], fields: {} },
    };
    const view = presentComplaintAction(pageData([received]), 'finding', kept, today);
    assert.equal(view.keptFor('finding').finding, 'A letter was sent');
    assert.deepEqual(view.keptFor('contact'), {});
    assert.equal(chosen(view.elementItems)?.value, 'e1');
    assert.equal(view.outcomeItems.find((i) => i.checked)?.text, 'Not upheld');
    assert.equal(view.errors, kept.errors);
  });

  test('an investigating officer must still work here; a contact attempt may be with a leaver', () => {
    const view = presentComplaintAction(pageData([received]), 'investigation', undefined, today);
    assert.deepEqual(
      view.officerItems.map((i) => i.text),
      ['Not chosen yet', 'Amina Hussain, Social Worker'],
    );
    assert.equal(chosen(view.officerItems)?.value, 's1', 'the current officer is chosen');
    assert.deepEqual(
      view.contactStaffItems.map((i) => i.text),
      [
        'Not a member of staff',
        'Amina Hussain, Social Worker',
        'Jo Locum, Social Worker (agency) (left 2026-09-30)',
      ],
    );
  });

  test('what the person may do comes from the policy, as the service found it', () => {
    const view = presentComplaintPage(
      pageData([received], { manage: false, investigate: true, addLesson: false }),
      today,
    );
    assert.equal(view.canManage, false);
    assert.equal(view.canInvestigate, true);
    assert.equal(view.canAddLesson, false);
  });

  test('the task list offers only what this person may do now, each on its own page', () => {
    const officer = presentComplaintPage(pageData([received]), today);
    assert.deepEqual(
      officer.tasks.map((t) => t.href.split('/').pop()),
      ['finding', 'respond', 'extend', 'element', 'withdraw'],
    );
    assert.deepEqual(officer.tasks[0]?.status, {
      tag: { text: '1 element to do', classes: 'govuk-tag--blue' },
    });
    assert.deepEqual(officer.tasks[1]?.status, { text: 'Every element needs an outcome first' });
    assert.equal(officer.links.investigation, '/complaints/c1/investigation');
    const manager = presentComplaintPage(
      pageData([received], { manage: false, investigate: true, addLesson: false }),
      today,
    );
    assert.deepEqual(
      manager.tasks.map((t) => t.title.text),
      ['Record a finding for Stage 1'],
    );
    assert.equal(manager.links.investigation, null);
    assert.equal(manager.links.contact, '/complaints/c1/contacts');
    const reader = presentComplaintPage(
      pageData([received], { manage: false, investigate: false, addLesson: false }),
      today,
    );
    assert.deepEqual(reader.tasks, []);
    assert.deepEqual(reader.links, { investigation: null, contact: null, document: null });
  });

  test('an action page says when it cannot be done now; the child says whether it is linked', () => {
    const panel = presentComplaintAction(pageData([received]), 'panel', undefined, today);
    assert.equal(panel.available, false);
    assert.equal(panel.heading, 'Record the review panel');
    assert.deepEqual(panel.backLink, { href: '/complaints/c1', text: 'Back to complaint C-2026-0001' });
    assert.equal(presentComplaintAction(pageData([received]), 'respond', undefined, today).available, true);
    assert.equal(
      presentComplaintPage(pageData([received]), today).child,
      'Child T (not in the children’s records)',
    );
    const linked = pageData([received]);
    linked.complaint = { ...linked.complaint, child_id: 'k1', child_ref: 'C000001' };
    assert.equal(presentComplaintPage(linked, today).child, 'Child T, C000001 (in the children’s records)');
  });
});
