import { addEvidence, evidenceWanted } from '../complaints/api.ts';
import {
  linkTimescale,
  ownableField,
  refreshStatuses,
  setOwnedTimescale,
  unlinkTimescale,
} from '../performance/api.ts';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Principal } from '../platform/policy/roles.ts';
import {
  advanceStandard,
  findStandard,
  indexStandard,
  insertStandard,
  insertVersion,
  nextPosition,
  ownerChoices,
} from './library.repo.ts';
import { plainText } from './markdown.ts';
import {
  type Area,
  nextAckVersion,
  reviewDateProblem,
  type SourceKind,
  timescaleProblem,
} from './standards.rules.ts';

export interface StandardInput {
  area: Area;
  title: string;
  level: 'must' | 'should';
  body: string;
  byWhen: string;
  whyChild: string;
  sourceKind: SourceKind;
  sourceDetail: string;
  ownerId: string;
  reviewOn: string;
  related: string[];
  links: { text: string; href: string }[];
  /** The child-timeliness setting this standard's timescale is, or null. */
  timescaleField: string | null;
  /** Working days the standard sets (for a measured timescale, the rule's new value). */
  timescaleDays: number | null;
  inAudit: boolean;
}
export interface Amendment {
  summary: string;
  reason: string;
  major: boolean;
  /** The version the person was looking at when they made the change. */
  fromVersion: number;
}

/** The lesson action a change answers: the new version becomes its evidence, closing that part of the loop. */
export interface AnsweredLesson {
  actionId: string;
  user: Principal;
  dataDir: string;
}

export const standardHref = (id: string) => `/standards/${id}`;
const today = (clock: Clock) => londonDay(clock.now());

async function check(trx: DbOrTrx, s: StandardInput, selfId: string | null) {
  if (!s.title.trim()) throw new UserInputError('Enter the standard’s title', 'title');
  if (!s.ownerId) throw new UserInputError('Choose the manager responsible for the standard', 'ownerId');
  if (!(await ownerChoices(trx)).some((o) => o.id === s.ownerId))
    throw new UserInputError('Choose the manager responsible for the standard from the list', 'ownerId');
  const days = timescaleProblem(s.timescaleDays);
  if (days) throw new UserInputError(days, 'timescaleDays');
  if (s.timescaleField) {
    ownableField(s.timescaleField);
    if (s.timescaleDays === null)
      throw new UserInputError(
        'Enter the number of days for the timescale the Hub measures',
        'timescaleDays',
      );
  }
  if (selfId && s.related.includes(selfId))
    throw new UserInputError('A standard cannot be related to itself', 'related');
}

/** The version row written for a new standard or a change to one. */
const versionRow = (
  id: string,
  version: number,
  s: StandardInput,
  a: Omit<Amendment, 'fromVersion'>,
  at: string,
  actor: Actor,
  lessonTitle: string | null = null,
) => ({
  id: newId(),
  standard_id: id,
  version,
  title: s.title.trim(),
  level: s.level,
  body: s.body,
  by_when: s.byWhen,
  why_child: s.whyChild,
  source_kind: s.sourceKind,
  source_detail: s.sourceDetail,
  timescale_days: s.timescaleDays,
  related: JSON.stringify(s.related),
  links: JSON.stringify(s.links),
  summary: a.summary,
  reason: a.reason,
  major: a.major ? (1 as const) : (0 as const),
  review_on: s.reviewOn,
  owner_id: s.ownerId,
  created_at: at,
  created_by_name: actor.name,
  lesson_title: lessonTitle,
});

/** Makes the standard's measured timescale the rule's setting (in the same transaction). */
async function ownTimescale(
  trx: DbOrTrx,
  clock: Clock,
  actor: Actor,
  id: string,
  s: StandardInput,
  why: string,
) {
  if (!s.timescaleField || s.timescaleDays === null) return false;
  await linkTimescale(trx, s.timescaleField, { title: s.title.trim(), href: standardHref(id) });
  return setOwnedTimescale(trx, clock, actor, {
    field: s.timescaleField,
    value: s.timescaleDays,
    reason: why,
  });
}

/** Adds a standard as its first version; a review date in the past is refused. Returns its id. */
export async function createStandard(db: Db, clock: Clock, actor: Actor, s: StandardInput): Promise<string> {
  const review = reviewDateProblem(s.reviewOn, today(clock));
  if (review) throw new UserInputError(review, 'reviewOn');
  const id = newId();
  const at = clock.now().toISOString();
  const changedRule = await db.transaction().execute(async (trx) => {
    await check(trx, s, null);
    await insertStandard(trx, {
      id,
      area: s.area,
      position: await nextPosition(trx, s.area),
      current_version: 1,
      ack_version: 1,
      owner_id: s.ownerId,
      review_on: s.reviewOn,
      timescale_field: s.timescaleField,
      in_audit: s.inAudit ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
    await insertVersion(
      trx,
      versionRow(id, 1, s, { summary: 'First version', reason: 'New standard', major: false }, at, actor),
    );
    await indexStandard(trx, id, s.title, `${plainText(s.body)} ${plainText(s.whyChild)} ${s.byWhen}`);
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'practice-standard',
      recordId: id,
      summary: `Added the practice standard “${s.title}”`,
    });
    return ownTimescale(trx, clock, actor, id, s, `Set by the new practice standard “${s.title}”`);
  });
  if (changedRule) await refreshStatuses(db, today(clock));
  return id;
}

/**
 * Changes a standard: a new version with what changed and why; the previous
 * versions stay as they were. A major change asks everyone to acknowledge it
 * again. A measured timescale changes the child-timeliness rule in the same
 * transaction, and every child's statuses are worked out again afterwards.
 */
export async function amendStandard(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  s: StandardInput,
  a: Amendment,
  lesson?: AnsweredLesson,
) {
  if (!a.summary.trim()) throw new UserInputError('Enter a summary of what changed', 'summary');
  if (!a.reason.trim()) throw new UserInputError('Enter why it changed', 'reason');
  // Only an action this person may add evidence to (the lessons feature's own scoping says which).
  const answered = lesson
    ? (await evidenceWanted(db, lesson.user)).find((x) => x.id === lesson.actionId)
    : undefined;
  if (lesson && !answered)
    throw new UserInputError(
      'Choose the lesson this change answers from the list, or leave it as “None”',
      'lessonActionId',
    );
  const at = clock.now().toISOString();
  const result = await db.transaction().execute(async (trx) => {
    const old = await findStandard(trx, id);
    if (!old) throw new NotFoundError('standard');
    await check(trx, s, id);
    if (a.fromVersion !== old.current_version)
      throw new UserInputError(
        `Someone else changed this standard (it is now version ${old.current_version}). Open it again and make your change there`,
        'summary',
      );
    const version = old.current_version + 1;
    const moved = await advanceStandard(trx, id, old.current_version, {
      current_version: version,
      ack_version: nextAckVersion(old.ack_version, version, a.major),
      owner_id: s.ownerId,
      review_on: s.reviewOn,
      area: s.area,
      in_audit: s.inAudit ? 1 : 0,
      timescale_field: s.timescaleField,
      updated_at: at,
    });
    if (!moved)
      throw new UserInputError(
        'Someone else changed this standard at the same time. Open it again',
        'summary',
      );
    await insertVersion(trx, versionRow(id, version, s, a, at, actor, answered?.itemTitle ?? null));
    await indexStandard(trx, id, s.title, `${plainText(s.body)} ${plainText(s.whyChild)} ${s.byWhen}`);
    if (old.timescale_field && old.timescale_field !== s.timescaleField)
      await unlinkTimescale(trx, old.timescale_field);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'practice-standard',
      recordId: id,
      summary: `Practice standard “${s.title}” version ${version}${a.major ? ' (major)' : ''}: ${a.summary} Reason: ${a.reason}`,
    });
    const changedRule = await ownTimescale(
      trx,
      clock,
      actor,
      id,
      s,
      `Practice standard “${s.title}” version ${version}: ${a.reason}`,
    );
    return { version, changedRule };
  });
  if (result.changedRule) await refreshStatuses(db, today(clock));
  if (lesson && answered)
    // After the version is saved, as the lessons feature records evidence in a transaction of its
    // own; the action was checked above, so this fails only if someone removed it meanwhile.
    await addEvidence(db, clock, lesson.dataDir, actor, lesson.user, lesson.actionId, {
      text: `The practice standard “${s.title.trim()}” was changed (version ${result.version}): ${a.summary.trim()}`,
      link: `/standards/${id}/versions/${result.version}`,
      file: null,
    });
  return result.version;
}
