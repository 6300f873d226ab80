import type { Clock } from '../../platform/clock.ts';
import type { DbOrTrx } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { currentDeadline, REGULATION_DAYS } from '../clocks.rules.ts';
import { todayIn } from '../complaints.service.ts';
import { type ComplaintEvent, currentStage, receive, stageTimes, step } from '../lifecycle.rules.ts';

/* The demo's complaints are written through these, so the story and the history stay consistent. */
export interface SeedContext {
  trx: DbOrTrx;
  today: string;
  now: string;
  teams: Map<string, string>;
  staff: {
    id: string;
    name: string;
    team: string;
    is_agency: number;
    left_on: string | null;
    active: number;
  }[];
  byEmail: (email: string) => string;
  reference: (receivedOn: string) => string;
}

export async function seedContext(trx: DbOrTrx, clock: Clock): Promise<SeedContext> {
  const teams = new Map(
    (await trx.selectFrom('teams').select(['id', 'name']).execute()).map((t) => [t.name, t.id]),
  );
  const rows = await trx
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.email',
      'staff.is_agency',
      'staff.left_on',
      'staff.active',
      'teams.name as team',
    ])
    .orderBy('staff.staff_number')
    .execute();
  // Carry on from references already there (another seed run, or a benchmark adding more).
  const counters = new Map<string, number>();
  for (const { reference } of await trx.selectFrom('complaints').select('reference').execute()) {
    const [, y, n] = reference.split('-');
    counters.set(y!, Math.max(counters.get(y!) ?? 0, Number(n)));
  }
  return {
    trx,
    today: todayIn(clock),
    now: clock.now().toISOString(),
    teams,
    staff: rows.map((r) => ({ ...r, team: r.team ?? '' })),
    byEmail: (email) => rows.find((r) => r.email === email)!.id,
    reference: (receivedOn) => {
      const y = receivedOn.slice(0, 4);
      const n = (counters.get(y) ?? 0) + 1;
      counters.set(y, n);
      return `C-${y}-${String(n).padStart(4, '0')}`;
    },
  };
}

export interface DemoComplaint {
  receivedOn: string;
  receivedHow: string;
  complainant: string;
  relationship: string;
  advocateOffered: boolean;
  child: string;
  team: string;
  workerIds: string[];
  summary: string;
  elements: { summary: string; theme: string }[];
  officerId: string | null;
  independentPerson?: string;
  /** Later events; element ids are 'e1', 'e2' … in order. Illegal ones are an error in the seed. */
  events: (ids: string[]) => ComplaintEvent[];
}

/** Inserts a complaint whose events the state machine accepts; returns its id. */
export async function insertDemoComplaint(ctx: SeedContext, c: DemoComplaint): Promise<string> {
  const ids = c.elements.map(() => newId());
  const received: Extract<ComplaintEvent, { type: 'received' }> = {
    type: 'received',
    on: c.receivedOn,
    elements: c.elements.map((e, i) => ({ id: ids[i]!, ...e })),
  };
  const sc = { today: ctx.today, calendar: REGULATION_DAYS };
  let r = receive(received, sc);
  const events: ComplaintEvent[] = [received];
  for (const e of c.events(ids)) {
    if (!r.ok) break;
    r = step(r.state, e, sc);
    events.push(e);
  }
  if (!r.ok) throw new Error(`Demo complaint from ${c.receivedOn} is not legal: ${r.refusal.message}`);
  const state = r.state;
  const id = newId();
  await ctx.trx
    .insertInto('complaints')
    .values({
      id,
      reference: ctx.reference(c.receivedOn),
      received_on: c.receivedOn,
      received_how: c.receivedHow,
      complainant_name: c.complainant,
      complainant_relationship: c.relationship,
      advocate_offered: c.advocateOffered ? 1 : 0,
      child_name: c.child,
      child_ref: '',
      team_id: ctx.teams.get(c.team)!,
      summary: c.summary,
      stage: currentStage(state).stage,
      status: state.status,
      due_on:
        state.status === 'open'
          ? currentDeadline(REGULATION_DAYS, stageTimes(currentStage(state))).dueOn
          : null,
      officer_id: c.officerId,
      independent_person: c.independentPerson ?? '',
      version: events.length,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  for (const w of new Set(c.workerIds))
    await ctx.trx.insertInto('complaint_workers').values({ complaint_id: id, staff_id: w }).execute();
  let seq = 0;
  for (const e of events)
    await ctx.trx
      .insertInto('complaint_events')
      .values({
        id: newId(),
        complaint_id: id,
        seq: ++seq,
        type: e.type,
        payload: JSON.stringify(e),
        at: ctx.now,
        actor_name: 'Demo data',
      })
      .execute();
  return id;
}

export async function insertDemoItem(
  ctx: SeedContext,
  i: {
    complaintId?: string;
    sourceId?: string;
    team: string | null;
    kind: string;
    title: string;
    detail: string;
    theme: string;
    raisedOn: string;
    publish?: string;
  },
  actions: {
    description: string;
    ownerId: string;
    dueOn: string;
    evidence?: { text: string; on: string; by: string };
  }[],
  closedOn: string | null,
) {
  const id = newId();
  await ctx.trx
    .insertInto('lesson_items')
    .values({
      id,
      complaint_id: i.complaintId ?? null,
      source_id: i.sourceId ?? null,
      kind: i.kind,
      title: i.title,
      detail: i.detail,
      theme: i.theme,
      team_id: i.team ? ctx.teams.get(i.team)! : null,
      raised_on: i.raisedOn,
      closed_on: closedOn,
      publish: i.publish ? 1 : 0,
      published_summary: i.publish ?? '',
      created_by: 'Demo data',
      created_at: ctx.now,
    })
    .execute();
  if (closedOn && actions.some((a) => !a.evidence))
    throw new Error(`Demo item "${i.title}" closed without evidence`);
  for (const a of actions)
    await ctx.trx
      .insertInto('lesson_actions')
      .values({
        id: newId(),
        item_id: id,
        description: a.description,
        owner_id: a.ownerId,
        due_on: a.dueOn,
        evidence_text: a.evidence?.text ?? null,
        evidence_link: null,
        evidence_document_id: null,
        evidence_on: a.evidence?.on ?? null,
        evidence_by: a.evidence?.by ?? null,
        created_at: ctx.now,
      })
      .execute();
  return id;
}
