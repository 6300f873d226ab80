import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { bulletinRouteFixtures } from '../../bulletin/api.ts';
import { complaintRouteFixtures } from '../../complaints/api.ts';
import { learningRouteFixtures } from '../../learning/api.ts';
import { practiceToolsRouteFixtures } from '../../practice-tools/api.ts';
import { standardsRouteFixtures } from '../../standards/api.ts';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { workforceRouteFixtures } from '../../workforce/api.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { type Action, can } from '../policy/policy.ts';
import { type Principal, ROLES } from '../policy/roles.ts';
import { guardSetup } from './guard.ts';
import { page } from './page.ts';
import './types.ts';

describe('every route declares who may use it', () => {
  test('the app registers only routes with a permission and an audit rule', async () => {
    const t = await createTestApp('sqlite');
    try {
      const routes = t.app.declaredRoutes;
      assert.ok(routes.length >= 15, `expected the platform's routes, found ${routes.length}`);
      for (const r of routes) {
        assert.ok(r.permission, `${r.method} ${r.url} has no permission`);
      }
      // Routes that show a person's record are audited.
      const staffView = routes.find((r) => r.method === 'GET' && r.url === '/staff/:id');
      assert.equal(staffView?.audited, true);
    } finally {
      await t.drop();
    }
  });

  test('a route that forgets its permission cannot be registered', async () => {
    const t = await createTestDb('sqlite');
    try {
      const app = Fastify();
      guardSetup(app, t.services);
      assert.throws(() => app.get('/forgot', async () => 'oops'), /must declare a permission/);
      assert.throws(
        () =>
          app.route({
            method: 'GET',
            url: '/half',
            config: { permission: 'home:view' },
            handler: async () => '',
          }),
        /must declare a permission and an audit rule/,
      );
      page(app, { method: 'GET', url: '/fine', permission: 'home:view', audit: false }, async () => 'ok');
      await app.close();
    } finally {
      await t.drop();
    }
  });
});

describe('route × role matrix', () => {
  test('each role is allowed exactly what the policy grants, on every route', async () => {
    const t = await createTestApp('sqlite');
    try {
      // A record outside every demo persona's team and service, and one message.
      const other = await t.db
        .selectFrom('staff')
        .innerJoin('teams', 'teams.id', 'staff.team_id')
        .select(['staff.id', 'staff.team_id', 'teams.service_id'])
        .where('teams.name', '=', 'Leaving Care Team')
        .executeTakeFirstOrThrow();
      await enqueueMail(t.db, t.clock, { to: 'someone@example.org', subject: 'Hello', text: 'Body' });
      const message = await t.db.selectFrom('outbox').select('id').executeTakeFirstOrThrow();
      const teamScope = { ownerId: '', teamId: other.team_id, serviceId: other.service_id };
      const otherChild = await t.db
        .selectFrom('children')
        .select(['id', 'worker_id', 'team_id'])
        .where('team_id', '=', other.team_id)
        .executeTakeFirstOrThrow();
      const fixtures: Record<
        string,
        { url: string; resource?: { ownerId: string; teamId: string | null; serviceId: string | null } }
      > = {
        '/staff/:id': {
          url: `/staff/${other.id}`,
          resource: { ownerId: other.id, teamId: other.team_id, serviceId: other.service_id },
        },
        '/staff/:id/edit': { url: `/staff/${other.id}/edit` },
        '/admin/outbox/:id': { url: `/admin/outbox/${message.id}` },
        '/teams/:id/edit': { url: `/teams/${other.team_id}/edit` },
        ...(await complaintRouteFixtures(t.db, t.services.config.dataDir)),
        ...(await learningRouteFixtures(t.db)),
        ...practiceToolsRouteFixtures(),
        ...(await workforceRouteFixtures(t.db)),
        ...(await standardsRouteFixtures(t.db)),
        ...(await bulletinRouteFixtures(t.db, t.services.config.dataDir)),
        // Child-focused performance: a child and a team outside every persona's team and service.
        '/performance/teams/:id': { url: `/performance/teams/${other.team_id}`, resource: teamScope },
        ...Object.fromEntries(
          ['csv', 'xlsx'].map((x) => [
            `/performance/teams/:id/download.${x}`,
            { url: `/performance/teams/${other.team_id}/download.${x}`, resource: teamScope },
          ]),
        ),
        '/performance/how-we-work-it-out/change/:rule/default': {
          url: '/performance/how-we-work-it-out/change/cin-visits/default',
        },
        '/children/:id': {
          url: `/children/${otherChild.id}`,
          resource: {
            ownerId: otherChild.worker_id!,
            teamId: otherChild.team_id,
            serviceId: other.service_id,
          },
        },
      };
      const gets = t.app.declaredRoutes.filter((r) => r.method === 'GET' && r.permission !== 'public');
      assert.ok(gets.length >= 8);

      for (const role of ROLES) {
        const persona = personaFor(role);
        const b = new Browser(t.app);
        const signed = await b.signIn(persona.email);
        assert.equal(signed.statusCode, 303, `${role} signs in`);
        const staff = await t.db
          .selectFrom('staff')
          .innerJoin('teams', 'teams.id', 'staff.team_id')
          .select(['staff.id', 'staff.team_id', 'teams.service_id'])
          .where('email', '=', persona.email)
          .executeTakeFirstOrThrow();
        const principal: Principal = {
          id: staff.id,
          name: persona.name,
          email: persona.email,
          roles: [role],
          teamId: staff.team_id,
          serviceId: staff.service_id,
        };

        for (const r of gets) {
          const fixture = r.url.includes(':') ? fixtures[r.url] : { url: r.url.replace('*', 'favicon.svg') };
          assert.ok(fixture, `add a fixture for ${r.url} to this test`);
          const expected = can(principal, r.permission as Action, fixture.resource);
          let res = await b.get(fixture.url);
          // A page that moved answers a permanent redirect (checking the action only, as the guard does);
          // the page it leads to checks the record, and must answer as the policy says.
          if (res.statusCode === 301) res = await b.get(String(res.headers.location));
          if (expected)
            assert.equal(res.statusCode, 200, `${role} should reach ${fixture.url} (got ${res.statusCode})`);
          else
            assert.equal(
              res.statusCode,
              403,
              `${role} should be refused ${fixture.url} (got ${res.statusCode})`,
            );
        }

        // Changes: a role without the permission is refused even with a valid form token.
        const _csrf = await b.csrfFrom('/');
        for (const r of t.app.declaredRoutes.filter(
          (x) => x.method === 'POST' && x.permission !== 'public',
        )) {
          if (can(principal, r.permission as Action)) continue;
          const url = r.url.replace(':id', other.id);
          const res = await b.post(url, { _csrf });
          assert.equal(res.statusCode, 403, `${role} should be refused POST ${url}`);
        }
      }
    } finally {
      await t.drop();
    }
  });

  test('someone not signed in is sent to sign in from every page that is not public', async () => {
    const t = await createTestApp('sqlite');
    try {
      for (const r of t.app.declaredRoutes.filter((x) => x.method === 'GET' && x.permission !== 'public')) {
        const url = r.url.replace(':id', 'x');
        const res = await t.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 303, url);
        assert.match(String(res.headers.location), /^\/sign-in\?returnTo=/);
      }
    } finally {
      await t.drop();
    }
  });
});
