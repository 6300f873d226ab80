import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';

/** Names are compared without case or extra spaces, so "Front door" and "Front Door" cannot both exist. */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function addService(db: Db, clock: Clock, actor: Actor, name: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('services').select('name').execute();
    if (existing.some((s) => sameName(s.name, name)))
      throw new UserInputError(`There is already a service called ${name}`, 'name');
    const id = newId();
    await trx
      .insertInto('services')
      .values({ id, name: name.trim(), created_at: clock.now().toISOString() })
      .execute();
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'service',
      recordId: id,
      summary: `Added service ${name.trim()}`,
    });
    return id;
  });
}

/** Adds a team, or (with an id) renames it or moves it to another service. */
export async function saveTeam(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { id?: string; name: string; serviceId: string },
) {
  return db.transaction().execute(async (trx) => {
    const service = await trx
      .selectFrom('services')
      .select('id')
      .where('id', '=', input.serviceId)
      .executeTakeFirst();
    if (!service) throw new UserInputError('Choose the service this team belongs to', 'serviceId');
    const others = await trx.selectFrom('teams').select(['id', 'name']).execute();
    if (others.some((t) => t.id !== input.id && sameName(t.name, input.name))) {
      throw new UserInputError(`There is already a team called ${input.name.trim()}`, 'name');
    }
    const name = input.name.trim();
    if (input.id) {
      const r = await trx
        .updateTable('teams')
        .set({ name, service_id: input.serviceId })
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('team');
      await recordAudit(trx, clock, actor, {
        action: 'update',
        recordType: 'team',
        recordId: input.id,
        summary: `Saved team ${name}`,
      });
      return input.id;
    }
    const id = newId();
    await trx
      .insertInto('teams')
      .values({ id, name, service_id: input.serviceId, created_at: clock.now().toISOString() })
      .execute();
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'team',
      recordId: id,
      summary: `Added team ${name}`,
    });
    return id;
  });
}
