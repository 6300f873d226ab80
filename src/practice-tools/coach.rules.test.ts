import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkQuestion, coach, gerund, pastOf, thirdPerson, type Verdict } from './coach.rules.ts';

/**
 * The coach on hand-written questions a practitioner might ask a parent or a
 * young person: [question, expected verdict, an open rewrite it must offer (for
 * anything not already open)]. Each expected rewrite was read and judged a
 * sensible open question in the practitioner's own words.
 */
const TABLE: [string, Verdict, string | null][] = [
  [
    'Do you have anyone that supports you with the children?',
    'closed',
    'Tell me about who supports you with the children.',
  ],
  ['Do you feel safe at home?', 'closed', 'How do you feel at home?'],
  ['Did you go to school today?', 'closed', 'What happened when you went to school today?'],
  ['Are you worried about the baby?', 'closed', 'How do you feel about the baby?'],
  ['Is it hard looking after three children?', 'closed', 'What is it like looking after three children?'],
  ['Can you tell me about your week?', 'closed', 'Tell me about your week.'],
  ['Could you tell me what happened on Saturday?', 'closed', 'Tell me what happened on Saturday.'],
  ['Do you like your new school?', 'closed', 'What do you like about your new school?'],
  ['Do you understand the plan?', 'closed', 'What do you understand about the plan?'],
  ['Do you think the plan will work?', 'closed', 'What do you think about the plan?'],
  ['Do you want to move back home?', 'closed', 'How do you feel about moving back home?'],
  ['Have you got any family nearby?', 'closed', 'What family do you have nearby?'],
  ['Is there anyone you can call at night?', 'closed', 'Who can you call at night?'],
  ['Is there anything worrying you?', 'closed', 'What is worrying you?'],
  ['Would you like to come to the meeting?', 'closed', 'How are you feeling about coming to the meeting?'],
  [
    'Will you stop drinking before the children come home?',
    'closed',
    'What would help you to stop drinking before the children come home?',
  ],
  ['Should we ask your mum to come?', 'closed', 'What do you think about asking your mum to come?'],
  ['Does your dad visit at weekends?', 'closed', 'What is it like when your dad visits at weekends?'],
  ['Were you scared when the police came?', 'closed', 'How did you feel when the police came?'],
  ['Was school OK today?', 'closed', 'How was school today?'],
  ['Are you going to the review?', 'closed', 'How do you feel about going to the review?'],
  [
    'Have you spoken to your mum since the meeting?',
    'closed',
    'How have things been with your mum since the meeting?',
  ],
  ['Did your mum come to the meeting?', 'closed', 'What happened when your mum came to the meeting?'],
  ['Do you get angry with the children?', 'closed', 'What is it like when you get angry with the children?'],
  ['Have you thought about going to college?', 'closed', 'What have you thought about going to college?'],
  ["Don't you want to see your brother?", 'leading', 'How do you feel about seeing your brother?'],
  ['Anything else?', 'closed', 'What else?'],
  ['Is that right?', 'closed', 'What do you make of that?'],
  ['You went to school today?', 'closed', 'Tell me more about how you went to school today.'],
  ["You're happy with the plan?", 'closed', 'How do you feel about the plan?'],
  ['Do you have any worries about the plan?', 'closed', 'What worries do you have about the plan?'],
  ['Can you keep the children safe?', 'closed', 'What would help you to keep the children safe?'],
  ['Did the contact go well?', 'closed', 'How did the contact go?'],
  ['Does he sleep well?', 'closed', 'How does he sleep?'],
  ['Are you OK?', 'closed', 'How are you feeling?'],
  ['Do you know why I am here?', 'closed', 'What do you know about why I am here?'],
  ['Has your worker been to see you?', 'closed', 'How have things been with your worker?'],
  ['Do you see your dad?', 'closed', 'What is it like when you see your dad?'],
  ['Is your mum still drinking?', 'closed', 'What is your mum’s drinking like at the moment?'],
  [
    'Could you stop shouting at the children?',
    'closed',
    'What would help you to stop shouting at the children?',
  ],
  ["Didn't you go to the appointment?", 'leading', 'What happened when you went to the appointment?'],
  ['Why did you miss the meeting?', 'why', 'What led you to miss the meeting?'],
  ["Why didn't you take him to the doctor?", 'why', 'What made it hard for you to take him to the doctor?'],
  ['Why are you angry?', 'why', 'What is making you feel angry?'],
  ['Why do you keep missing school?', 'why', 'What leads you to keep missing school?'],
  ['How come you left early?', 'why', 'Help me understand what was happening when you left early.'],
  ['Why is the house so messy?', 'why', 'What do you think has led to the house being so messy?'],
  ["Why won't you talk to me?", 'why', 'What makes it hard for you to talk to me?'],
  ["Don't you think you should stop drinking?", 'leading', 'What do you think about stopping drinking?'],
  ["You're happy with the plan, aren't you?", 'leading', 'How do you feel about the plan?'],
  ['Surely you want the children home?', 'leading', 'What do you want for the children?'],
  ['You must feel relieved that it is over?', 'leading', 'How do you feel now that it is over?'],
  [
    "It's better for the children if he leaves, isn't it?",
    'leading',
    'What do you think would be best for the children?',
  ],
  [
    "Wouldn't it be easier to move in with your nan?",
    'leading',
    'How do you feel about moving in with your nan?',
  ],
  ["You'd agree that school is important?", 'leading', 'What do you think about school being important?'],
  ['Are you OK, and did you go to the doctor?', 'stacked', 'How are you feeling?'],
  ['How are you and did the children get to school?', 'stacked', 'How are you?'],
  ['Do you feel safe? Does anyone hurt you?', 'stacked', 'How do you feel?'],
  ['What happened at school, and why did you leave early?', 'stacked', 'What happened at school?'],
  ['Did you eat breakfast or did you skip it?', 'stacked', 'What happened when you ate breakfast?'],
  ['What would you like to be different?', 'open', null],
  ['Tell me about who supports you with the children.', 'open', null],
  ['How have things been since the meeting?', 'open', null],
  ['What matters most to you about the plan?', 'open', null],
  ['Who helps you with the children?', 'open', null],
  ['What is a good day like for you?', 'open', null],
  ['Describe what happens at bedtime.', 'open', null],
  ['How would you know that things were getting better?', 'open', null],
  ['What do you enjoy doing with your son?', 'open', null],
  ['When do you feel most relaxed at home?', 'open', null],
  ['Help me understand what a typical morning looks like.', 'open', null],
  ['Where do you feel safest?', 'open', null],
  ['What worries you most about the baby?', 'open', null],
  ['I wonder what it is like to be at a new school.', 'open', null],
];

describe('the open-question coach (rule: verdicts closed / why / leading / stacked / open, with open rewrites)', () => {
  test('the table has at least 60 questions, with every kind of verdict', () => {
    assert.ok(TABLE.length >= 60, `${TABLE.length} questions`);
    for (const v of ['closed', 'why', 'leading', 'stacked', 'open'] as const)
      assert.ok(TABLE.filter((r) => r[1] === v).length >= 5, `at least five ${v} questions`);
  });

  for (const [question, verdict, rewrite] of TABLE) {
    test(`${verdict}: ${question}`, () => {
      const c = coach(question);
      assert.equal(c.verdict, verdict);
      assert.ok(c.reason.length > 20 && c.reason.endsWith('.'), 'one sentence saying why');
      assert.equal(c.reason.split(/\.\s/).length, 1, 'one sentence');
      if (verdict === 'open') {
        assert.deepEqual(c.rewrites, []);
        return;
      }
      assert.ok(
        rewrite && c.rewrites.includes(rewrite),
        `offers “${rewrite}”; got ${JSON.stringify(c.rewrites)}`,
      );
      // Every alternative offered is itself open, and none is offered twice.
      for (const r of c.rewrites) assert.equal(coach(r).verdict, 'open', `“${r}” should be open`);
      assert.equal(new Set(c.rewrites).size, c.rewrites.length);
    });
  }

  test('the seed’s own example: both open forms are offered', () => {
    const c = coach('Do you have anyone that supports you with the children?');
    assert.deepEqual(c.rewrites, [
      'Tell me about who supports you with the children.',
      'Who supports you with the children?',
    ]);
  });

  test('curly apostrophes and extra spaces read the same as plain ones', () => {
    assert.equal(coach('Don’t  you think   you should stop drinking?').verdict, 'leading');
    assert.equal(coach('  why  did you go? ').verdict, 'why');
  });

  test('a closed question says which word closes it', () => {
    assert.match(coach('Can you keep the children safe?').reason, /“can”/);
  });
});

describe('what the coach will read (rule: empty or very long input gets a plain message)', () => {
  test('empty and blank questions', () => {
    for (const q of ['', '   ', '\n\t']) {
      const r = checkQuestion(q);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, /Type a question/);
    }
  });
  test('10,000 characters is refused with its length', () => {
    const r = checkQuestion('Do you '.repeat(1500).slice(0, 10_000));
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /10,000 characters/);
  });
  test('a real question passes, tidied', () => {
    assert.deepEqual(checkQuestion('  Are you   OK? '), { ok: true, question: 'Are you OK?' });
  });
});

describe('the word forms the rewrites use', () => {
  test('-ing, third person and past', () => {
    assert.deepEqual(['move', 'see', 'stop', 'visit', 'lie', 'talk'].map(gerund), [
      'moving',
      'seeing',
      'stopping',
      'visiting',
      'lying',
      'talking',
    ]);
    assert.deepEqual(['visit', 'go', 'try', 'have', 'watch'].map(thirdPerson), [
      'visits',
      'goes',
      'tries',
      'has',
      'watches',
    ]);
    assert.deepEqual(['go', 'miss', 'try', 'stop', 'arrive'].map(pastOf), [
      'went',
      'missed',
      'tried',
      'stopped',
      'arrived',
    ]);
  });
});
