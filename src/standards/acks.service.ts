import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import { changeStamp } from '../platform/db/change-stamps.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { composeMessage, type MailLayout } from '../platform/mail/message.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import { type ListScope, listScope } from '../platform/policy/policy.ts';
import { isRole, type Principal } from '../platform/policy/roles.ts';
import { formatDate } from '../platform/views/format.ts';
import { ViewCache } from '../platform/views/view-cache.ts';
import {
  presentTeamAcks,
  type StandardAckSummary,
  type TeamAcksChoice,
  type ToRead,
} from './acks.presenter.ts';
import {
  acksOf,
  ackTargets,
  insertAck,
  insertAckTarget,
  listServices,
  listTeams,
  type Person,
  peopleIn,
  requiredOf,
} from './acks.repo.ts';
import { findStandard, listStandards, type StandardRow } from './library.repo.ts';
import { type AckState, ackState, ackVersionProblem, dueFor } from './standards.rules.ts';

/** Records that a person has read and understood the version in force; a replaced version is refused. */
export async function acknowledge(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  id: string,
  version: number,
) {
  return db.transaction().execute(async (trx) => {
    const s = await findStandard(trx, id);
    if (!s) throw new NotFoundError('standard');
    const problem = ackVersionProblem(version, s.current_version);
    if (problem) throw new UserInputError(problem, 'acknowledge');
    const added = await insertAck(trx, {
      standard_id: id,
      staff_id: user.id,
      version,
      acknowledged_at: clock.now().toISOString(),
    });
    if (added)
      await recordAudit(trx, clock, actor, {
        action: 'create',
        recordType: 'standard-acknowledgement',
        recordId: id,
        summary: `Acknowledged “${s.title}” version ${version}`,
      });
    return s;
  });
}

/** The standards a person is asked to read and where they stand with each (done last). */
export async function standardsFor(
  db: DbOrTrx,
  p: { id: string; roles: string[]; teamId: string | null; serviceId: string | null },
): Promise<ToRead[]> {
  const due = await requiredOf(db, p);
  if (due.size === 0) return [];
  const [rows, acks] = await Promise.all([listStandards(db, [...due.keys()]), acksOf(db, [p.id])]);
  const mine = acks.get(p.id) ?? new Map<string, number[]>();
  return rows
    .map((s) => ({ standard: s, due: due.get(s.id)!, state: ackState(mine.get(s.id) ?? [], s.ack_version) }))
    .sort((a, b) => Number(a.state === 'done') - Number(b.state === 'done') || a.due.localeCompare(b.due));
}

/** The people a manager's acknowledgement pages cover: their team, their service, or everyone. */
export function peopleInScope(db: DbOrTrx, scope: ListScope, teamId?: string) {
  if (scope.kind === 'none') return Promise.resolve([]);
  if (scope.kind === 'own') return peopleIn(db, { ids: [scope.userId] });
  if (scope.kind === 'team') return peopleIn(db, { teamId: scope.teamId });
  if (scope.kind === 'service')
    return peopleIn(db, { serviceId: scope.serviceId, ...(teamId ? { teamId } : {}) });
  return peopleIn(db, teamId ? { teamId } : {});
}

// A manager's page is the same for everyone with the same scope, so it is kept until a standard,
// whom it asks, an acknowledgement or a person changes (the database's change stamps say when).
const teamViews = new WeakMap<DbOrTrx, ViewCache<TeamAcksView>>();
const scopeKey = (s: ListScope) =>
  s.kind === 'team'
    ? `team:${s.teamId}`
    : s.kind === 'service'
      ? `service:${s.serviceId}`
      : s.kind === 'own'
        ? `own:${s.userId}`
        : s.kind;

/**
 * A manager's page of who has read the standards, for the teams they may see (or one of them),
 * presented once for each state of the data it is made from and kept until that changes.
 */
export async function teamAcknowledgementsPage(
  db: DbOrTrx,
  user: Principal,
  asked: Omit<TeamAcksChoice, 'teamId'> & { teamId?: string },
) {
  const scope = listScope(user, 'standards:team-acks');
  const stamp = await changeStamp(db, ['standards', 'standard-acks', 'people']);
  const cache = teamViews.get(db) ?? new ViewCache<TeamAcksView>(200);
  teamViews.set(db, cache);
  const key = `${scopeKey(scope)} ${asked.teamId ?? ''} ${asked.show} ${asked.page} ${asked.today}`;
  return cache.get(key, stamp, async () => {
    const teams = await teamsInScope(db, scope);
    const teamId = teams.some((t) => t.id === asked.teamId) ? asked.teamId : undefined;
    const rows = await summarise(db, scope, teamId);
    return presentTeamAcks(rows, teams, { ...asked, teamId }, true);
  });
}
type TeamAcksView = ReturnType<typeof presentTeamAcks>;

/** The teams whose acknowledgements a manager may see. */
export async function teamsInScope(db: DbOrTrx, scope: ListScope) {
  const teams = await listTeams(db);
  if (scope.kind === 'all') return teams;
  if (scope.kind === 'service') return teams.filter((t) => t.service_id === scope.serviceId);
  if (scope.kind === 'team') return teams.filter((t) => t.id === scope.teamId);
  return [];
}

/** Works out each standard's acknowledgements for the people in a scope, from the tables (never cached). */
async function summarise(db: DbOrTrx, scope: ListScope, teamId?: string, standardId?: string) {
  const people = await peopleInScope(db, scope, teamId);
  const targets = await ackTargets(db, standardId);
  const byStandard = new Map<string, typeof targets>();
  for (const t of targets) byStandard.set(t.standard_id, [...(byStandard.get(t.standard_id) ?? []), t]);
  if (byStandard.size === 0 || people.length === 0) return [];
  const [rows, acks] = await Promise.all([
    listStandards(db, [...byStandard.keys()]),
    acksOf(
      db,
      people.map((p) => p.id),
      standardId,
    ),
  ]);
  const out: StandardAckSummary[] = [];
  for (const s of rows) {
    const ts = byStandard.get(s.id)!;
    const summary: StandardAckSummary = {
      standard: s,
      asked: 0,
      done: 0,
      due: ts[0]!.due_on,
      outstanding: [],
    };
    for (const p of people) {
      const due = dueFor(ts, p);
      if (!due) continue;
      summary.asked++;
      const state = ackState(acks.get(p.id)?.get(s.id) ?? [], s.ack_version);
      if (state === 'done') summary.done++;
      else summary.outstanding.push({ person: p, state, due });
    }
    if (summary.asked > 0) out.push(summary);
  }
  return out;
}

/** The reminder a person gets for a standard they still need to read (the shared mail layout). */
export const reminderMessage = (p: Person, s: StandardRow, due: string, state: AckState) => ({
  to: p.email,
  subject: `Please read the practice standard “${s.title}”`,
  preheader: `Acknowledge it by ${formatDate(due)}`,
  blocks: [
    { type: 'heading' as const, text: 'A practice standard to read' },
    { type: 'paragraph' as const, text: `Hello ${p.name.split(' ')[0]},` },
    {
      type: 'paragraph' as const,
      text:
        state === 'again'
          ? `“${s.title}” has changed in a way that matters since you last read it. Please read version ${s.current_version} and confirm you have read and understood it.`
          : `You are asked to read “${s.title}” and confirm you have read and understood it.`,
    },
    { type: 'details' as const, rows: [{ label: 'Please acknowledge by', value: formatDate(due) }] },
    { type: 'button' as const, text: 'Read the standard', href: `/standards/${s.id}` },
  ],
  signOff: 'Principal Social Worker',
});

/** Queues a reminder to each person in the manager's scope who has not acknowledged a standard; audited. */
export async function sendReminders(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  layout: MailLayout,
  id: string,
) {
  // Worked out afresh, not from the page's kept view: the reminders go to who has not read it now.
  const [summary] = await summarise(db, listScope(user, 'standards:team-acks'), undefined, id);
  if (!summary) throw new NotFoundError('standard');
  if (summary.outstanding.length === 0)
    throw new UserInputError(
      'Everyone asked has acknowledged this standard: there is no one to remind',
      'remind',
    );
  const messages = await Promise.all(
    summary.outstanding.map((o) =>
      composeMessage(reminderMessage(o.person, summary.standard, o.due, o.state), layout),
    ),
  );
  await db.transaction().execute(async (trx) => {
    for (const m of messages) await enqueueMail(trx, clock, m);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'standard-reminders',
      recordId: id,
      summary: `Reminded ${messages.length} people to acknowledge “${summary.standard.title}”`,
    });
  });
  return messages.length;
}

/** Asks a role, service or team to acknowledge a standard by a date (not in the past). */
export async function askToAcknowledge(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  t: { kind: 'role' | 'service' | 'team'; target: string; dueOn: string },
) {
  if (t.dueOn < londonDay(clock.now()))
    throw new UserInputError('The date to acknowledge by cannot be in the past', 'dueOn');
  await db.transaction().execute(async (trx) => {
    const s = await findStandard(trx, id);
    if (!s) throw new NotFoundError('standard');
    const known =
      t.kind === 'role'
        ? isRole(t.target)
        : t.kind === 'team'
          ? (await listTeams(trx)).some((x) => x.id === t.target)
          : (await listServices(trx)).some((x) => x.id === t.target);
    if (!known) throw new UserInputError('Choose who must acknowledge it from the list', 'target');
    await insertAckTarget(trx, {
      id: newId(),
      standard_id: id,
      kind: t.kind,
      target: t.target,
      due_on: t.dueOn,
      created_at: clock.now().toISOString(),
    });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'practice-standard',
      recordId: id,
      summary: `Asked ${t.kind} ${t.target} to acknowledge “${s.title}” by ${t.dueOn}`,
    });
  });
}
