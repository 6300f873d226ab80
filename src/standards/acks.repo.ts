import type { DbOrTrx } from '../platform/db/db.ts';
import type { StandardAckTargetsTable } from './schema.ts';

/** Whom a standard asks to acknowledge it, and by when. */
export const ackTargets = (db: DbOrTrx, standardId?: string) => {
  let q = db.selectFrom('standard_ack_targets').selectAll();
  if (standardId) q = q.where('standard_id', '=', standardId);
  return q.orderBy('due_on').execute();
};

export const insertAckTarget = (db: DbOrTrx, row: StandardAckTargetsTable) =>
  db
    .insertInto('standard_ack_targets')
    .values(row)
    .onConflict((oc) => oc.columns(['standard_id', 'kind', 'target']).doUpdateSet({ due_on: row.due_on }))
    .execute();

export const deleteAckTarget = (db: DbOrTrx, standardId: string, id: string) =>
  db
    .deleteFrom('standard_ack_targets')
    .where('standard_id', '=', standardId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The standards asked of a person (by their roles, team or service), each with its earliest date. */
export async function requiredOf(
  db: DbOrTrx,
  p: { roles: string[]; teamId: string | null; serviceId: string | null },
) {
  const rows = await db
    .selectFrom('standard_ack_targets')
    .select(['standard_id', 'due_on'])
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'role'), eb('target', 'in', p.roles.length ? p.roles : [''])]),
        eb.and([eb('kind', '=', 'team'), eb('target', '=', p.teamId ?? '')]),
        eb.and([eb('kind', '=', 'service'), eb('target', '=', p.serviceId ?? '')]),
      ]),
    )
    .execute();
  const due = new Map<string, string>();
  for (const r of rows)
    if (!due.has(r.standard_id) || r.due_on < due.get(r.standard_id)!) due.set(r.standard_id, r.due_on);
  return due;
}

/** The versions each of these people has acknowledged, per standard: staff → standard → versions. */
export async function acksOf(db: DbOrTrx, staffIds: string[], standardId?: string) {
  const out = new Map<string, Map<string, number[]>>();
  for (let i = 0; i < staffIds.length; i += 500) {
    let q = db
      .selectFrom('standard_acks')
      .select(['staff_id', 'standard_id', 'version'])
      .where('staff_id', 'in', staffIds.slice(i, i + 500));
    if (standardId) q = q.where('standard_id', '=', standardId);
    for (const r of await q.execute()) {
      const per = out.get(r.staff_id) ?? new Map<string, number[]>();
      per.set(r.standard_id, [...(per.get(r.standard_id) ?? []), r.version]);
      out.set(r.staff_id, per);
    }
  }
  return out;
}

export async function insertAck(
  db: DbOrTrx,
  row: { standard_id: string; staff_id: string; version: number; acknowledged_at: string },
) {
  const r = await db
    .insertInto('standard_acks')
    .values(row)
    .onConflict((oc) => oc.columns(['standard_id', 'staff_id', 'version']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Active people with their team, service and roles, within a team or a service or everyone. */
export async function peopleIn(db: DbOrTrx, where: { teamId?: string; serviceId?: string; ids?: string[] }) {
  let q = db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.email',
      'staff.team_id',
      'teams.service_id',
      'teams.name as team_name',
      'staff.created_at',
    ])
    .where('staff.active', '=', 1);
  if (where.teamId) q = q.where('staff.team_id', '=', where.teamId);
  if (where.serviceId) q = q.where('teams.service_id', '=', where.serviceId);
  if (where.ids) q = q.where('staff.id', 'in', where.ids.length ? where.ids : ['']);
  const people = await q.orderBy('staff.name').execute();
  const roles = new Map<string, string[]>();
  for (let i = 0; i < people.length; i += 500) {
    const rows = await db
      .selectFrom('staff_roles')
      .select(['staff_id', 'role'])
      .where(
        'staff_id',
        'in',
        people.slice(i, i + 500).map((p) => p.id),
      )
      .execute();
    for (const r of rows) roles.set(r.staff_id, [...(roles.get(r.staff_id) ?? []), r.role]);
  }
  return people.map((p) => ({ ...p, roles: roles.get(p.id) ?? [] }));
}
export type Person = Awaited<ReturnType<typeof peopleIn>>[number];

export const listTeams = (db: DbOrTrx) =>
  db
    .selectFrom('teams')
    .innerJoin('services', 'services.id', 'teams.service_id')
    .select(['teams.id', 'teams.name', 'teams.service_id', 'services.name as service_name'])
    .orderBy('teams.name')
    .execute();
export const listServices = (db: DbOrTrx) =>
  db.selectFrom('services').select(['id', 'name']).orderBy('name').execute();

/** When a person's record was created: a new starter's first weeks. */
export const staffSince = async (db: DbOrTrx, id: string) =>
  (await db.selectFrom('staff').select('created_at').where('id', '=', id).executeTakeFirst())?.created_at ??
  null;
