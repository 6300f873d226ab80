import { formatDate } from '../platform/views/format.ts';
import type { InterviewRecord } from './interviews.repo.ts';
import type { WfListTable } from './schema.ts';

export const RATINGS = [
  ['supervision', 'Supervision'],
  ['caseload', 'Caseload'],
  ['training', 'Training and development'],
  ['practiceModel', 'The practice model'],
  ['childrenAtHeart', 'Feeling that children are at the heart of the work'],
] as const;
const SCALE = ['1 – very poor', '2 – poor', '3 – all right', '4 – good', '5 – very good'];

type Kept = { values: Record<string, unknown>; errors: unknown } | undefined;
type Leaver = {
  id: string;
  name: string;
  job_title: string;
  team_name: string | null;
  service_name: string | null;
  is_agency: number;
  left_on: string;
};

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : []);

/** The questionnaire's fields, for the PSW's form and the leaver's own: reasons with the main one, ratings, words. */
export function questionnaireFields(reasons: WfListTable[], kept: Kept) {
  const v = kept?.values ?? {};
  const chosen = new Set(asList(v.reasons));
  return {
    values: v,
    errors: kept?.errors,
    reasonItems: reasons.map((r) => ({ value: r.id, text: r.label, checked: chosen.has(r.id) })),
    mainReasonItems: reasons.map((r) => ({ value: r.id, text: r.label, checked: v.mainReason === r.id })),
    ratings: RATINGS.map(([name, text]) => ({
      name,
      text,
      items: [
        ...SCALE.map((s, i) => ({ value: String(i + 1), text: s, checked: v[name] === String(i + 1) })),
        { value: '', text: 'Not answered', checked: !v[name] },
      ],
    })),
    consentItems: [
      {
        value: 'yes',
        text: 'Yes, my words may be quoted once names, teams and details that could identify anyone are removed',
        checked: v.consentToQuote === 'yes',
      },
      { value: 'no', text: 'No, do not quote me', checked: v.consentToQuote === 'no' },
    ],
  };
}

const leaverFacts = (l: Leaver) => [
  { key: { text: 'Role' }, value: { text: l.job_title } },
  {
    key: { text: 'Team' },
    value: { text: [l.team_name, l.service_name].filter(Boolean).join(', ') || 'None' },
  },
  { key: { text: 'Contract' }, value: { text: l.is_agency ? 'Agency' : 'Permanent' } },
  { key: { text: 'Leaving date' }, value: { text: formatDate(l.left_on) } },
];

export function presentNewInterview(leaver: Leaver, reasons: WfListTable[], kept: Kept) {
  return {
    title: `Exit interview: ${leaver.name}`,
    leaver,
    facts: leaverFacts(leaver),
    action: `/workforce/leavers/${leaver.id}/interview`,
    ...questionnaireFields(reasons, kept),
    backLink: { href: '/workforce', text: 'Exit interviews' },
  };
}

const rating = (n: number | null) => (n ? SCALE[n - 1]! : 'Not answered');

export function presentInterview(i: InterviewRecord, themes: WfListTable[], kept: Kept) {
  const tagged = new Set(kept ? asList(kept.values.themes) : i.themeIds);
  return {
    title: `Exit interview: ${i.name}`,
    interview: i,
    awaitingReview: i.status === 'awaiting-review',
    reduced: !!i.reduced_at,
    facts: [
      { key: { text: 'Role' }, value: { text: i.job_title } },
      { key: { text: 'Team' }, value: { text: [i.team_name, i.service_name].filter(Boolean).join(', ') } },
      { key: { text: 'Contract' }, value: { text: i.is_agency ? 'Agency' : 'Permanent' } },
      { key: { text: 'Started' }, value: { text: i.started_on ? formatDate(i.started_on) : 'Not given' } },
      { key: { text: 'Leaving date' }, value: { text: formatDate(i.leaving_on) } },
      { key: { text: 'Going to' }, value: { text: i.destination || 'Not given' } },
      {
        key: { text: 'Answered by' },
        value: {
          text:
            i.source === 'self'
              ? 'The leaver, through a self-service link'
              : 'Recorded by the PSW or a delegate',
        },
      },
    ],
    answers: [
      {
        key: { text: 'Reasons for leaving' },
        value: { text: i.reasons.map((r) => r.label).join(', ') || 'None given' },
      },
      { key: { text: 'Main reason' }, value: { text: i.main_reason ?? 'None given' } },
      ...RATINGS.map(([name, text]) => ({
        key: { text },
        value: {
          text: rating(
            {
              supervision: i.rating_supervision,
              caseload: i.rating_caseload,
              training: i.rating_training,
              practiceModel: i.rating_practice_model,
              childrenAtHeart: i.rating_children_at_heart,
            }[name],
          ),
        },
      })),
      {
        key: { text: 'What would have made them stay' },
        value: {
          text: i.reduced_at
            ? 'Removed after the retention period'
            : i.would_have_stayed || 'Nothing written',
        },
      },
      {
        key: { text: 'Anything else' },
        value: {
          text: i.reduced_at ? 'Removed after the retention period' : i.free_text || 'Nothing written',
        },
      },
      { key: { text: 'May be quoted (anonymised)' }, value: { text: i.consent_to_quote ? 'Yes' : 'No' } },
    ],
    themeItems: themes.map((t) => ({ value: t.id, text: t.label, checked: tagged.has(t.id) })),
    quote: kept ? String(kept.values.quote ?? '') : (i.quote ?? ''),
    canQuote: i.consent_to_quote === 1 && !i.reduced_at,
    errors: kept?.errors,
    backLink: { href: '/workforce', text: 'Exit interviews' },
  };
}

export function presentOverview(
  data: {
    interviews: {
      id: string;
      staff_id: string;
      name: string;
      leaving_on: string;
      status: string;
      source: string;
      team_name: string;
      main_reason: string | null;
      reduced_at: string | null;
    }[];
    leaving:
      | Leaver[]
      | {
          id: string;
          name: string;
          left_on: string | null;
          team_name: string | null;
          job_title: string;
          service_name: string | null;
          is_agency: number;
        }[];
  } | null,
  today: string,
) {
  if (!data) return { title: 'Exit interviews', allowed: false };
  const interviewed = new Set(data.interviews.map((i) => `${i.staff_id}|${i.leaving_on}`));
  const waiting = data.interviews.filter((i) => i.status === 'awaiting-review');
  return {
    title: 'Exit interviews',
    allowed: true,
    waiting: waiting.map((i) => ({
      href: `/workforce/interviews/${i.id}`,
      name: i.name,
      when: formatDate(i.leaving_on),
    })),
    rows: data.interviews
      .filter((i) => i.status === 'complete')
      .map((i) => ({
        href: `/workforce/interviews/${i.id}`,
        name: i.name,
        when: formatDate(i.leaving_on),
        team: i.team_name,
        reason: i.main_reason ?? 'not given',
        kind: i.reduced_at ? 'coded answers only' : i.source === 'self' ? 'self-service' : 'interview',
      })),
    toInterview: data.leaving
      .filter((l) => l.left_on && !interviewed.has(`${l.id}|${l.left_on}`))
      .map((l) => ({
        id: l.id,
        name: l.name,
        team: l.team_name ?? '',
        when: formatDate(l.left_on!),
        future: (l.left_on ?? '') >= today,
      })),
  };
}

/** What a self-service link that cannot be used says: the same for expired, used and unknown links. */
export const linkUnusableView = () => ({
  title: 'This link cannot be used',
  message:
    'This link has expired or has already been used. If you still want to tell us why you are leaving, ask the Principal Social Worker for a new link.',
});

/** The leaver's own questionnaire. */
export function presentSelfService(
  found: { leaver: { name: string }; reasons: WfListTable[] },
  token: string,
  kept: Kept,
) {
  return {
    title: 'Before you go: tell us about working here',
    firstName: found.leaver.name.split(' ')[0],
    action: `/exit-interview/${token}`,
    ...questionnaireFields(found.reasons, kept),
  };
}
