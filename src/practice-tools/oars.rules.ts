import { coach } from './coach.rules.ts';

/**
 * Prompts for the other three parts of OARS: an affirmation, a reflection and
 * a summary. These are not marks: each says what is there and what could make
 * it stronger, so the practitioner can compare with the model answer after.
 */
export interface Prompt {
  /** True when nothing needs mending. */
  good: boolean;
  text: string;
}

const trimmed = (s: string) => s.replace(/\s+/g, ' ').trim();

export function affirmationPrompt(raw: string): Prompt {
  const a = trimmed(raw);
  if (!a)
    return {
      good: false,
      text: 'Write an affirmation: name something the person has done, or a strength they have shown.',
    };
  if (a.endsWith('?'))
    return { good: false, text: 'An affirmation is a statement, not a question: say what you have noticed.' };
  if (/\bbut\b/i.test(a))
    return { good: false, text: '“But” can cancel out the strength you have named; try ending before it.' };
  if (/^(?:good|great|well done|brilliant|nice one)\b/i.test(a))
    return {
      good: false,
      text: 'Praise says what you think of them; an affirmation names their effort or strength (“You have …”).',
    };
  if (!/\b(?:you|your|you've|you're)\b/i.test(a))
    return { good: false, text: 'Say it to the person, about them: start with “You …”.' };
  return {
    good: true,
    text: 'This speaks to the person about something they have done or a strength they have.',
  };
}

const REFLECTION_START =
  /^(?:it sounds like|it sounds as if|so you|you feel|you are|you're|you have|you've|you want|you would|it seems|if i understand|part of you|you sound|you're feeling|you are feeling|what i am hearing)/i;

export function reflectionPrompt(raw: string, says: string): Prompt {
  const r = trimmed(raw);
  if (!r)
    return {
      good: false,
      text: 'Write a reflection: say back what the person meant, in other words — “It sounds like …”.',
    };
  if (r.endsWith('?'))
    return {
      good: false,
      text: 'Say a reflection as a statement, your voice going down at the end; a question asks them to agree.',
    };
  if (!REFLECTION_START.test(r) && !/\b(?:you|your|you're|you've)\b/i.test(r))
    return {
      good: false,
      text: 'Try starting “It sounds like …” or “You feel …”, so it is clearly about them.',
    };
  const theirs = new Set(says.toLowerCase().match(/[a-z']{4,}/g) ?? []);
  const mine = r.toLowerCase().match(/[a-z']{4,}/g) ?? [];
  const echoed = mine.filter((w) => theirs.has(w)).length;
  if (mine.length >= 4 && echoed / mine.length > 0.6)
    return { good: false, text: 'This mostly repeats their words; say what they meant in your own words.' };
  return { good: true, text: 'This says back what you heard, in other words, as a statement.' };
}

export function summaryPrompt(raw: string): Prompt {
  const s = trimmed(raw);
  if (!s)
    return {
      good: false,
      text: 'Write a summary: bring together two or three things they told you, then check you have it right.',
    };
  const points = s.split(/,|;|\band\b/i).filter((p) => p.trim().length > 3).length;
  if (points < 2)
    return { good: false, text: 'A summary gathers several things they said; add another point they made.' };
  if (!/\?$/.test(s) || !/(right|fair|missed?|understood|understand|anything)/i.test(s.slice(-60)))
    return {
      good: false,
      text: 'End by checking with them — “Have I got that right?” — so they can correct you.',
    };
  return { good: true, text: 'This brings together what they said and checks it with them.' };
}

/** All four parts of one try at a scenario. */
export function checkPractice(
  answers: { question: string; affirmation: string; reflection: string; summary: string },
  says: string,
) {
  const q = trimmed(answers.question);
  return {
    question: q ? coach(q) : null,
    affirmation: affirmationPrompt(answers.affirmation),
    reflection: reflectionPrompt(answers.reflection, says),
    summary: summaryPrompt(answers.summary),
  };
}
export type PracticeCheck = ReturnType<typeof checkPractice>;
