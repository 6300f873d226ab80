import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { can, listScope } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { complaintFor, todayIn } from './complaints.service.ts';
import { actionDueProblem } from './dates.rules.ts';
import { findStaffMember } from './directory.repo.ts';
import { insertDocumentRow, type Upload, withStoredDocument } from './documents.service.ts';
import {
  actionsAwaitingEvidence,
  closeItem,
  findAction,
  findItem,
  insertAction,
  insertItem,
  itemActions,
  reopenItem,
  setActionEvidence,
  setItemPublication,
} from './lessons.repo.ts';
import { type LoopOp, type LoopState, loopStep } from './loop.rules.ts';
import { authorizeRecord } from './scope.ts';
import { findSource } from './sources.repo.ts';

const audit = (
  trx: DbOrTrx,
  clock: Clock,
  actor: Actor,
  action: 'create' | 'update',
  id: string,
  summary: string,
) => recordAudit(trx, clock, actor, { action, recordType: 'learning-item', recordId: id, summary });

export interface NewLessonItem {
  complaintId: string | null;
  sourceId: string | null;
  kind: 'learning point' | 'recommendation';
  title: string;
  detail: string;
  theme: string;
  teamId: string | null;
}

export async function addLessonItem(db: Db, clock: Clock, actor: Actor, user: Principal, i: NewLessonItem) {
  return db.transaction().execute(async (trx) => {
    let teamId = i.teamId;
    if (i.complaintId) teamId = (await complaintFor(trx, user, 'lessons:manage', i.complaintId)).team_id;
    if (i.sourceId) {
      const source = await findSource(trx, i.sourceId);
      if (!source) throw new UserInputError('Choose the source from the list', 'sourceId');
      teamId ??= source.team_id;
    }
    const id = newId();
    await insertItem(trx, {
      id,
      complaint_id: i.complaintId,
      source_id: i.sourceId,
      kind: i.kind,
      title: i.title,
      detail: i.detail,
      theme: i.theme,
      team_id: teamId,
      raised_on: todayIn(clock),
      closed_on: null,
      publish: 0,
      published_summary: '',
      created_by: actor.name,
      created_at: clock.now().toISOString(),
    });
    await audit(trx, clock, actor, 'create', id, `Added ${i.kind}: ${i.title}`);
    return id;
  });
}

/** The item (checked against the policy) and its loop, inside the caller's transaction. */
async function loopOf(trx: DbOrTrx, user: Principal, itemId: string) {
  const item = await findItem(trx, itemId);
  if (!item) throw new NotFoundError('learning item');
  authorizeRecord(user, 'lessons:manage', 'learning-item', item);
  const actions = await itemActions(trx, itemId);
  const state: LoopState = {
    closed: item.closed_on !== null,
    actions: actions.map((a) => ({ id: a.id, hasEvidence: a.evidence_on !== null })),
  };
  return { item, state, ownerIds: actions.map((a) => a.owner_id) };
}

const applyLoop = (state: LoopState, op: LoopOp) => {
  const r = loopStep(state, op);
  if (!r.ok) throw new UserInputError(r.message, r.field);
  return r.state;
};

export async function addAction(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  itemId: string,
  a: { description: string; ownerId: string; dueOn: string },
) {
  await db.transaction().execute(async (trx) => {
    const { item, state } = await loopOf(trx, user, itemId);
    const outOfRange = actionDueProblem(a.dueOn, todayIn(clock));
    if (outOfRange) throw new UserInputError(outOfRange, 'dueOn');
    if (a.dueOn < item.raised_on)
      throw new UserInputError('The due date cannot be before the item was raised', 'dueOn');
    const owner = await findStaffMember(trx, a.ownerId);
    if (!owner) throw new UserInputError('Choose who owns the action', 'ownerId');
    if (!owner.active)
      throw new UserInputError('The owner has left: choose someone who still works here', 'ownerId');
    const id = newId();
    const next = applyLoop(state, { type: 'add-action', id });
    await insertAction(trx, {
      id,
      item_id: itemId,
      description: a.description,
      owner_id: a.ownerId,
      due_on: a.dueOn,
      evidence_text: null,
      evidence_link: null,
      evidence_document_id: null,
      evidence_on: null,
      evidence_by: null,
      created_at: clock.now().toISOString(),
    });
    if (state.closed && !next.closed) await reopenItem(trx, itemId);
    await audit(
      trx,
      clock,
      actor,
      'update',
      itemId,
      `Action added to "${item.title}"${state.closed ? ' (loop reopened)' : ''}`,
    );
  });
}

/**
 * The action's owner (or an officer) records what changed; a link or a file
 * is optional. Returns the action's item, and whether this person may open it.
 */
/**
 * The lesson actions waiting for evidence that this person may add it to: their own, or any for
 * those who manage the loop (the PSW, complaints officers). A change to a practice standard can
 * be that evidence (the standards feature offers these when a standard is changed).
 */
export async function evidenceWanted(db: DbOrTrx, user: Principal) {
  const scope = listScope(user, 'lessons:evidence');
  if (scope.kind === 'none') return [];
  const actions = await actionsAwaitingEvidence(db);
  return actions
    .filter((a) => scope.kind === 'all' || a.owner_id === user.id)
    .map((a) => ({ id: a.id, description: a.description, itemTitle: a.item_title, dueOn: a.due_on }));
}

export async function addEvidence(
  db: Db,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  user: Principal,
  actionId: string,
  e: { text: string; link: string; file: Upload | null },
) {
  const save = (doc: { storedName: string; contentType: string } | null) =>
    db.transaction().execute(async (trx) => {
      const action = await findAction(trx, actionId);
      if (!action) throw new NotFoundError('action');
      authorizeRecord(user, 'lessons:evidence', 'learning-action', action);
      const documentId =
        doc && e.file
          ? await insertDocumentRow(
              trx,
              clock,
              actor,
              { ...doc, upload: e.file, description: 'Evidence' },
              { complaintId: null, lessonItemId: action.item_id },
            )
          : action.evidence_document_id;
      await setActionEvidence(trx, actionId, {
        evidence_text: e.text,
        evidence_link: e.link || null,
        evidence_document_id: documentId,
        evidence_on: todayIn(clock),
        evidence_by: actor.name,
      });
      await audit(
        trx,
        clock,
        actor,
        'update',
        action.item_id,
        `Evidence added to an action of "${action.item_title}"`,
      );
      return action.item_id;
    });
  const itemId = e.file ? await withStoredDocument(dataDir, e.file, save) : await save(null);
  return { itemId, canSeeItem: can(user, 'lessons:view') };
}

export async function closeLoop(db: Db, clock: Clock, actor: Actor, user: Principal, itemId: string) {
  await db.transaction().execute(async (trx) => {
    const { item, state, ownerIds } = await loopOf(trx, user, itemId);
    // Closing the loop accepts each action's evidence: not by someone who owns one of them.
    authorizeRecord(user, 'lessons:manage', 'learning-item', item, ownerIds);
    applyLoop(state, { type: 'close' });
    if (!(await closeItem(trx, itemId, todayIn(clock))))
      throw new UserInputError('The loop is already closed', 'form');
    await audit(trx, clock, actor, 'update', itemId, `Loop closed on "${item.title}"`);
  });
}

/**
 * Marks an item for publication with an anonymised summary. A summary that
 * names the child or the complainant of its complaint is refused.
 */
export async function setPublication(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  itemId: string,
  p: { publish: boolean; summary: string },
) {
  await db.transaction().execute(async (trx) => {
    const { item } = await loopOf(trx, user, itemId);
    if (p.publish && !p.summary)
      throw new UserInputError('Write the anonymised summary to publish', 'summary');
    const words = p.summary.toLowerCase().split(/[^\p{L}'-]+/u);
    const named = [item.child_name, item.complainant_name]
      .flatMap((n) => (n ?? '').toLowerCase().split(/[^\p{L}'-]+/u))
      .find((w) => w.length > 2 && words.includes(w));
    if (p.publish && named)
      throw new UserInputError(`The summary must not name anyone: it contains "${named}"`, 'summary');
    await setItemPublication(trx, itemId, p.publish, p.summary);
    await audit(
      trx,
      clock,
      actor,
      'update',
      itemId,
      `${p.publish ? 'Published' : 'Unpublished'} "${item.title}"`,
    );
  });
}
