import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { handleUpload } from '../platform/files/multipart.ts';
import { form } from '../platform/http/form.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { addContactAttempt, recordComplaintEvent, setInvestigation } from './complaints.service.ts';
import { complaintDocument, uploadComplaintDocument } from './documents.service.ts';
import { MAX_DOCUMENT_BYTES, sendDocument } from './documents.ts';
import { EVENT_FORMS } from './event-forms.ts';
import { CONTACT_METHODS, dayField, optionalText, text } from './forms.ts';

const complaintUrl = (id: string) => `/complaints/${id}`;
/** A refused form goes back to its own page, with the answers and what was wrong. */
const backTo =
  (path: string) =>
  ({ params }: { params: { id: string } }) =>
    `${complaintUrl(params.id)}/${path}`;

const investigationSchema = z.object({
  officerId: z.string().max(60).default(''),
  independentPerson: optionalText(200),
});
const contactSchema = z.object({
  contactedOn: dayField('the date of the attempt'),
  person: text('who you tried to reach', 200),
  staffId: z.string().max(60).default(''),
  method: z.enum(CONTACT_METHODS, { message: 'Choose how you tried to reach them' }),
  outcome: text('what happened', 2000),
});
const documentFields = z.object({
  description: z
    .string()
    .default('')
    .transform((s) => s.trim().slice(0, 500)),
});

/**
 * The forms of a complaint's action pages: its stage actions, the investigation, contact attempts and
 * documents. Each posts to its page's own address; accepted, it goes back to the complaint with a message.
 */
export function complaintActionRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;
  for (const f of EVENT_FORMS)
    form(
      app,
      {
        url: `/complaints/:id/${f.form}`,
        permission: f.permission,
        params: idParams,
        body: f.schema,
        name: f.form,
        back: backTo(f.form),
      },
      async (answers, { params, user, actor }) => {
        await recordComplaintEvent(db, clock, actor, user, params.id, f.toEvent(answers), f.permission);
        return { to: complaintUrl(params.id), message: f.message };
      },
    );

  form(
    app,
    {
      url: '/complaints/:id/investigation',
      permission: 'complaints:manage',
      params: idParams,
      body: investigationSchema,
      name: 'investigation',
      back: backTo('investigation'),
    },
    async (d, { params, user, actor }) => {
      await setInvestigation(db, clock, actor, user, params.id, {
        officerId: d.officerId || null,
        independentPerson: d.independentPerson,
      });
      return { to: complaintUrl(params.id), message: 'The investigation details have been saved.' };
    },
  );

  form(
    app,
    {
      url: '/complaints/:id/contacts',
      permission: 'complaints:investigate',
      params: idParams,
      body: contactSchema,
      name: 'contact',
      back: backTo('contacts'),
    },
    async (d, { params, user, actor }) => {
      await addContactAttempt(db, clock, actor, user, params.id, { ...d, staffId: d.staffId || null });
      return { to: `${complaintUrl(params.id)}#contacts`, message: 'The contact attempt has been recorded.' };
    },
  );

  // An upload: the body is a multipart stream, read by handleUpload; the form token is in the query string.
  page(
    app,
    {
      method: 'POST',
      url: '/complaints/:id/documents',
      permission: 'complaints:investigate',
      audit: false,
      params: idParams,
    },
    ({ params, user, actor, req, reply }) =>
      handleUpload(
        { req, reply },
        {
          fields: documentFields,
          maxBytes: MAX_DOCUMENT_BYTES,
          back: `${complaintUrl(params.id)}/documents`,
          name: 'document',
        },
        async ({ description }, file) => {
          await uploadComplaintDocument(db, clock, config.dataDir, actor, user, params.id, file, description);
          return { to: `${complaintUrl(params.id)}#documents`, message: 'The document has been added.' };
        },
      ),
  );

  page(
    app,
    {
      method: 'GET',
      url: '/complaints/documents/:id',
      permission: 'complaints:view',
      params: idParams,
      audit: {
        recordType: 'complaint-document',
        recordId: ({ params }) => params.id,
        summary: () => 'Downloaded a complaint document',
      },
    },
    async ({ params, user, reply }) =>
      sendDocument(reply, config.dataDir, await complaintDocument(db, user, params.id)),
  );
}
