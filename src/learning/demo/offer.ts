import type { NewCourse, NewSession } from '../offer.repo.ts';

/**
 * The facts of the seed bulletin's training offer (December 2021 – January
 * 2022), described in our own words. Dates are the seed's; the demo moves them
 * forward by whole weeks. Where the seed gives no end time, no time, no date or
 * no number of places, we leave it blank rather than invent it; internal
 * sessions without a stated number of places get 16, a demo assumption.
 */
type DemoSession = Omit<NewSession, 'courseId'>;
export interface DemoCourse {
  course: NewCourse;
  focus?: boolean;
  sessions?: DemoSession[];
}

const room = 'Learning Centre, Calderbrook Town Hall';
const teams = 'https://teams.example/calderbrook-learning';
const two = (day: string, start: string, end: string | null, capacity = 16): DemoSession => ({
  capacity,
  venue: room,
  trainers: 'Practice and Learning Team',
  parts: [{ day, start, end }],
});
const RIP = {
  provider_kind: 'external' as const,
  provider_name: 'Research in Practice',
  provider_link: 'https://www.researchinpractice.org.uk/',
  provider_instructions:
    'Use your council email address when you register, so Research in Practice can match you to our allocation.',
  category: 'Research in Practice',
};
const noDates = (
  title: string,
  summary: string,
  category: string,
  extra: Partial<NewCourse> = {},
): DemoCourse => ({
  course: { title, summary, category, ...extra },
});

export const LEARNING_OFFER: DemoCourse[] = [
  {
    focus: true,
    course: {
      title: 'Motivational Interviewing (practice focus)',
      summary:
        'Conversations for change: open questions, affirmations, reflections and summaries (OARS), and why mixed feelings about change are normal.',
      category: 'Practice focus',
      outcomes:
        'Turn a closed question into an open one\nNotice and name strengths\nReflect back what a parent meant, in your own words\nSummarise to check you have understood',
    },
    sessions: [
      two('2021-12-02', '09:00', '11:00'),
      two('2021-12-07', '09:00', '11:00'),
      two('2021-12-13', '15:00', '17:00'),
      two('2021-12-20', '09:00', '11:00'),
      two('2022-01-12', '09:00', '11:00'),
      two('2022-01-18', '09:00', '11:00'),
      two('2022-01-20', '15:00', '17:00'),
      two('2022-01-26', '09:00', '11:00'),
    ],
  },
  {
    course: {
      title: 'Induction for new staff in children’s social care',
      summary:
        'Three days, booked together, for everyone new to the service (agency staff included): our practice model, how we work with families and what they can expect from us.',
      category: 'Induction',
    },
    sessions: [
      {
        ...two('2021-12-01', '09:30', '16:30', 20),
        label: 'December',
        parts: [
          { day: '2021-12-01', start: '09:30', end: '16:30' },
          { day: '2021-12-08', start: '09:30', end: '15:00' },
          { day: '2021-12-15', start: '09:30', end: '15:00' },
        ],
      },
      {
        ...two('2022-01-05', '09:30', '16:30', 20),
        label: 'January',
        parts: [
          { day: '2022-01-05', start: '09:30', end: '16:30' },
          { day: '2022-01-12', start: '09:30', end: '15:00' },
          { day: '2022-01-19', start: '09:30', end: '15:00' },
        ],
      },
    ],
  },
  {
    course: {
      title: 'Our Practice Model and the Signs of Safety approach',
      summary: 'A refresher for anyone who missed it at induction or wants to revisit it.',
      category: 'Refresher',
    },
    sessions: [two('2021-12-01', '10:00', '11:30')],
  },
  {
    course: {
      title: 'Voice of the Child',
      summary:
        'A refresher on hearing and recording what children tell us, and showing how it shaped our work.',
      category: 'Refresher',
    },
    sessions: [two('2021-12-01', '13:30', '15:00')],
  },
  {
    course: {
      title: 'Section 47 enquiries and strategy discussions',
      summary: 'A refresher on child protection enquiries and the strategy discussions that start them.',
      category: 'Refresher',
    },
    sessions: [two('2021-12-08', '09:30', '11:15')],
  },
  {
    course: {
      title: 'Life Story Work',
      summary: 'A refresher on helping children in care understand their own story.',
      category: 'Refresher',
    },
    sessions: [two('2021-12-15', '13:30', '15:00')],
  },
  noDates(
    'Working with Men',
    'A repeat of an earlier practice focus on engaging fathers and other men in children’s lives. Dates are still to be set.',
    'Practice focus',
  ),
  noDates(
    'Professional Curiosity',
    'A repeat of an earlier practice focus on looking beyond what we are first told. Dates are still to be set.',
    'Practice focus',
  ),
  noDates(
    'Early Help: assessments and SMART planning',
    'An Early Help module on assessing with families and writing plans that are specific and time-bound.',
    'Early Help',
  ),
  noDates(
    'Early Help: Team Around the Family',
    'An Early Help module on bringing the professionals around a family together.',
    'Early Help',
  ),
  noDates(
    'Court skills: care plans',
    'Part of the court skills programme running through December.',
    'Court skills',
  ),
  noDates(
    'Court skills: court statements',
    'Part of the court skills programme running through December.',
    'Court skills',
  ),
  noDates(
    'Court skills: permanency planning',
    'Part of the court skills programme running through December.',
    'Court skills',
  ),
  noDates(
    'Court skills: assessment planning in court proceedings',
    'Part of the court skills programme running through December.',
    'Court skills',
  ),
  {
    course: {
      title: 'Infant Mental Health workshop',
      summary:
        'A full-day workshop by an outside organisation on the emotional development of babies and very young children. Times to be confirmed.',
      category: 'Workshop',
      provider_kind: 'external',
      provider_name: 'Little Minds Matter',
    },
    sessions: [{ capacity: 16, venue: room, parts: [{ day: '2021-12-12', start: null, end: null }] }],
  },
  {
    course: {
      title: 'Adoption law and practice',
      summary: 'A two-day course by a regional adoption agency, booked as one. Times to be confirmed.',
      category: 'Workshop',
      provider_kind: 'external',
      provider_name: 'One Adoption',
    },
    sessions: [
      {
        capacity: 16,
        venue: room,
        parts: [
          { day: '2021-12-15', start: null, end: null },
          { day: '2021-12-16', start: null, end: null },
        ],
      },
    ],
  },
  {
    course: {
      title: 'Neglect and poverty-aware practice',
      summary:
        'A Research in Practice workshop run three times in one day. The council has 12 places at each.',
      ...RIP,
    },
    sessions: ['10:00', '13:00', '15:00'].map((start) => ({
      capacity: 12,
      onlineLink: 'https://www.researchinpractice.org.uk/',
      label: `${start} session`,
      parts: [{ day: '2021-12-02', start, end: null }],
    })),
  },
  noDates(
    'Social work organisational resilience (SWORD) and learning from the pandemic',
    'A Research in Practice seminar. The council has only 4 places; you must also register with Research in Practice. Dates are set by the provider.',
    'Research in Practice',
    RIP,
  ),
  noDates(
    'The social gradient in children’s social care',
    'A Research in Practice seminar on what the social gradient is and what to do about it. 4 council places; register with the provider too.',
    'Research in Practice',
    RIP,
  ),
  noDates(
    'Understanding suicide and homicide risk in family carers',
    'A Research in Practice seminar. 4 council places; register with the provider too.',
    'Research in Practice',
    RIP,
  ),
  noDates(
    'Life story work: making books and explaining difficult stories',
    'A Research in Practice seminar. 4 council places; register with the provider too.',
    'Research in Practice',
    RIP,
  ),
  noDates(
    'An introduction to the Power Threat Meaning framework',
    'A Research in Practice seminar. 4 council places; register with the provider too.',
    'Research in Practice',
    RIP,
  ),
  {
    course: {
      title: 'Managing Our Performance',
      summary:
        'For managers and practice supervisors: talking about whether children get the right help at the right time. Online; the time is to be confirmed.',
      category: 'Managers',
      audience: 'managers',
      needs_approval: 1,
    },
    sessions: [{ capacity: 16, onlineLink: teams, parts: [{ day: '2021-12-08', start: null, end: null }] }],
  },
  noDates(
    'Courageous Conversations (managers’ practice focus)',
    'This month’s practice focus for managers. Dates will be added soon: register your interest to be told.',
    'Managers',
    { audience: 'managers' },
  ),
];
