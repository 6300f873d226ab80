import type { FastifyInstance } from 'fastify';
import { get } from '../platform/http/route.ts';
import { ROLE_NAMES } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { panelsFor } from './panels.ts';

export function homeRoutes(app: FastifyInstance, services: Services) {
  get(app, '/', { permission: 'home:view', audit: false }, async (req, reply) => {
    const user = req.user!;
    return reply.render('home/home.njk', {
      title: 'Home',
      firstName: user.name.split(' ')[0],
      roleNames: user.roles.map((r) => ROLE_NAMES[r]).join(', '),
      panels: await panelsFor(services, user),
    });
  });
}
