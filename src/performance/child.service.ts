import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { getChild } from './dashboard.repo.ts';
import { loadEpisodes } from './episodes.repo.ts';
import { evaluateChild } from './rules/engine.rules.ts';
import { authorizeChild } from './scope.ts';
import { loadRuleSettings } from './settings.repo.ts';

/**
 * One child's timescales, worked out live by the engine for today (not read
 * from the stored statuses), for someone the policy lets see this child.
 */
export async function childPageData({ db, clock }: Services, user: Principal, id: string) {
  const child = await getChild(db, id);
  if (!child) throw new NotFoundError('child');
  authorizeChild(user, child);
  const today = londonDay(clock.now());
  const [cal, settings, episodes] = await Promise.all([
    loadWorkingCalendar(db),
    loadRuleSettings(db),
    loadEpisodes(db, [id]),
  ]);
  const e = episodes.get(id)!;
  return { child, results: evaluateChild(e, cal, today, settings), visits: e.visits };
}
export type ChildPageData = Awaited<ReturnType<typeof childPageData>>;
