import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evidenceRecorded, presentEvidence, presentPublished } from './evidence.presenter.ts';

const action = {
  id: 'a1',
  item_id: 'i1',
  description: 'Rewrite the plan template',
  owner_id: 's1',
  due_on: '2026-12-11',
  evidence_text: 'The template has a summary' as string | null,
  evidence_link: null as string | null,
  evidence_document_id: null,
  evidence_on: '2026-11-20',
  evidence_by: 'Amina Hussain',
  created_at: '2026-11-01T09:00:00.000Z',
  item_title: 'Explain plans in plain words',
  team_id: 't1',
  service_id: 'sv1',
};

describe('adding evidence', () => {
  test('the form shows the evidence recorded before; the way back depends on whether the owner may see items', () => {
    const owner = presentEvidence({ action, canSeeItems: false }, undefined);
    assert.deepEqual(owner.values, { text: 'The template has a summary', link: '' });
    assert.equal(owner.action.due, '11 December 2026');
    assert.equal(owner.backLink.href, '/lessons');
    const officer = presentEvidence({ action, canSeeItems: true }, undefined);
    assert.equal(officer.backLink.href, '/lessons/items/i1');
  });

  test('a refused attempt comes back with what was typed, not what was there before', () => {
    const kept = {
      values: { text: '', link: 'ftp://x' },
      errors: { summary: [{ text: 'Enter what changed', href: '#text' }], fields: {} },
    };
    const view = presentEvidence({ action, canSeeItems: false }, kept);
    assert.equal(view.values, kept.values);
    assert.equal(view.errors, kept.errors);
  });

  test('once recorded, the owner is thanked and sent where they may go', () => {
    assert.deepEqual(evidenceRecorded({ itemId: 'i1', canSeeItem: false }), {
      to: '/lessons',
      message: 'Thank you: your evidence has been recorded.',
    });
    assert.equal(evidenceRecorded({ itemId: 'i1', canSeeItem: true }).to, '/lessons/items/i1');
  });
});

test('published lessons and one’s own actions are dated in words', () => {
  const view = presentPublished({
    rows: [
      {
        id: 'i1',
        title: 'Plain words',
        theme: 'communication',
        kind: 'learning point',
        published_summary: 'Plans are now written in plain words.',
        raised_on: '2026-10-01',
        closed_on: null,
      },
    ],
    mine: [
      { id: 'a1', description: 'Rewrite the template', due_on: '2026-12-11', item_title: 'Plain words' },
    ],
    canSeeItems: false,
  });
  assert.equal(view.rows[0]?.raised, '1 October 2026');
  assert.equal(view.rows[0]?.closed, '');
  assert.equal(view.mine[0]?.due, '11 December 2026');
  assert.equal(view.canSeeItems, false);
});
