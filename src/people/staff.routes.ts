import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendInvitation } from '../platform/auth/password-links.service.ts';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import { mailLayout } from '../platform/mail/message.ts';
import { ROLES } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import {
  DIRECTORY_PAGE_SIZE,
  presentDirectory,
  presentStaffEdit,
  presentStaffRecord,
} from './staff.presenter.ts';
import { staffDirectory, staffEditForm, staffRecord, unlockStaff, updateStaff } from './staff.service.ts';

// A filter from a hand-edited address falls back to its default rather than erroring.
const directoryQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  team: z.string().max(60).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(['active', 'left', 'all']).default('active').catch('active'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

const editForm = z.object({
  teamId: z
    .string()
    .max(60)
    .default('')
    .transform((s) => s || null),
  roles: z
    .union([z.enum(ROLES), z.array(z.enum(ROLES))])
    .optional()
    .transform((r) => [r ?? []].flat()),
  isAgency: z
    .enum(['yes', 'no'], { message: 'Say whether this person is agency staff' })
    .transform((a) => a === 'yes'),
  leftOn: z
    .string()
    .trim()
    .default('')
    .refine(
      (s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))),
      'Enter the leaving date as YYYY-MM-DD, for example 2026-11-30',
    )
    .transform((s) => s || null),
});

// Viewing a person's record (or its change form) is audited.
const staffAudit = {
  recordType: 'staff',
  recordId: ({ params }: { params: { id: string } }) => params.id,
  summary: () => 'Viewed staff record',
};

/** The staff directory, a person's record, and what a system admin may change about them. */
export function staffRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;

  page(
    app,
    { method: 'GET', url: '/staff', permission: 'staff:list', audit: false, query: directoryQuery },
    async ({ query, user, reply }) => {
      const data = await staffDirectory(db, user, {
        q: query.q,
        teamId: query.team || undefined,
        role: query.role,
        status: query.status,
        limit: DIRECTORY_PAGE_SIZE,
        offset: (query.page - 1) * DIRECTORY_PAGE_SIZE,
      });
      return reply.render('people/views/directory.njk', presentDirectory(data, query));
    },
  );

  page(
    app,
    { method: 'GET', url: '/staff/:id', permission: 'staff:view', params: idParams, audit: staffAudit },
    async ({ params, user, req, reply }) => {
      const record = await staffRecord(db, user, params.id);
      return reply.render('people/views/staff.njk', {
        ...presentStaffRecord(record),
        errors: keptForm(req)?.errors,
      });
    },
  );

  page(
    app,
    {
      method: 'GET',
      url: '/staff/:id/edit',
      permission: 'staff:manage',
      params: idParams,
      audit: staffAudit,
    },
    async ({ params, req, reply }) =>
      reply.render(
        'people/views/staff-edit.njk',
        presentStaffEdit(await staffEditForm(db, params.id), keptForm(req)),
      ),
  );

  form(
    app,
    {
      url: '/staff/:id/edit',
      permission: 'staff:manage',
      params: idParams,
      body: editForm,
      back: ({ params }) => `/staff/${params.id}/edit`,
      refusalField: 'teamId',
    },
    async (changes, { params, actor }) => {
      await updateStaff(db, clock, actor, params.id, changes);
      return { to: `/staff/${params.id}`, message: 'The changes have been saved.' };
    },
  );

  form(
    app,
    {
      url: '/staff/:id/unlock',
      permission: 'staff:manage',
      params: idParams,
      body: z.object({}),
      back: ({ params }) => `/staff/${params.id}`,
    },
    async (_data, { params, actor }) => {
      await unlockStaff(db, clock, actor, params.id);
      return {
        to: `/staff/${params.id}`,
        message: 'Any wait after wrong passwords has been cleared: they can sign in again now.',
      };
    },
  );

  form(
    app,
    {
      url: '/staff/:id/invite',
      permission: 'staff:invite',
      params: idParams,
      body: z.object({}),
      back: ({ params }) => `/staff/${params.id}`,
      refusalField: 'invite',
    },
    async (_data, { params, actor }) => {
      const link = { db, clock, ...mailLayout(config) };
      const sent = await sendInvitation(link, actor, params.id);
      return {
        to: `/staff/${params.id}`,
        message: `An invitation to set a password has been emailed to ${sent.email}.`,
      };
    },
  );
}
