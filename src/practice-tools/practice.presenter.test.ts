import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkQuestion, coach } from './coach.rules.ts';
import { checkPractice } from './oars.rules.ts';
import { cpdEntryFor, presentCoach, presentPracticeFeedback } from './practice.presenter.ts';
import { SCENARIOS } from './scenarios.ts';

test('the coach page names the verdict in its title and lists the alternatives', () => {
  const q = 'Do you feel safe at home?';
  const v = presentCoach({ input: checkQuestion(q), coaching: coach(q), typed: q });
  assert.equal(v.title, 'A closed question – Open-question coach');
  assert.equal(v.result?.rewritesIntro, 'You could ask instead:');
  assert.equal(v.errors, undefined);
});

test('a refused question is an error on the field, with what was typed kept (cut to 2,000 characters)', () => {
  const typed = 'x'.repeat(10_000);
  const v = presentCoach({ input: checkQuestion(typed), coaching: null, typed });
  assert.equal(v.result, null);
  assert.equal(v.errors?.summary[0]?.href, '#question');
  assert.equal(v.typed.length, 2000);
});

test('feedback puts each part next to its model answer', () => {
  const s = SCENARIOS[0]!;
  const answers = { question: 'Are you OK?', affirmation: '', reflection: '', summary: '' };
  const v = presentPracticeFeedback(s, answers, checkPractice(answers, s.says));
  assert.equal(v.question?.verdict, 'closed');
  assert.deepEqual(
    v.parts.map((p) => [p.label, p.model, p.prompt.tag]),
    [
      ['Affirmation', s.model.affirmation, 'Try this'],
      ['Reflection', s.model.reflection, 'Try this'],
      ['Summary', s.model.summary, 'Try this'],
    ],
  );
});

test('a CPD entry has peer reflection only when a colleague’s reflection is given', () => {
  const s = SCENARIOS[2]!;
  const base = { question: 'q', affirmation: 'a', reflection: 'r', summary: 's', myReflection: 'mine' };
  assert.equal(cpdEntryFor(s, base).peerReflected, false);
  const peer = cpdEntryFor(s, { ...base, peerName: 'Sam', peerReflection: 'good work' });
  assert.equal(peer.peerReflected, true);
  assert.match(peer.reflection, /Peer reflection from Sam: good work/);
  assert.equal(peer.title, `Practising OARS: ${s.title}`);
});
