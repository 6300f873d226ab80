import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db/db.ts';
import type { Role } from '../platform/policy/roles.ts';
import type { Distribution } from './editions.rules.ts';

export interface Recipient {
  id: string;
  name: string;
  email: string;
  teamId: string | null;
  serviceId: string | null;
  roles: Role[];
}

/**
 * The people an edition goes to: everyone working here, or those in the chosen
 * services, teams or roles. Leavers (inactive, or with a leaving date on or
 * before `today`) are never included.
 */
export async function recipientsOf(db: DbOrTrx, d: Distribution, today: string): Promise<Recipient[]> {
  let q = db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.name', 'staff.email', 'staff.team_id', 'teams.service_id'])
    .where('staff.active', '=', 1)
    .where((eb) => eb.or([eb('staff.left_on', 'is', null), eb('staff.left_on', '>', today)]));
  if (d.kind !== 'everyone' && !d.ids.length) return [];
  if (d.kind === 'teams') q = q.where('staff.team_id', 'in', d.ids);
  if (d.kind === 'services') q = q.where('teams.service_id', 'in', d.ids);
  if (d.kind === 'roles')
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_roles')
          .select('staff_roles.staff_id')
          .whereRef('staff_roles.staff_id', '=', 'staff.id')
          .where('staff_roles.role', 'in', d.ids),
      ),
    );
  const people = await q.orderBy('staff.id').execute();
  const roles = await db.selectFrom('staff_roles').select(['staff_id', 'role']).execute();
  const byPerson = new Map<string, Role[]>();
  for (const r of roles) byPerson.set(r.staff_id, [...(byPerson.get(r.staff_id) ?? []), r.role as Role]);
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    teamId: p.team_id,
    serviceId: p.service_id ?? null,
    roles: byPerson.get(p.id) ?? [],
  }));
}

/** The choices of a distribution: services, teams and roles with their names. */
export async function distributionChoices(db: DbOrTrx) {
  const [services, teams] = await Promise.all([
    db.selectFrom('services').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute(),
  ]);
  return { services, teams };
}

/** One batch of deliveries: the rows this instance inserted (a row someone else inserted first is skipped). */
export async function claimDeliveries(db: DbOrTrx, editionId: string, staffIds: string[], at: string) {
  if (!staffIds.length) return [];
  const rows = await db
    .insertInto('bulletin_deliveries')
    .values(staffIds.map((staff_id) => ({ edition_id: editionId, staff_id, outbox_id: '', queued_at: at })))
    .onConflict((oc) => oc.columns(['edition_id', 'staff_id']).doNothing())
    .returning('staff_id')
    .execute();
  return rows.map((r) => r.staff_id);
}

/** Notes each claimed delivery's message, in one statement for the batch. */
export async function setDeliveryMessages(
  db: DbOrTrx,
  editionId: string,
  messages: readonly { staffId: string; outboxId: string }[],
) {
  if (!messages.length) return;
  await db
    .updateTable('bulletin_deliveries')
    .set({
      outbox_id: sql<string>`case staff_id ${sql.join(
        messages.map((m) => sql`when ${m.staffId} then ${m.outboxId}`),
        sql` `,
      )} end`,
    })
    .where('edition_id', '=', editionId)
    .where(
      'staff_id',
      'in',
      messages.map((m) => m.staffId),
    )
    .execute();
}

/** Each recipient with their message's state, for the send report. */
export const deliveryReport = (db: DbOrTrx, editionId: string) =>
  db
    .selectFrom('bulletin_deliveries as d')
    .innerJoin('staff', 'staff.id', 'd.staff_id')
    .leftJoin('outbox', 'outbox.id', 'd.outbox_id')
    .select([
      'staff.name',
      'staff.email',
      'd.queued_at',
      'outbox.status',
      'outbox.last_error',
      'outbox.id as outbox_id',
    ])
    .where('d.edition_id', '=', editionId)
    .orderBy('staff.name')
    .execute();

/** Failed messages of an edition go back in the queue, to be tried again now. */
export const retryFailed = (db: DbOrTrx, editionId: string, now: string) =>
  db
    .updateTable('outbox')
    .set({
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      locked_by: null,
      locked_until: null,
    })
    .where('status', '=', 'failed')
    .where('id', 'in', (eb) =>
      eb.selectFrom('bulletin_deliveries').select('outbox_id').where('edition_id', '=', editionId),
    )
    .executeTakeFirst();
