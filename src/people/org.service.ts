import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { can } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import {
  findTeam,
  insertService,
  insertTeam,
  listServices,
  listTeams,
  managersByTeam,
  serviceExists,
  teamNames,
  updateTeam,
} from './org.repo.ts';
import { orgNameProblem } from './org.rules.ts';

/** Names are compared without case or extra spaces, so "Front door" and "Front Door" cannot both exist. */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The services and teams page: every team, its managers, and whether this person may change them. */
export async function organisation(db: Db, user: Principal) {
  const [teams, managers] = await Promise.all([listTeams(db), managersByTeam(db)]);
  return { teams, managers, canManage: can(user, 'org:manage') };
}

/** What the team form needs: the team being changed (none for a new one) and the services to choose from. */
export async function teamForm(db: Db, id?: string) {
  const team = id ? await findTeam(db, id) : undefined;
  if (id && !team) throw new NotFoundError('team');
  return { team, services: await listServices(db) };
}

export async function addService(db: Db, clock: Clock, actor: Actor, name: string): Promise<string> {
  const notAName = orgNameProblem('service', name);
  if (notAName) throw new UserInputError(notAName, 'name');
  return db.transaction().execute(async (trx) => {
    const existing = await listServices(trx);
    if (existing.some((s) => sameName(s.name, name)))
      throw new UserInputError(`There is already a service called ${name}`, 'name');
    const id = newId();
    await insertService(trx, { id, name: name.trim(), created_at: clock.now().toISOString() });
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
  const notAName = orgNameProblem('team', input.name);
  if (notAName) throw new UserInputError(notAName, 'name');
  return db.transaction().execute(async (trx) => {
    if (!(await serviceExists(trx, input.serviceId)))
      throw new UserInputError('Choose the service this team belongs to', 'serviceId');
    const others = await teamNames(trx);
    if (others.some((t) => t.id !== input.id && sameName(t.name, input.name))) {
      throw new UserInputError(`There is already a team called ${input.name.trim()}`, 'name');
    }
    const name = input.name.trim();
    if (input.id) {
      if (!(await updateTeam(trx, input.id, { name, serviceId: input.serviceId })))
        throw new NotFoundError('team');
      await recordAudit(trx, clock, actor, {
        action: 'update',
        recordType: 'team',
        recordId: input.id,
        summary: `Saved team ${name}`,
      });
      return input.id;
    }
    const id = newId();
    await insertTeam(trx, { id, name, service_id: input.serviceId, created_at: clock.now().toISOString() });
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'team',
      recordId: id,
      summary: `Added team ${name}`,
    });
    return id;
  });
}
