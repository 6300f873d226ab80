import { addCalendarDays } from '../platform/calendar/days.ts';
import type { WorkingCalendar } from '../platform/calendar/working-days.ts';
import { evaluateChild } from './rules/engine.rules.ts';
import type { RuleSettings } from './rules/settings.rules.ts';
import { childSummary } from './rules/summary.rules.ts';
import type { ChildEpisodes } from './rules/types.ts';

export const TREND_WEEKS = 12;

export interface WeekPoint {
  /** Children with a visiting timescale that week. */
  visited: number;
  /** Of those, children not seen within it. */
  notSeen: number;
  /** Children with any work overdue. */
  overdue: number;
}

export interface Trends {
  weeks: string[];
  byTeam: Record<string, WeekPoint[]>;
}

/**
 * Week by week for the last TREND_WEEKS weeks (each as of the same weekday as
 * asOf), per team: the engine replayed as of each day. Pure. Children keep
 * today's team, so the trend shows how the team's current children have fared.
 */
export function weeklyTrends(
  children: Iterable<{ teamId: string | null; episodes: ChildEpisodes }>,
  cal: WorkingCalendar,
  asOf: string,
  settings: RuleSettings,
): Trends {
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) =>
    addCalendarDays(asOf, -7 * (TREND_WEEKS - 1 - i)),
  );
  const byTeam: Record<string, WeekPoint[]> = {};
  for (const c of children) {
    if (!c.teamId) continue;
    const points = byTeam[c.teamId] ?? weeks.map(() => ({ visited: 0, notSeen: 0, overdue: 0 }));
    byTeam[c.teamId] = points;
    weeks.forEach((day, i) => {
      const s = childSummary(evaluateChild(c.episodes, cal, day, settings));
      const p = points[i]!;
      if (s.hasVisitTimescale) p.visited++;
      if (s.notSeen) p.notSeen++;
      if (s.overdue) p.overdue++;
    });
  }
  return { weeks, byTeam };
}

/** The trends of two groups of children over the same weeks, added together (a team may be in both). */
export function addTrends(a: Trends, b: Trends): Trends {
  const byTeam: Record<string, WeekPoint[]> = { ...a.byTeam };
  for (const [team, points] of Object.entries(b.byTeam)) {
    const mine = byTeam[team];
    byTeam[team] = mine
      ? mine.map((p, i) => ({
          visited: p.visited + points[i]!.visited,
          notSeen: p.notSeen + points[i]!.notSeen,
          overdue: p.overdue + points[i]!.overdue,
        }))
      : points;
  }
  return { weeks: a.weeks, byTeam };
}

/** Adds teams' weeks together (a service's or the whole authority's trend). */
export function sumTrends(trends: Trends, teamIds: readonly string[]): WeekPoint[] {
  return trends.weeks.map((_, i) => {
    const out = { visited: 0, notSeen: 0, overdue: 0 };
    for (const id of teamIds) {
      const p = trends.byTeam[id]?.[i];
      if (!p) continue;
      out.visited += p.visited;
      out.notSeen += p.notSeen;
      out.overdue += p.overdue;
    }
    return out;
  });
}
