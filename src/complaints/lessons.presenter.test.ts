import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LessonPageData } from './lesson-pages.service.ts';
import { lessonFormValues, presentLesson, presentLessonList, presentNewLesson } from './lessons.presenter.ts';

type Option = { value: string; text: string; selected?: boolean };
/** The option a select shows as chosen. */
const chosen = (items: Option[]) => items.find((i) => i.selected);

const today = '2026-11-27';
const listRow = (over: Partial<Parameters<typeof presentLessonList>[0]['rows'][number]>) => ({
  id: 'i1',
  title: 'Explain plans in plain words',
  kind: 'learning point',
  theme: 'communication',
  raised_on: '2026-10-01',
  closed_on: null,
  publish: 0 as const,
  team_name: 'Front Door',
  complaint_reference: null,
  source_kind: null,
  actions: 2,
  evidenced: 1,
  ...over,
});

describe('the list of lesson items', () => {
  test('each says where it came from and how far its loop has got', () => {
    const view = presentLessonList({
      rows: [
        listRow({ complaint_reference: 'C-2026-0004' }),
        listRow({ source_kind: 'case-audit', closed_on: '2026-11-20' }),
        listRow({}),
      ],
      canManage: false,
    });
    assert.deepEqual(
      view.rows.map((r) => [r.source, r.loop]),
      [
        ['Complaint C-2026-0004', '1 of 2 actions with evidence'],
        ['Case audit', 'Loop closed'],
        ['Other', '1 of 2 actions with evidence'],
      ],
    );
    assert.equal(view.rows[0]?.raised, '1 October 2026');
  });
});

describe('the new-item form', () => {
  test('opened from a complaint it says so and goes back to it; otherwise a source is chosen', () => {
    const sources = [{ id: 'src1', title: 'Thank you card', kind: 'compliment' }];
    const values = lessonFormValues(undefined, { complaint: 'c1' });
    assert.deepEqual(values, { complaintId: 'c1', sourceId: '' });
    const fromComplaint = presentNewLesson({
      values,
      errors: undefined,
      complaint: { id: 'c1', reference: 'C-2026-0001', team_name: 'Front Door' },
      sources,
    });
    assert.equal(fromComplaint.sourceItems[0]?.text, 'From the complaint above');
    assert.equal(fromComplaint.backLink.href, '/complaints/c1');
    const fromSource = presentNewLesson({
      values: lessonFormValues(undefined, { source: 'src1' }),
      errors: undefined,
      complaint: null,
      sources,
    });
    assert.deepEqual(
      fromSource.sourceItems.map((i: Option) => [i.text, i.selected ?? false]),
      [
        ['Choose a source', false],
        ['Compliment: Thank you card', true],
      ],
    );
    assert.equal(fromSource.backLink.href, '/lessons/items');
  });

  test('answers kept from a refused attempt win over the address', () => {
    const kept = { values: { complaintId: 'c2', title: 'Typed' }, errors: { summary: [], fields: {} } };
    assert.equal(lessonFormValues(kept, { complaint: 'c1' }), kept.values);
  });
});

const action = (over: Partial<LessonPageData['actions'][number]>) => ({
  id: 'a1',
  item_id: 'i1',
  description: 'Rewrite the plan template',
  owner_id: 's1',
  due_on: '2026-11-20',
  evidence_text: null,
  evidence_link: null,
  evidence_document_id: null,
  evidence_on: null,
  evidence_by: null,
  created_at: '2026-10-01T09:00:00.000Z',
  owner_name: 'Amina Hussain',
  evidence_file: null,
  canEvidence: true,
  ...over,
});
const item = {
  id: 'i1',
  complaint_id: 'c1',
  source_id: null,
  kind: 'learning point',
  title: 'Explain plans in plain words',
  detail: 'Families need plans they can read',
  theme: 'communication',
  team_id: 't1',
  raised_on: '2026-10-01',
  closed_on: null as string | null,
  publish: 0 as const,
  published_summary: '',
  created_by: 'Tom Whitfield',
  created_at: '2026-10-01T09:00:00.000Z',
  team_name: 'Front Door',
  service_id: 'sv1',
  complaint_reference: 'C-2026-0001',
  child_name: 'Child T',
  complainant_name: 'Ms R. Example',
  source_title: null as string | null,
  source_kind: null as string | null,
};

describe('a lesson item', () => {
  test('an action past its due date without evidence is overdue, and the page says why the loop is open', () => {
    const data: LessonPageData = {
      item,
      actions: [action({}), action({ id: 'a2', evidence_on: '2026-11-10', evidence_text: 'Done' })],
      owners: [],
      canManage: true,
    };
    const view = presentLesson(data, undefined, today);
    assert.deepEqual(
      view.actions.map((a) => [a.due, a.overdue, a.evidenced]),
      [
        ['20 November 2026', true, ''],
        ['20 November 2026', false, '10 November 2026'],
      ],
    );
    assert.equal(
      view.whyOpen,
      'One action has no evidence yet: the loop closes only when every action has evidence',
    );
    assert.deepEqual(view.source, { text: 'Complaint C-2026-0001', href: '/complaints/c1' });
  });

  test('a closed loop gives no reason to stay open; a source that is not a complaint is named, not linked', () => {
    const view = presentLesson(
      {
        item: {
          ...item,
          complaint_id: null,
          complaint_reference: null,
          closed_on: '2026-11-25',
          source_kind: 'inspection',
          source_title: 'Ofsted focused visit',
        },
        actions: [action({ evidence_on: '2026-11-10' })],
        owners: [
          {
            id: 's1',
            name: 'Amina Hussain',
            job_title: 'Social Worker',
            is_agency: 0,
            left_on: null,
            active: 1,
          },
        ],
        canManage: true,
      },
      { values: { form: 'action', ownerId: 's1' }, errors: { summary: [], fields: {} } },
      today,
    );
    assert.equal(view.whyOpen, null);
    assert.equal(view.item.closed, '25 November 2026');
    assert.deepEqual(view.source, { text: 'Inspection feedback: Ofsted focused visit' });
    assert.equal(chosen(view.ownerItems)?.value, 's1');
    assert.equal(view.keptFor('publish').ownerId, undefined);
  });
});
