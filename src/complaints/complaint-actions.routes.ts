import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { formErrors, redirectWithForm, redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import { newId } from '../platform/ids.ts';
import type { Services } from '../platform/services.ts';
import {
  addContactAttempt,
  complaintFor,
  recordComplaintEvent,
  setInvestigation,
} from './complaints.service.ts';
import { uploadComplaintDocument } from './documents.service.ts';
import { findDocument, sendDocument } from './documents.ts';
import { formPost, idParam, prefixed } from './form-post.ts';
import { CONTACT_METHODS, dayField, optionalText, THEMES, text } from './forms.ts';
import { type ComplaintEvent, OUTCOMES } from './lifecycle.rules.ts';
import { readMultipart } from './multipart.ts';

const page = (req: FastifyRequest) => `/complaints/${idParam(req)}`;
const on = dayField('the date');

/** Each stage action: its form's fields and the event it becomes. */
const EVENT_FORMS: {
  form: string;
  schema: z.ZodType;
  event: (d: Record<string, string>) => ComplaintEvent;
  message: string;
  permission?: 'complaints:investigate';
}[] = [
  {
    form: 'finding',
    permission: 'complaints:investigate',
    schema: z.object({
      on,
      elementId: z.string().min(1, 'Choose an element'),
      outcome: z.enum(OUTCOMES, { message: 'Choose an outcome' }),
      finding: text('what the investigation found', 4000),
    }),
    event: (d) => ({
      type: 'finding',
      on: d.on!,
      elementId: d.elementId!,
      outcome: d.outcome as 'upheld',
      finding: d.finding!,
    }),
    message: 'The finding has been recorded.',
  },
  {
    form: 'element',
    schema: z.object({
      on,
      summary: text('the element', 1000),
      theme: z.enum(THEMES, { message: 'Choose a theme' }),
    }),
    event: (d) => ({ type: 'element-added', on: d.on!, id: newId(), summary: d.summary!, theme: d.theme! }),
    message: 'The element has been added.',
  },
  {
    form: 'extend',
    schema: z.object({
      on,
      toDays: z.coerce
        .number({ message: 'Enter the number of working days' })
        .int('Enter a whole number of working days'),
      reason: text('why the response needs more time', 2000),
    }),
    event: (d) => ({ type: 'extended', on: d.on!, toDays: Number(d.toDays), reason: d.reason! }),
    message: 'The response time has been extended.',
  },
  {
    form: 'panel',
    schema: z.object({ on }),
    event: (d) => ({ type: 'panel-held', on: d.on! }),
    message: 'The review panel has been recorded.',
  },
  {
    form: 'report',
    schema: z.object({ on }),
    event: (d) => ({ type: 'report-issued', on: d.on! }),
    message: 'The panel’s report has been recorded.',
  },
  {
    form: 'respond',
    schema: z.object({ on }),
    event: (d) => ({ type: 'responded', on: d.on! }),
    message: 'The response has been recorded and the stage closed.',
  },
  {
    form: 'escalate',
    schema: z.object({
      on,
      clockStartOn: z
        .string()
        .trim()
        .default('')
        .refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), 'Enter the date as YYYY-MM-DD'),
      lateReason: optionalText(2000),
    }),
    event: (d) => ({
      type: 'escalated',
      on: d.on!,
      clockStartOn: d.clockStartOn || undefined,
      lateReason: d.lateReason || undefined,
    }),
    message: 'The complaint has moved to the next stage.',
  },
  {
    form: 'resolve',
    schema: z.object({ on }),
    event: (d) => ({ type: 'resolved', on: d.on! }),
    message: 'The complaint has been marked resolved.',
  },
  {
    form: 'withdraw',
    schema: z.object({ on, reason: text('why the complaint was withdrawn', 2000) }),
    event: (d) => ({ type: 'withdrawn', on: d.on!, reason: d.reason! }),
    message: 'The complaint has been marked withdrawn.',
  },
  {
    form: 'ombudsman',
    schema: z.object({ on, reference: text('the Ombudsman’s reference', 100) }),
    event: (d) => ({ type: 'ombudsman', on: d.on!, reference: d.reference! }),
    message: 'The referral to the Ombudsman has been recorded.',
  },
];

export function complaintActionRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;
  for (const f of EVENT_FORMS) {
    const permission = f.permission ?? 'complaints:manage';
    formPost(app, services, {
      url: `/complaints/:id/${f.form}`,
      permission,
      form: f.form,
      schema: f.schema,
      back: page,
      run: async (d, req) => {
        await recordComplaintEvent(
          db,
          clock,
          req.actor,
          req.user!,
          idParam(req),
          f.event(d as Record<string, string>),
          permission,
        );
        return { to: page(req), message: f.message };
      },
    });
  }

  formPost(app, services, {
    url: '/complaints/:id/investigation',
    permission: 'complaints:manage',
    form: 'investigation',
    schema: z.object({ officerId: z.string().max(60).default(''), independentPerson: optionalText(200) }),
    back: page,
    run: async (d, req) => {
      await setInvestigation(db, clock, req.actor, req.user!, idParam(req), {
        officerId: d.officerId || null,
        independentPerson: d.independentPerson,
      });
      return { to: page(req), message: 'The investigation details have been saved.' };
    },
  });

  formPost(app, services, {
    url: '/complaints/:id/contacts',
    permission: 'complaints:investigate',
    form: 'contact',
    schema: z.object({
      contactedOn: dayField('the date of the attempt'),
      person: text('who you tried to reach', 200),
      staffId: z.string().max(60).default(''),
      method: z.enum(CONTACT_METHODS, { message: 'Choose how you tried to reach them' }),
      outcome: text('what happened', 2000),
    }),
    back: page,
    run: async (d, req) => {
      await addContactAttempt(db, clock, req.actor, req.user!, idParam(req), {
        ...d,
        staffId: d.staffId || null,
      });
      return { to: `${page(req)}#contacts`, message: 'The contact attempt has been recorded.' };
    },
  });

  // Multipart: the form token is in the query string.
  post(
    app,
    '/complaints/:id/documents',
    { permission: 'complaints:investigate', audit: false },
    async (req, reply) => {
      try {
        const form = await readMultipart(req);
        if (!form.file) throw new UserInputError('Choose a file to upload', 'file');
        await uploadComplaintDocument(
          db,
          clock,
          config.dataDir,
          req.actor,
          req.user!,
          idParam(req),
          form.file,
          (form.fields.description ?? '').trim().slice(0, 500),
        );
      } catch (err) {
        if (!(err instanceof UserInputError)) throw err;
        return redirectWithForm(services, req, reply, page(req), {
          values: { form: 'document' },
          errors: prefixed('document', formErrors([{ field: err.field ?? 'file', text: err.message }])),
        });
      }
      return redirectWithSuccess(
        services,
        req,
        reply,
        `${page(req)}#documents`,
        'The document has been added.',
      );
    },
  );

  get(
    app,
    '/complaints/documents/:id',
    {
      permission: 'complaints:view',
      audit: {
        recordType: 'complaint-document',
        recordId: idParam,
        summary: () => 'Downloaded a complaint document',
      },
    },
    async (req, reply) => {
      const doc = await findDocument(db, idParam(req));
      if (!doc.complaint_id) throw new NotFoundError('document');
      await complaintFor(db, req.user!, 'complaints:view', doc.complaint_id);
      return sendDocument(reply, config.dataDir, doc);
    },
  );
}
