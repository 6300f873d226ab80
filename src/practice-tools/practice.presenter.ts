import type { CoachInput, Coaching, Verdict } from './coach.rules.ts';
import type { PracticeCheck, Prompt } from './oars.rules.ts';
import type { Scenario } from './scenarios.ts';

const VERDICT_NAMES: Record<Verdict, string> = {
  closed: 'A closed question',
  why: 'A “why” question',
  leading: 'A leading question',
  stacked: 'Several questions in one',
  open: 'An open question',
};

/** The coach's page: the form, and what the coach said about the last question asked. */
export function presentCoach(asked?: { input: CoachInput; coaching: Coaching | null; typed: string }) {
  const refused = asked && !asked.input.ok ? asked.input.message : null;
  return {
    title: asked?.coaching
      ? `${VERDICT_NAMES[asked.coaching.verdict]} – Open-question coach`
      : 'Open-question coach',
    typed: asked?.typed.slice(0, 2000) ?? '',
    errors: refused
      ? { summary: [{ text: refused, href: '#question' }], fields: { question: { text: refused } } }
      : undefined,
    result: asked?.coaching ? coachingView(asked.coaching, asked.input.ok ? asked.input.question : '') : null,
  };
}

export function coachingView(c: Coaching, question: string) {
  return {
    question,
    verdict: c.verdict,
    heading: VERDICT_NAMES[c.verdict],
    reason: c.reason,
    rewrites: c.rewrites,
    rewritesIntro:
      c.verdict === 'stacked'
        ? 'Ask one question at a time, for example:'
        : c.rewrites.length
          ? 'You could ask instead:'
          : null,
  };
}

/** The list of scenarios. */
export function presentScenarios(scenarios: Scenario[]) {
  return {
    title: 'Practise OARS',
    backLink: { href: '/practice-tools', text: 'Back to the coach' },
    rows: scenarios.map((s) => ({
      href: `/practice-tools/scenarios/${s.id}`,
      title: s.title,
      setting: s.setting,
    })),
  };
}

type Kept = { values: Record<string, unknown>; errors: unknown } | undefined;

/** One scenario with the four boxes to fill in; answers kept after a refused save. */
export function presentScenario(s: Scenario, kept: Kept) {
  return {
    title: s.title,
    scenario: s,
    values: kept?.values ?? {},
    errors: kept?.errors,
    backLink: { href: '/practice-tools/scenarios', text: 'All scenarios' },
  };
}

const promptView = (p: Prompt) => ({ good: p.good, text: p.text, tag: p.good ? 'Looks right' : 'Try this' });

/** After a try: the coach on the question, prompts for the others, the model answers, and the CPD form. */
export function presentPracticeFeedback(
  s: Scenario,
  answers: { question: string; affirmation: string; reflection: string; summary: string },
  check: PracticeCheck,
) {
  return {
    title: `Your practice: ${s.title}`,
    scenario: s,
    answers,
    question: check.question ? coachingView(check.question, answers.question.trim()) : null,
    parts: [
      {
        label: 'Affirmation',
        answer: answers.affirmation,
        model: s.model.affirmation,
        prompt: promptView(check.affirmation),
      },
      {
        label: 'Reflection',
        answer: answers.reflection,
        model: s.model.reflection,
        prompt: promptView(check.reflection),
      },
      {
        label: 'Summary',
        answer: answers.summary,
        model: s.model.summary,
        prompt: promptView(check.summary),
      },
    ],
    values: {},
    backLink: { href: `/practice-tools/scenarios/${s.id}`, text: 'Try this scenario again' },
  };
}

/** What goes into the CPD record: the scenario, the four answers and the person's reflection. */
export function cpdEntryFor(
  s: Scenario,
  a: {
    question: string;
    affirmation: string;
    reflection: string;
    summary: string;
    myReflection: string;
    peerName?: string;
    peerReflection?: string;
  },
) {
  const lines = [
    `Practised OARS (motivational interviewing) on the scenario “${s.title}”.`,
    `Open question: ${a.question || '(none)'}`,
    `Affirmation: ${a.affirmation || '(none)'}`,
    `Reflection: ${a.reflection || '(none)'}`,
    `Summary: ${a.summary || '(none)'}`,
    '',
    `My reflection: ${a.myReflection}`,
  ];
  if (a.peerReflection) lines.push('', `Peer reflection from ${a.peerName}: ${a.peerReflection}`);
  return {
    title: `Practising OARS: ${s.title}`,
    reflection: lines.join('\n'),
    peerReflected: !!a.peerReflection,
  };
}
