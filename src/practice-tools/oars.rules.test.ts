import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { affirmationPrompt, checkPractice, reflectionPrompt, summaryPrompt } from './oars.rules.ts';
import { SCENARIOS } from './scenarios.ts';

describe('OARS practice prompts', () => {
  test('there are at least 20 scenarios, each with a unique id and all four model answers', () => {
    assert.ok(SCENARIOS.length >= 20);
    assert.equal(new Set(SCENARIOS.map((s) => s.id)).size, SCENARIOS.length);
  });

  test('every model answer passes its own check: the coach calls each model question open', () => {
    for (const s of SCENARIOS) {
      const c = checkPractice(s.model, s.says);
      assert.equal(c.question?.verdict, 'open', `${s.id}: ${s.model.question}`);
      assert.ok(c.affirmation.good, `${s.id} affirmation: ${c.affirmation.text}`);
      assert.ok(c.reflection.good, `${s.id} reflection: ${c.reflection.text}`);
      assert.ok(c.summary.good, `${s.id} summary: ${c.summary.text}`);
    }
  });

  test('weak answers get a prompt saying what to change', () => {
    assert.match(affirmationPrompt('Well done.').text, /Praise/);
    assert.match(affirmationPrompt('You came, but you were late.').text, /But/);
    assert.match(reflectionPrompt('Do you feel pushed?', 'x').text, /statement/);
    assert.match(reflectionPrompt('The plan is bad.', 'x').text, /It sounds like/);
    assert.match(summaryPrompt('So you are tired.').text, /another point/);
    assert.match(summaryPrompt('So you are tired, and the bus is late.').text, /Have I got that right/);
    assert.equal(
      checkPractice({ question: '', affirmation: '', reflection: '', summary: '' }, 'x').question,
      null,
    );
  });
});
