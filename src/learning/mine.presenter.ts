import { londonDay } from '../platform/calendar/days.ts';
import { formatDateWithWeekday } from '../platform/views/format.ts';
import { cpdStanding, cpdYearOf } from './cpd.rules.ts';
import type { MyLearningData } from './mine.service.ts';
import { placeSentence, STATUS_TEXT } from './session.presenter.ts';

/** "My learning": places to come in words, sessions attended but not yet evaluated, and the CPD year. */
export function presentMine({ places, attended, over, cpd, hasFeed, positions }: MyLearningData, now: Date) {
  const at = now.toISOString();
  const year = cpdYearOf(londonDay(now));
  return {
    title: 'My learning',
    upcoming: places
      .filter((r) => r.starts_at && r.starts_at > at)
      .map((r) => ({
        ...r,
        when: formatDateWithWeekday(r.starts_at),
        statusText: STATUS_TEXT[r.status] ?? r.status,
        sentence: placeSentence({
          status: r.status,
          position: positions.get(r.id),
          offer_expires_at: r.offer_expires_at,
        }),
      })),
    toEvaluate: places.filter((r) => attended.has(r.id) && over.has(r.session_id) && !r.evaluation),
    hasFeed,
    standing: cpdStanding(
      cpd.map((c) => ({ day: c.day, peerReflected: c.peer_reflected === 1 })),
      year,
    ),
    year,
  };
}
