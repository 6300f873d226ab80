import type { Area, SourceKind } from '../standards.rules.ts';

/** One standard of the Calderbrook demo set, written for this project. */
export interface DemoStandard {
  key: string;
  area: Area;
  title: string;
  level: 'must' | 'should';
  body: string;
  byWhen: string;
  whyChild: string;
  sourceKind: SourceKind;
  sourceDetail: string;
  timescaleField?: string;
  timescaleDays?: number;
  inAudit: boolean;
  related?: string[];
  links?: { text: string; href: string }[];
}

const WT = 'Working Together to Safeguard Children 2023';
const WT_LINK = {
  text: WT,
  href: 'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2',
};

export const DEMO_STANDARDS: DemoStandard[] = [
  {
    key: 'contact-decision',
    area: 'contact-referral',
    title: 'Decide what happens next with every contact',
    level: 'should',
    body: 'A qualified social worker or manager reads each contact and records a decision: no further action, advice, early help, or a referral for assessment.\n\nThe decision names who made it and the reasons, in words the family would understand.',
    byWhen: 'Within 1 working day of the contact',
    whyChild:
      'A child whose family asks for help, or about whom someone is worried, does not wait to find out whether anyone will act.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook front door agreement',
    timescaleDays: 1,
    inAudit: true,
  },
  {
    key: 'referral-feedback',
    area: 'contact-referral',
    title: 'Tell referrers and families what we decided',
    level: 'should',
    body: 'Let the person who made the referral know the outcome, unless doing so would put the child at risk. Tell the parents what happens next and why, unless that would put the child at risk.',
    byWhen: 'Within 3 working days of the decision',
    whyChild:
      'Professionals who know the child keep sharing what they see when they hear back; families who are told what happens next are more likely to work with us.',
    sourceKind: 'guidance',
    sourceDetail: WT,
    timescaleDays: 3,
    inAudit: false,
    links: [WT_LINK],
  },
  {
    key: 'assessment-timescale',
    area: 'assessment',
    title: 'Complete assessments within 45 working days',
    level: 'must',
    body: 'An assessment is finished and authorised by a manager no later than 45 working days from the referral. Most should finish sooner: set the date with the family at the start, according to what the child needs.',
    byWhen: 'Within 45 working days of the referral',
    whyChild:
      'A family waiting for an assessment is often waiting for help. The sooner we understand the child’s needs, the sooner the right support starts.',
    sourceKind: 'guidance',
    sourceDetail: `${WT}, chapter 3`,
    timescaleField: 'assessment-workingDays',
    timescaleDays: 45,
    inAudit: true,
    links: [WT_LINK],
  },
  {
    key: 'see-child-alone',
    area: 'assessment',
    title: 'See the child, and see them alone when it is safe to',
    level: 'must',
    body: 'Every assessment records that the child was seen, where, and whether they were seen alone. When a child was not seen alone, record why.\n\nUse the child’s own words in the record where you can.',
    byWhen: 'During every assessment and every statutory visit',
    whyChild: 'Children tell us things when they feel safe to, often away from the adults at home.',
    sourceKind: 'guidance',
    sourceDetail: WT,
    inAudit: true,
  },
  {
    key: 'smart-plan',
    area: 'planning',
    title: 'Plans say who will do what, by when',
    level: 'should',
    body: 'Each child’s plan is specific, measurable, achievable, realistic and timed. Every action has a named person and a date, including the actions that are ours.',
    byWhen: 'When the plan is made, and at every review',
    whyChild: 'We ask parents to keep to the plan; children benefit when we keep to our side of it too.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook practice model',
    inAudit: true,
  },
  {
    key: 'core-group',
    area: 'planning',
    title: 'Hold the first core group within 10 working days of the conference',
    level: 'must',
    body: 'The first core group meets within 10 working days of the initial child protection conference and turns the outline plan into a detailed one.',
    byWhen: 'Within 10 working days of the initial conference',
    whyChild: 'The people around the child start working on the plan together straight away.',
    sourceKind: 'guidance',
    sourceDetail: WT,
    timescaleField: 'first-core-group-workingDays',
    timescaleDays: 10,
    inAudit: true,
  },
  {
    key: 'cp-visits',
    area: 'visits',
    title: 'Visit children on a child protection plan at least every 10 working days',
    level: 'should',
    body: 'Each child on a child protection plan is visited and seen at least every 10 working days, more often if the plan says so. Record each visit, who was seen and whether the child was seen alone.',
    byWhen: 'At least every 10 working days while the plan lasts',
    whyChild: 'A child at risk of significant harm is seen often enough for changes to be noticed.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook local standard (the law sets no frequency; the plan does)',
    timescaleField: 'cp-visits-workingDays',
    timescaleDays: 10,
    inAudit: true,
    related: ['see-child-alone'],
  },
  {
    key: 'cin-visits',
    area: 'visits',
    title: 'Visit children in need as often as their plan says',
    level: 'should',
    body: 'Each child with a child in need plan is visited and seen as often as the plan says, and never less often than the child in need visits timescale on [how we work it out](/performance/how-we-work-it-out).',
    byWhen: 'As the plan says, within the child in need visits timescale',
    whyChild: 'The worker sees whether the help is making a difference to the child.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook local standard',
    inAudit: true,
  },
  {
    key: 'record-visits',
    area: 'recording',
    title: 'Write up visits promptly, for the child to read one day',
    level: 'should',
    body: 'Record each visit within 2 working days. Write as though the child will read their file as an adult: plainly, respectfully, and with their words and wishes.',
    byWhen: 'Within 2 working days of the visit',
    whyChild: 'Many adults who were in care read their records; what we write is part of their story.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook recording policy',
    timescaleDays: 2,
    inAudit: true,
  },
  {
    key: 'record-leaver-contact',
    area: 'recording',
    title: 'Record every attempt to reach a worker who has left',
    level: 'should',
    body: 'When a complaint or enquiry concerns a worker who has since left, the investigating manager tries to contact them and records each attempt: the date, how, and the outcome, even when there is no reply.',
    byWhen: 'As each attempt is made',
    whyChild:
      'If the complaint goes further, the family can see we tried to hear every side, and the child’s record shows what was done.',
    sourceKind: 'local',
    sourceDetail: 'Learning from a Stage 1 complaint',
    inAudit: false,
  },
  {
    key: 'supervision-frequency',
    area: 'supervision',
    title: 'Reflective supervision at least monthly',
    level: 'should',
    body: 'Every case-holding worker has supervision at least once a month, recorded on each child discussed, with the decisions and the reasons for them.',
    byWhen: 'At least every 20 working days',
    whyChild: 'Decisions about the child are tested by a second experienced person and written down.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook supervision policy',
    timescaleDays: 20,
    inAudit: true,
  },
  {
    key: 'management-oversight',
    area: 'supervision',
    title: 'Management oversight at each key decision',
    level: 'should',
    body: 'A manager records their oversight when a case opens, when a plan starts, changes or ends, and when the case transfers or closes.',
    byWhen: 'At each key decision',
    whyChild: 'The important decisions in a child’s life are never made by one person alone.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook practice model',
    inAudit: true,
  },
  {
    key: 'minutes-to-families',
    area: 'meetings',
    title: 'Send minutes to families within the agreed timescale',
    level: 'should',
    body: 'Send the minutes of every meeting about a child to the family and the people who attended within 15 working days of the meeting, and record the date they were sent.',
    byWhen: 'Within 15 working days of the meeting',
    whyChild:
      'Families can only do what was agreed if they have it in writing; being reliable is part of building the relationship.',
    sourceKind: 'local',
    sourceDetail: 'Learning from a complaint about minutes',
    timescaleDays: 15,
    inAudit: true,
  },
  {
    key: 'child-voice-meetings',
    area: 'meetings',
    title: 'Bring the child’s views to every meeting about them',
    level: 'should',
    body: 'Before each meeting, find out what the child thinks and wants, in a way that suits their age, and make sure it is heard at the meeting.',
    byWhen: 'Before every meeting',
    whyChild: 'Decisions about a child are better when the child has been heard.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook practice model',
    inAudit: true,
  },
  {
    key: 'transfer-summary',
    area: 'transfer-closure',
    title: 'A transfer summary and a visit together when a case moves',
    level: 'should',
    body: 'When a case moves to another team, the current worker writes a transfer summary and, where possible, visits the child with the new worker.',
    byWhen: 'Within 5 working days of the transfer decision',
    whyChild: 'Children do not have to tell their story again to a stranger.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook transfer protocol',
    timescaleDays: 5,
    inAudit: false,
  },
  {
    key: 'closure-letter',
    area: 'transfer-closure',
    title: 'Close with a letter to the family',
    level: 'should',
    body: 'When a case closes, write to the family explaining why, what changed, and who to contact if they need help again.',
    byWhen: 'When the case closes',
    whyChild: 'Families know how to ask again if things get harder.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook practice model',
    inAudit: true,
  },
  {
    key: 'complaint-response-times',
    area: 'complaints',
    title: 'Answer complaints within the times the law sets',
    level: 'must',
    body: 'When a child, a young person or someone on their behalf makes a complaint, log it on the day it arrives and agree who will answer it. Answer each stage within its statutory timescale. If more time is genuinely needed, agree an extension with the complainant before the first deadline passes and tell them the new date in writing.\n\nEvery response says what was found for each part of the complaint, what we will do about it, and how to take it to the next stage.',
    byWhen: 'Within the statutory timescale of each stage',
    whyChild:
      'A child who complains is telling us something is wrong in their life now; a late answer tells them they were not worth hearing, and the problem carries on while they wait.',
    sourceKind: 'statute',
    sourceDetail: 'Children Act 1989 Representations Procedure (England) Regulations 2006',
    inAudit: false,
    related: ['record-leaver-contact'],
  },
  {
    key: 'complaint-early-contact',
    area: 'complaints',
    title: 'Talk with the person who complained before writing back',
    level: 'should',
    body: 'The manager answering a Stage 1 complaint phones or meets the person who complained before writing the response, to check what they want to happen and whether it can be put right straight away.',
    byWhen: 'Within 3 working days of receiving the complaint',
    whyChild:
      'Many complaints are about a child’s day-to-day life — a missed visit, an unreturned call — and can be put right in a conversation, long before a letter would arrive.',
    sourceKind: 'local',
    sourceDetail: 'Calderbrook complaints procedure',
    timescaleDays: 3,
    inAudit: false,
  },
];

/** Changes made to the demo standards over the year: which, how many days ago, and what. */
export const DEMO_AMENDMENTS: {
  key: string;
  daysAgo: number;
  summary: string;
  reason: string;
  major: boolean;
  body?: string;
  byWhen?: string;
  timescaleDays?: number;
}[] = [
  {
    key: 'minutes-to-families',
    daysAgo: 150,
    summary: 'The timescale is now 10 working days, and sending is recorded on the child’s file.',
    reason: 'A complaint found minutes reaching a family weeks after the meeting.',
    major: true,
    body: 'Send the minutes of every meeting about a child to the family and the people who attended within 10 working days of the meeting. Record on the child’s file the date they were sent and to whom.',
    byWhen: 'Within 10 working days of the meeting',
    timescaleDays: 10,
  },
  {
    key: 'cp-visits',
    daysAgo: 60,
    summary:
      'Says that a visit counts only when the child was seen, and asks for the reason when they were not seen alone.',
    reason: 'Case audits found visits recorded where the child had not been seen.',
    major: true,
    body: 'Each child on a child protection plan is visited and seen at least every 10 working days, more often if the plan says so. A visit counts only when the child was seen. Record who was seen and whether the child was seen alone; when they were not, record why.',
  },
  {
    key: 'record-visits',
    daysAgo: 30,
    summary: 'Added a link to the recording guide.',
    reason: 'Practitioners asked where the guide was.',
    major: false,
  },
  {
    key: 'record-leaver-contact',
    daysAgo: 12,
    summary: 'Applies to enquiries as well as complaints.',
    reason: 'Agreed at the practice board.',
    major: false,
  },
];
