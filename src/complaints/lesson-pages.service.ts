import type { Db } from '../platform/db/db.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { can, listScope } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { complaintFor } from './complaints.service.ts';
import { listStaff } from './directory.repo.ts';
import {
  actionsOwnedBy,
  findAction,
  findItem,
  itemActions,
  listItems,
  publishedLessons,
} from './lessons.repo.ts';
import { authorizeRecord } from './scope.ts';
import { sourceChoices } from './sources.repo.ts';

/** The lesson items this person may see, by loop status, and whether they may add more. */
export async function lessonListPage(db: Db, user: Principal, status: 'open' | 'closed' | undefined) {
  return {
    rows: await listItems(db, listScope(user, 'lessons:view'), { status }),
    canManage: can(user, 'lessons:manage'),
    status,
  };
}

/** The new-item form: the complaint it comes from (if the person may add lessons to it), and the other sources. */
export async function newLessonPage(db: Db, user: Principal, complaintId: string) {
  const [complaint, sources] = await Promise.all([
    complaintId ? complaintFor(db, user, 'lessons:manage', complaintId) : null,
    sourceChoices(db),
  ]);
  return { complaint, sources };
}

/** One lesson item, checked against the policy, with its actions and what this person may do to each. */
export async function lessonPage(db: Db, user: Principal, id: string) {
  const item = await findItem(db, id);
  if (!item) throw new NotFoundError('learning item');
  authorizeRecord(user, 'lessons:view', 'learning-item', item);
  const [actions, owners] = await Promise.all([
    itemActions(db, item.id),
    listStaff(db, { activeOnly: true }),
  ]);
  return {
    item,
    actions: actions.map((a) => ({
      ...a,
      canEvidence: can(user, 'lessons:evidence', { ownerId: a.owner_id }),
    })),
    owners,
    canManage: can(user, 'lessons:manage', { teamId: item.team_id, serviceId: item.service_id }),
  };
}
export type LessonPageData = Awaited<ReturnType<typeof lessonPage>>;

/** What everyone reads: the published summaries, and the actions this person owns that wait for evidence. */
export async function publishedLessonsPage(db: Db, user: Principal) {
  const [rows, mine] = await Promise.all([publishedLessons(db), actionsOwnedBy(db, user.id)]);
  return { rows, mine, canSeeItems: can(user, 'lessons:view') };
}

/** One action, for its owner (or an officer) to add evidence to. */
export async function evidencePage(db: Db, user: Principal, actionId: string) {
  const action = await findAction(db, actionId);
  if (!action) throw new NotFoundError('action');
  authorizeRecord(user, 'lessons:evidence', 'learning-action', action);
  return { action, canSeeItems: can(user, 'lessons:view') };
}
