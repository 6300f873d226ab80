import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { formErrors, keptForm, redirectWithForm, redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import { authorize, can } from '../platform/policy/policy.ts';
import { ROLE_NAMES, ROLES, type Role } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { escapeHtml } from '../platform/views/format.ts';
import { staffImportRoutes } from './import.routes.ts';
import { orgRoutes } from './org.routes.ts';
import { directorySummary, directoryTable, staffSummaryRows } from './staff.presenter.ts';
import { getStaff, listStaff, listTeams, managersByTeam, rolesOf } from './staff.repo.ts';
import { unlockStaff, updateStaff } from './staff.service.ts';

const PAGE_SIZE = 50;

const directoryQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  team: z.string().max(60).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(['active', 'left', 'all']).default('active').catch('active'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

const editForm = z.object({
  teamId: z.string().max(60).default(''),
  roles: z.union([z.enum(ROLES), z.array(z.enum(ROLES))]).optional(),
  isAgency: z.enum(['yes', 'no'], { message: 'Say whether this person is agency staff' }),
  leftOn: z
    .string()
    .trim()
    .default('')
    .refine(
      (s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))),
      'Enter the leaving date as YYYY-MM-DD, for example 2026-11-30',
    ),
});

export function peopleRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  get(app, '/staff', { permission: 'staff:list', audit: false }, async (req, reply) => {
    const f = directoryQuery.parse(req.query);
    const { rows, total } = await listStaff(db, {
      q: f.q,
      teamId: f.team || undefined,
      role: f.role,
      status: f.status,
      limit: PAGE_SIZE,
      offset: (f.page - 1) * PAGE_SIZE,
    });
    const roles = await rolesOf(
      db,
      rows.map((r) => r.id),
    );
    const user = req.user!;
    const teams = await listTeams(db);
    return reply.render('people/views/directory.njk', {
      title: 'Staff',
      filters: f,
      teams: teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === f.team })),
      roleItems: ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r], selected: r === f.role })),
      rows: directoryTable(rows, roles, (r) =>
        can(user, 'staff:view', { ownerId: r.id, teamId: r.team_id, serviceId: r.service_id }),
      ),
      summary: directorySummary(total, rows.length, (f.page - 1) * PAGE_SIZE),
      pagination: pager(f, total),
      canImport: can(user, 'staff:import'),
    });
  });

  get(app, '/teams', { permission: 'org:view', audit: false }, async (req, reply) => {
    const canManage = can(req.user!, 'org:manage');
    const teams = await listTeams(db);
    const managers = await managersByTeam(db);
    const services = new Map<string, { name: string; teams: typeof teams }>();
    for (const t of teams) {
      const s = services.get(t.service_id) ?? { name: t.service_name, teams: [] };
      s.teams.push(t);
      services.set(t.service_id, s);
    }
    return reply.render('people/views/teams.njk', {
      title: 'Services and teams',
      canManage,
      services: [...services.values()].map((s) => ({
        name: s.name,
        rows: s.teams.map((t) => [
          { html: `<a class="govuk-link" href="/staff?team=${t.id}">${escapeHtml(t.name)}</a>` },
          { text: (managers.get(t.id) ?? []).join(', ') || 'No team manager recorded' },
          { text: String(t.active_staff ?? 0), format: 'numeric' },
          ...(canManage
            ? [
                {
                  html: `<a class="govuk-link" href="/teams/${t.id}/edit">Change<span class="govuk-visually-hidden"> ${escapeHtml(t.name)}</span></a>`,
                },
              ]
            : []),
        ]),
      })),
    });
  });

  const staffAudit = {
    recordType: 'staff',
    recordId: (req: { params: unknown }) => (req.params as { id: string }).id,
    summary: () => 'Viewed staff record',
  };

  get(app, '/staff/:id', { permission: 'staff:view', audit: staffAudit }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const staff = await getStaff(db, id);
    if (!staff) throw new NotFoundError('staff');
    authorize(req.user!, 'staff:view', {
      type: 'staff',
      id,
      ownerId: staff.id,
      teamId: staff.team_id,
      serviceId: staff.service_id,
    });
    const roles = (await rolesOf(db, [id])).get(id) ?? [];
    return reply.render('people/views/staff.njk', {
      title: staff.name,
      staff,
      rows: staffSummaryRows(staff, roles, clock.now()),
      locked: !!staff.locked_until && staff.locked_until > clock.now().toISOString(),
      canManage: can(req.user!, 'staff:manage'),
      canInvite: can(req.user!, 'staff:invite'),
      errors: keptForm(req)?.errors,
      backLink: { href: '/staff', text: 'Back to staff' },
    });
  });

  get(app, '/staff/:id/edit', { permission: 'staff:manage', audit: staffAudit }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const staff = await getStaff(db, id);
    if (!staff) throw new NotFoundError('staff');
    const roles = (await rolesOf(db, [id])).get(id) ?? [];
    const kept = keptForm(req);
    const values = kept?.values ?? {
      teamId: staff.team_id ?? '',
      roles,
      isAgency: staff.is_agency ? 'yes' : 'no',
      leftOn: staff.left_on ?? '',
    };
    const chosen = new Set<string>(
      ([] as string[]).concat((values.roles as string[] | string | undefined) ?? []),
    );
    const teams = await listTeams(db);
    return reply.render('people/views/staff-edit.njk', {
      title: `Change ${staff.name}`,
      staff,
      values,
      errors: kept?.errors,
      teamItems: [
        { value: '', text: 'No team' },
        ...teams.map((t) => ({
          value: t.id,
          text: `${t.name} (${t.service_name})`,
          selected: t.id === values.teamId,
        })),
      ],
      roleItems: ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r], checked: chosen.has(r) })),
      backLink: { href: `/staff/${id}` },
    });
  });

  post(app, '/staff/:id/edit', { permission: 'staff:manage', audit: false }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const parsed = editForm.safeParse(req.body);
    const url = `/staff/${id}/edit`;
    const values = { ...(req.body as Record<string, unknown>), _csrf: undefined };
    if (!parsed.success)
      return redirectWithForm(services, req, reply, url, { values, errors: formErrors(parsed.error) });
    const roles = ([] as Role[]).concat(parsed.data.roles ?? []);
    try {
      await updateStaff(db, clock, req.actor, id, {
        teamId: parsed.data.teamId || null,
        roles,
        isAgency: parsed.data.isAgency === 'yes',
        leftOn: parsed.data.leftOn || null,
      });
    } catch (err) {
      if (err instanceof UserInputError) {
        return redirectWithForm(services, req, reply, url, {
          values,
          errors: formErrors([{ field: err.field ?? 'teamId', text: err.message }]),
        });
      }
      throw err;
    }
    return redirectWithSuccess(services, req, reply, `/staff/${id}`, 'The changes have been saved.');
  });

  post(app, '/staff/:id/unlock', { permission: 'staff:manage', audit: false }, async (req, reply) => {
    const { id } = req.params as { id: string };
    await unlockStaff(db, clock, req.actor, id);
    return redirectWithSuccess(services, req, reply, `/staff/${id}`, 'Sign-in has been unlocked.');
  });

  staffImportRoutes(app, services);
  orgRoutes(app, services);
}

function pager(f: z.infer<typeof directoryQuery>, total: number) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return undefined;
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (f.q) p.set('q', f.q);
    if (f.team) p.set('team', f.team);
    if (f.role) p.set('role', f.role);
    p.set('status', f.status);
    p.set('page', String(page));
    return `/staff?${p}`;
  };
  return {
    previous: f.page > 1 ? { href: href(f.page - 1) } : undefined,
    next: f.page < pages ? { href: href(f.page + 1) } : undefined,
    items: Array.from({ length: pages }, (_, i) => ({
      number: i + 1,
      href: href(i + 1),
      current: i + 1 === f.page,
    })),
  };
}
