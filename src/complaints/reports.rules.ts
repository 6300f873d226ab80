import { addCalendarMonths } from '../platform/calendar/days.ts';
import { REGULATION_DAYS, stageClock } from './clocks.rules.ts';
import { type ComplaintState, stageTimes } from './lifecycle.rules.ts';

/**
 * Pure: complaint states → the figures the reports page draws. A stage counts
 * as received in the month it was requested and as answered in the month of
 * its response; "in time" compares the response with the stage's due date
 * (after any extension, as the regulations allow).
 */
export interface MonthRow {
  month: string;
  stage: number;
  received: number;
  answered: number;
  inTime: number;
}

/** The twelve months (YYYY-MM) ending with today's. */
export function lastTwelveMonths(today: string): string[] {
  const first = addCalendarMonths(`${today.slice(0, 7)}-01`, -11);
  return Array.from({ length: 12 }, (_, i) => addCalendarMonths(first, i).slice(0, 7));
}

export function byStageAndMonth(states: ComplaintState[], months: string[], today: string): MonthRow[] {
  const rows = new Map<string, MonthRow>();
  for (const stage of [1, 2, 3])
    for (const month of months)
      rows.set(`${stage}|${month}`, { month, stage, received: 0, answered: 0, inTime: 0 });
  for (const s of states)
    for (const st of s.stages) {
      const got = rows.get(`${st.stage}|${st.requestedOn.slice(0, 7)}`);
      if (got) got.received++;
      if (!st.respondedOn) continue;
      const answered = rows.get(`${st.stage}|${st.respondedOn.slice(0, 7)}`);
      if (!answered) continue;
      answered.answered++;
      if (stageClock(REGULATION_DAYS, stageTimes(st), today).answeredInTime) answered.inTime++;
    }
  return [...rows.values()];
}

/** How many elements raised each theme, most common first. */
export function themes(states: ComplaintState[]): { theme: string; elements: number }[] {
  const counts = new Map<string, number>();
  for (const s of states) for (const e of s.elements) counts.set(e.theme, (counts.get(e.theme) ?? 0) + 1);
  return [...counts]
    .map(([theme, elements]) => ({ theme, elements }))
    .sort((a, b) => b.elements - a.elements);
}

/** Outcomes of elements at each answered stage. */
export function outcomes(states: ComplaintState[]) {
  const rows = [1, 2, 3].map((stage) => ({ stage, upheld: 0, 'partly-upheld': 0, 'not-upheld': 0 }));
  for (const s of states)
    for (const st of s.stages) {
      if (!st.respondedOn) continue;
      for (const f of Object.values(st.findings)) rows[st.stage - 1]![f.outcome]++;
    }
  return rows;
}
