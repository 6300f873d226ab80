import type { FastifyInstance } from 'fastify';
import type { Panel, PanelSource } from '../feature.ts';
import { page } from '../http/page.ts';
import { can } from '../policy/policy.ts';
import type { Principal } from '../policy/roles.ts';
import type { Services } from '../services.ts';
import { presentHome } from './home.presenter.ts';

/** The panels this person may see, loaded together; a panel with nothing to say returns null. */
export async function panelsFor(
  services: Services,
  panels: PanelSource[],
  user: Principal,
): Promise<Panel[]> {
  const mine = panels.filter((p) => can(user, p.permission));
  const loaded = await Promise.all(mine.map((p) => p.load(services, user)));
  return loaded.filter((p): p is Panel => p !== null);
}

/** The home page: what needs this person today, from every feature's panels. */
export function homeRoutes(app: FastifyInstance, services: Services, panels: PanelSource[]) {
  page(app, { method: 'GET', url: '/', permission: 'home:view', audit: false }, async ({ user, reply }) =>
    reply.render('platform/home/home.njk', presentHome(user, await panelsFor(services, panels, user))),
  );
}
