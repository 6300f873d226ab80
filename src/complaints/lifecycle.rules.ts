import type { WorkingCalendar } from '../platform/calendar/working-days.ts';
import { escalationDeadline, STAGE_RULES, type StageNumber, type StageTimes } from './clocks.rules.ts';
import { receivedProblem } from './dates.rules.ts';

/**
 * A complaint's life as a pure reducer over events: the record in the database
 * is the list of accepted events, and the state is their replay. `step`
 * either returns the next state or says, in words a complaints officer can
 * act on, why the event is refused (and the state is untouched).
 *
 *   received ──► Stage 1 open ──respond──► Stage 1 answered ──escalate──► Stage 2 open ──► …
 *                    │ ▲ extend, finding,       │    │                         Stage 3 open
 *                    │ └ element                │    └─resolve──► resolved     (panel, report,
 *                    └────────withdraw──────────┴──────────────► withdrawn      respond)
 *   Ombudsman referral: recorded once any stage has been answered; it does not change the stage.
 */
export const OUTCOMES = ['upheld', 'partly-upheld', 'not-upheld'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Element {
  id: string;
  summary: string;
  theme: string;
  /** The stage at which the complainant raised it. */
  fromStage: StageNumber;
}

export type ComplaintEvent =
  | { type: 'received'; on: string; elements: { id: string; summary: string; theme: string }[] }
  | { type: 'element-added'; on: string; id: string; summary: string; theme: string }
  | { type: 'extended'; on: string; toDays: number; reason: string }
  | { type: 'finding'; on: string; elementId: string; outcome: Outcome; finding: string }
  | { type: 'panel-held'; on: string }
  | { type: 'report-issued'; on: string }
  | { type: 'responded'; on: string }
  | { type: 'escalated'; on: string; clockStartOn?: string; lateReason?: string }
  | { type: 'resolved'; on: string }
  | { type: 'withdrawn'; on: string; reason: string }
  | { type: 'ombudsman'; on: string; reference: string };

export interface Stage {
  stage: StageNumber;
  requestedOn: string;
  clockStartOn: string;
  allowedDays: number;
  extensions: { on: string; toDays: number; reason: string }[];
  lateReason: string | null;
  panelOn: string | null;
  reportOn: string | null;
  respondedOn: string | null;
  findings: Record<string, { outcome: Outcome; finding: string }>;
}

export type Status = 'open' | 'answered' | 'resolved' | 'withdrawn';

export interface ComplaintState {
  receivedOn: string;
  status: Status;
  elements: Element[];
  stages: Stage[];
  withdrawnReason: string | null;
  closedOn: string | null;
  ombudsman: { on: string; reference: string } | null;
}

export interface Refusal {
  message: string;
  field: string;
}
export type StepResult = { ok: true; state: ComplaintState } | { ok: false; refusal: Refusal };

export interface StepContext {
  today: string;
  calendar: WorkingCalendar;
}

const no = (message: string, field = 'on'): StepResult => ({ ok: false, refusal: { message, field } });
const yes = (state: ComplaintState): StepResult => ({ ok: true, state });

export const currentStage = (s: ComplaintState): Stage => s.stages[s.stages.length - 1]!;

/** What a stage's clock needs to know about it. */
export const stageTimes = (s: Stage): StageTimes => ({
  stage: s.stage,
  clockStartOn: s.clockStartOn,
  allowedDays: s.allowedDays,
  panelOn: s.panelOn,
  reportOn: s.reportOn,
  respondedOn: s.respondedOn,
});

/** Elements that must have an outcome before this stage can be answered. */
export const elementsFor = (s: ComplaintState, stage: StageNumber) =>
  s.elements.filter((e) => e.fromStage <= stage);

const newStage = (
  stage: StageNumber,
  requestedOn: string,
  clockStartOn: string,
  lateReason?: string,
): Stage => ({
  stage,
  requestedOn,
  clockStartOn,
  allowedDays: STAGE_RULES[stage].days,
  extensions: [],
  lateReason: lateReason ?? null,
  panelOn: null,
  reportOn: null,
  respondedOn: null,
  findings: {},
});

const withStage = (s: ComplaintState, change: Partial<Stage>): ComplaintState => ({
  ...s,
  stages: [...s.stages.slice(0, -1), { ...currentStage(s), ...change }],
});

export function receive(event: Extract<ComplaintEvent, { type: 'received' }>, ctx: StepContext): StepResult {
  const outOfRange = receivedProblem('the date received', event.on, ctx.today);
  if (outOfRange) return no(outOfRange, 'receivedOn');
  if (event.elements.length === 0) return no('Enter at least one element of the complaint', 'element1');
  return yes({
    receivedOn: event.on,
    status: 'open',
    elements: event.elements.map((e) => ({ ...e, fromStage: 1 })),
    stages: [newStage(1, event.on, event.on)],
    withdrawnReason: null,
    closedOn: null,
    ombudsman: null,
  });
}

export function step(s: ComplaintState, event: ComplaintEvent, ctx: StepContext): StepResult {
  if (event.type === 'received') return no('This complaint has already been received', 'form');
  if (event.on > ctx.today) return no('The date cannot be in the future');
  if (event.on < s.receivedOn) return no('The date cannot be before the complaint was received');
  const stage = currentStage(s);
  if (event.on < stage.requestedOn) return no(`The date cannot be before Stage ${stage.stage} started`);
  if (event.type === 'ombudsman') {
    if (s.ombudsman) return no('A referral to the Ombudsman has already been recorded', 'form');
    if (!s.stages.some((x) => x.respondedOn))
      return no('Record the council’s response before an Ombudsman referral', 'form');
    if (!event.reference.trim()) return no('Enter the Ombudsman’s reference', 'reference');
    return yes({ ...s, ombudsman: { on: event.on, reference: event.reference.trim() } });
  }
  if (s.status === 'resolved' || s.status === 'withdrawn')
    return no(`This complaint is ${s.status}: nothing more can change`, 'form');
  if (event.type === 'withdrawn') {
    if (!event.reason.trim()) return no('Say why the complaint was withdrawn', 'reason');
    return yes({ ...s, status: 'withdrawn', withdrawnReason: event.reason.trim(), closedOn: event.on });
  }
  if (s.status === 'answered') return afterResponse(s, stage, event, ctx);
  return whileOpen(s, stage, event);
}

function afterResponse(s: ComplaintState, stage: Stage, event: ComplaintEvent, ctx: StepContext): StepResult {
  if (event.type === 'resolved') return yes({ ...s, status: 'resolved', closedOn: event.on });
  if (event.type !== 'escalated')
    return no(`Stage ${stage.stage} has been answered: escalate, resolve or withdraw the complaint`, 'form');
  if (stage.stage === 3)
    return no('Stage 3 is the last stage: the complainant can go to the Ombudsman', 'form');
  if (event.on < stage.respondedOn!) return no('The request cannot be before the response it follows');
  const lastDay = escalationDeadline(ctx.calendar, stage.respondedOn!);
  const lateReason = event.lateReason?.trim();
  if (event.on > lastDay && !lateReason)
    return no(
      `The request came after ${lastDay}, the last day to ask: say why it is accepted late`,
      'lateReason',
    );
  const clockStartOn = event.clockStartOn ?? event.on;
  if (clockStartOn < event.on) return no('The clock cannot start before the request', 'clockStartOn');
  if (clockStartOn > ctx.today) return no('The clock start cannot be in the future', 'clockStartOn');
  const next = (stage.stage + 1) as StageNumber;
  return yes({
    ...s,
    status: 'open',
    stages: [
      ...s.stages,
      newStage(next, event.on, clockStartOn, event.on > lastDay ? lateReason : undefined),
    ],
  });
}

function whileOpen(s: ComplaintState, stage: Stage, event: ComplaintEvent): StepResult {
  switch (event.type) {
    case 'element-added': {
      if (!event.summary.trim()) return no('Describe the element', 'summary');
      if (s.elements.some((e) => e.id === event.id)) return no('That element already exists', 'summary');
      const element = {
        id: event.id,
        summary: event.summary.trim(),
        theme: event.theme,
        fromStage: stage.stage,
      };
      return yes({ ...s, elements: [...s.elements, element] });
    }
    case 'extended': {
      const max = STAGE_RULES[stage.stage].maxDays;
      if (stage.stage === 3) return no('Stage 3 timescales cannot be extended', 'toDays');
      if (!event.reason.trim()) return no('Say why the response needs more time', 'reason');
      if (!Number.isInteger(event.toDays) || event.toDays <= stage.allowedDays)
        return no(
          `An extension must allow more than the current ${stage.allowedDays} working days`,
          'toDays',
        );
      if (event.toDays > max)
        return no(`Stage ${stage.stage} can be extended to ${max} working days at most`, 'toDays');
      const extension = { on: event.on, toDays: event.toDays, reason: event.reason.trim() };
      return yes(withStage(s, { allowedDays: event.toDays, extensions: [...stage.extensions, extension] }));
    }
    case 'finding': {
      const element = s.elements.find((e) => e.id === event.elementId);
      if (!element) return no('Choose an element of this complaint', 'elementId');
      if (!(OUTCOMES as readonly string[]).includes(event.outcome)) return no('Choose an outcome', 'outcome');
      const findings = {
        ...stage.findings,
        [element.id]: { outcome: event.outcome, finding: event.finding.trim() },
      };
      return yes(withStage(s, { findings }));
    }
    case 'panel-held':
      if (stage.stage !== 3) return no('Only Stage 3 has a review panel', 'form');
      if (stage.panelOn) return no('The panel has already been recorded', 'form');
      return yes(withStage(s, { panelOn: event.on }));
    case 'report-issued':
      if (stage.stage !== 3) return no('Only Stage 3 has a panel report', 'form');
      if (!stage.panelOn) return no('Record the panel before its report', 'form');
      if (stage.reportOn) return no('The report has already been recorded', 'form');
      if (event.on < stage.panelOn) return no('The report cannot be before the panel');
      return yes(withStage(s, { reportOn: event.on }));
    case 'responded': {
      if (stage.stage === 3 && !stage.reportOn)
        return no('Record the panel and its report before the response', 'form');
      if (stage.reportOn && event.on < stage.reportOn)
        return no('The response cannot be before the panel report');
      const missing = elementsFor(s, stage.stage).filter((e) => !stage.findings[e.id]);
      if (missing.length)
        return no(`Record an outcome for every element first (${missing.length} without one)`, 'form');
      return yes({ ...withStage(s, { respondedOn: event.on }), status: 'answered' });
    }
    default:
      return no(`Stage ${stage.stage} has not been answered yet: ${event.type} is not possible now`, 'form');
  }
}

/** Replays stored events; throws if they are not a legal history (the database should never hold one). */
export function replay(events: ComplaintEvent[], ctx: StepContext): ComplaintState {
  const [first, ...rest] = events;
  if (first?.type !== 'received') throw new Error('A complaint history must start with its receipt');
  let r = receive(first, ctx);
  for (const e of rest) {
    if (!r.ok) break;
    r = step(r.state, e, ctx);
  }
  if (!r.ok) throw new Error(`Stored complaint history is not legal: ${r.refusal.message}`);
  return r.state;
}

/** Everything that would make a record inconsistent; empty for every state step can reach. */
export function inconsistencies(s: ComplaintState): string[] {
  const out: string[] = [];
  s.stages.forEach((st, i) => {
    if (st.stage !== i + 1) out.push('stages out of order');
    if (st.allowedDays > STAGE_RULES[st.stage].maxDays) out.push(`stage ${st.stage} extended beyond maximum`);
    if (st.requestedOn < s.receivedOn) out.push('stage before receipt');
    const prev = s.stages[i - 1];
    if (prev && (!prev.respondedOn || st.requestedOn < prev.respondedOn)) out.push('escalated before answer');
    if (st.respondedOn) {
      if (st.respondedOn < st.requestedOn) out.push('answered before request');
      if (elementsFor(s, st.stage).some((e) => !st.findings[e.id])) out.push('answered with open elements');
      if (st.stage === 3 && !st.reportOn) out.push('stage 3 answered without report');
    }
  });
  const last = s.stages[s.stages.length - 1];
  if (!last || s.stages.length > 3) out.push('bad number of stages');
  if (s.status === 'open' && last?.respondedOn) out.push('open but answered');
  if ((s.status === 'answered' || s.status === 'resolved') && !last?.respondedOn)
    out.push('closed with open stage');
  if ((s.status === 'resolved' || s.status === 'withdrawn') !== (s.closedOn !== null))
    out.push('closed date wrong');
  if (s.ombudsman && !s.stages.some((x) => x.respondedOn)) out.push('ombudsman before any response');
  return out;
}
