/**
 * L&D's figures about the offer, grouped by course, month or team. Pure: the
 * repository hands over one row per place and one per session; this adds up.
 */
export interface SessionFact {
  sessionId: string;
  course: string;
  month: string;
  capacity: number | null;
  upcoming: boolean;
}

export interface PlaceFact {
  sessionId: string;
  team: string;
  status: 'booked' | 'waitlisted' | 'offered' | 'requested';
  /** null: no register taken yet. */
  attended: boolean | null;
  noShow: boolean;
  evaluation: { content: number; trainer: number; relevance: number } | null;
}

export interface ReportRow {
  group: string;
  sessions: number;
  places: number;
  booked: number;
  fillRate: number | null;
  waiting: number;
  attended: number;
  noShows: number;
  evaluations: number;
  content: number | null;
  trainer: number | null;
  relevance: number | null;
  /** The waiting list on sessions still to come would fill half a session or more. */
  needsAnotherSession: boolean;
}

export type GroupBy = 'course' | 'month' | 'team';

const avg = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;

export function needsAnotherSession(waitingOnUpcoming: number, typicalCapacity: number): boolean {
  return waitingOnUpcoming >= Math.max(3, Math.ceil(typicalCapacity / 2));
}

export function learningReport(sessions: SessionFact[], places: PlaceFact[], by: GroupBy): ReportRow[] {
  const sessionOf = new Map(sessions.map((s) => [s.sessionId, s]));
  const groups = new Map<string, { sessions: Set<string>; places: PlaceFact[] }>();
  const add = (key: string) => {
    const found = groups.get(key);
    if (found) return found;
    const g = { sessions: new Set<string>(), places: [] as PlaceFact[] };
    groups.set(key, g);
    return g;
  };
  if (by !== 'team')
    for (const s of sessions) add(by === 'course' ? s.course : s.month).sessions.add(s.sessionId);
  for (const p of places) {
    const s = sessionOf.get(p.sessionId);
    if (!s) continue;
    const g = add(by === 'course' ? s.course : by === 'month' ? s.month : p.team || 'No team');
    g.places.push(p);
    g.sessions.add(s.sessionId);
  }
  return [...groups.entries()]
    .map(([group, g]) => {
      const ss = [...g.sessions].map((id) => sessionOf.get(id)!);
      const capacity = ss.reduce((a, s) => a + (s.capacity ?? 0), 0);
      const booked = g.places.filter((p) => p.status === 'booked' || p.status === 'offered').length;
      const waitingUpcoming = g.places.filter(
        (p) => p.status === 'waitlisted' && sessionOf.get(p.sessionId)!.upcoming,
      ).length;
      const evals = g.places.flatMap((p) => (p.evaluation ? [p.evaluation] : []));
      const capacities = ss.map((s) => s.capacity ?? 0).filter((c) => c > 0);
      const typical = capacities.length ? capacities.reduce((a, b) => a + b, 0) / capacities.length : 0;
      return {
        group,
        sessions: ss.length,
        places: by === 'team' ? 0 : capacity,
        booked,
        fillRate: by !== 'team' && capacity > 0 ? Math.round((booked / capacity) * 100) : null,
        waiting: g.places.filter((p) => p.status === 'waitlisted').length,
        attended: g.places.filter((p) => p.attended === true).length,
        noShows: g.places.filter((p) => p.noShow).length,
        evaluations: evals.length,
        content: avg(evals.map((e) => e.content)),
        trainer: avg(evals.map((e) => e.trainer)),
        relevance: avg(evals.map((e) => e.relevance)),
        needsAnotherSession: by === 'course' && typical > 0 && needsAnotherSession(waitingUpcoming, typical),
      };
    })
    .sort((a, b) => a.group.localeCompare(b.group));
}
