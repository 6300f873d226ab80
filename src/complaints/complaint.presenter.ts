import { formatDate, plural } from '../platform/views/format.ts';
import {
  escalationDeadline,
  REGULATION_DAYS,
  STAGE_RULES,
  type StageNumber,
  stageClock,
} from './clocks.rules.ts';
import { OUTCOME_NAMES } from './forms.ts';
import { type ComplaintState, currentStage, elementsFor, type Stage, stageTimes } from './lifecycle.rules.ts';

/** Pure: a complaint's state and today → what its page says about the clock and the stages. */
const STEP_WORDS = {
  response: 'the response',
  panel: 'the review panel',
  report: 'the panel’s report',
} as const;

export const STATUS_NAMES: Record<string, string> = {
  open: 'Open',
  answered: 'Answered, waiting to hear from the complainant',
  resolved: 'Resolved',
  withdrawn: 'Withdrawn',
};

export function clockView(state: ComplaintState, today: string) {
  const stage = currentStage(state);
  const c = stageClock(REGULATION_DAYS, stageTimes(stage), today);
  const rule = STAGE_RULES[stage.stage as StageNumber];
  let headline: string;
  let tag: { text: string; classes: string };
  if (state.status === 'open') {
    headline = c.overdue
      ? `${STEP_WORDS[c.step]} was due on ${formatDate(c.dueOn)}: ${plural(c.workingDaysLate, 'working day', 'working days')} late`
      : `${STEP_WORDS[c.step]} is due by ${formatDate(c.dueOn)}: ${plural(c.workingDaysLeft, 'working day', 'working days')} left`;
    tag = c.overdue
      ? { text: 'Overdue', classes: 'govuk-tag--red' }
      : { text: 'In time', classes: 'govuk-tag--green' };
  } else {
    headline = `Stage ${stage.stage} ${c.answeredInTime ? 'was answered in time' : `was answered ${plural(c.workingDaysLate, 'working day', 'working days')} late`} on ${formatDate(stage.respondedOn)}`;
    tag = { text: STATUS_NAMES[state.status] ?? state.status, classes: 'govuk-tag--grey' };
  }
  const canAskUntil =
    state.status === 'answered' && stage.stage < 3
      ? escalationDeadline(REGULATION_DAYS, stage.respondedOn!)
      : null;
  // Bank holidays inside the clock, so anyone can check the due date by hand.
  const from =
    stage.stage === 3 ? (stage.reportOn ?? stage.panelOn ?? stage.clockStartOn) : stage.clockStartOn;
  const holidays = REGULATION_DAYS.daysOff(from, c.dueOn)
    .filter((d) => d.kind === 'bank-holiday')
    .map((d) => `${formatDate(d.day)}, ${d.reason}`);
  return {
    stage: stage.stage,
    holidays,
    headline: headline[0]!.toUpperCase() + headline.slice(1),
    tag,
    dueOn: c.dueOn,
    allowedDays: stage.allowedDays,
    maxDays: rule.maxDays,
    canExtend: state.status === 'open' && stage.stage < 3 && stage.allowedDays < rule.maxDays,
    canAskUntil: canAskUntil ? formatDate(canAskUntil) : null,
    extensions: stage.extensions.map((x) => [
      { text: formatDate(x.on) },
      { text: `To ${x.toDays} working days` },
      { text: x.reason },
    ]),
  };
}

const stageRow = (s: Stage, today: string) => {
  const c = stageClock(REGULATION_DAYS, stageTimes(s), today);
  return [
    { text: `Stage ${s.stage}` },
    { text: formatDate(s.requestedOn) },
    { text: s.clockStartOn === s.requestedOn ? 'Same day' : formatDate(s.clockStartOn) },
    { text: formatDate(c.dueOn) },
    { text: s.respondedOn ? formatDate(s.respondedOn) : 'Not yet' },
    {
      text:
        c.answeredInTime === null
          ? c.overdue
            ? `Overdue by ${plural(c.workingDaysLate, 'working day', 'working days')}`
            : 'Open'
          : c.answeredInTime
            ? 'In time'
            : `${plural(c.workingDaysLate, 'working day', 'working days')} late`,
    },
  ];
};

export function stagesTable(state: ComplaintState, today: string) {
  return state.stages.map((s) => stageRow(s, today));
}

/** One row per element: what was complained about, and the outcome at each stage so far. */
export function elementsTable(state: ComplaintState) {
  return state.elements.map((e) => ({
    id: e.id,
    summary: e.summary,
    theme: e.theme,
    fromStage: e.fromStage,
    outcomes: state.stages
      .filter((s) => elementsFor(state, s.stage).some((x) => x.id === e.id))
      .map((s) => {
        const f = s.findings[e.id];
        return {
          stage: s.stage,
          outcome: f ? OUTCOME_NAMES[f.outcome] : 'No outcome yet',
          finding: f?.finding ?? '',
        };
      }),
  }));
}

/** Which stage actions make sense now (the state machine still has the last word). */
export function availableActions(state: ComplaintState) {
  const stage = currentStage(state);
  const open = state.status === 'open';
  const answered = state.status === 'answered';
  return {
    finding: open,
    element: open,
    panel: open && stage.stage === 3 && !stage.panelOn,
    report: open && stage.stage === 3 && !!stage.panelOn && !stage.reportOn,
    respond: open,
    escalate: answered && stage.stage < 3,
    resolve: answered,
    withdraw: open || answered,
    ombudsman: !state.ombudsman && state.stages.some((s) => s.respondedOn),
  };
}

export const EVENT_WORDS: Record<string, string> = {
  received: 'Complaint received',
  'element-added': 'Element added',
  extended: 'Response time extended',
  finding: 'Finding recorded',
  'panel-held': 'Review panel held',
  'report-issued': 'Panel report issued',
  responded: 'Response sent',
  escalated: 'Next stage requested',
  resolved: 'Resolved',
  withdrawn: 'Withdrawn',
  ombudsman: 'Referred to the Ombudsman',
};
