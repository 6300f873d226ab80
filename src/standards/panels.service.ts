import { londonDay } from '../platform/calendar/days.ts';
import { listScope } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { staffSince } from './acks.repo.ts';
import { standardsFor } from './acks.service.ts';
import { pastReview } from './library.repo.ts';
import { pastReviewPanelView, toReadPanelView } from './panels.presenter.ts';

export async function toReadPanelFor({ db, clock }: Services, user: Principal) {
  const [list, since] = await Promise.all([standardsFor(db, user), staffSince(db, user.id)]);
  return toReadPanelView(list, londonDay(clock.now()), since);
}

export async function pastReviewPanelFor({ db, clock }: Services, user: Principal) {
  const scope = listScope(user, 'standards:review');
  const rows = await pastReview(db, londonDay(clock.now()), scope.kind === 'all' ? undefined : user.id);
  return pastReviewPanelView(rows, scope.kind === 'all');
}
