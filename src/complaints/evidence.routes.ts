import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { handleUpload } from '../platform/files/multipart.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { lessonDocument } from './documents.service.ts';
import { MAX_DOCUMENT_BYTES, sendDocument } from './documents.ts';
import { evidenceRecorded, presentEvidence, presentPublished } from './evidence.presenter.ts';
import { text } from './forms.ts';
import { evidencePage, publishedLessonsPage } from './lesson-pages.service.ts';
import { addEvidence } from './lessons.service.ts';

const evidenceUrl = (id: string) => `/lessons/actions/${id}/evidence`;
const evidenceFields = z.object({
  text: text('what changed', 4000),
  link: z
    .string()
    .trim()
    .max(500)
    .default('')
    .refine((s) => s === '' || /^https?:\/\/\S+$/.test(s), 'Enter a link that starts with https://'),
});

/** Everyone: published lessons, and the evidence form for actions they own; evidence files for those who see items. */
export function lessonEvidenceRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;

  page(
    app,
    { method: 'GET', url: '/lessons', permission: 'lessons:read', audit: false },
    async ({ user, reply }) =>
      reply.render('complaints/views/published.njk', presentPublished(await publishedLessonsPage(db, user))),
  );

  const evidence = {
    url: '/lessons/actions/:id/evidence',
    permission: 'lessons:evidence',
    audit: false,
    params: idParams,
  } as const;
  page(app, { ...evidence, method: 'GET' }, async ({ params, user, req, reply }) =>
    reply.render(
      'complaints/views/evidence.njk',
      presentEvidence(await evidencePage(db, user, params.id), keptForm(req)),
    ),
  );

  // An upload: the body is a multipart stream, read by handleUpload; the form token is in the query string.
  page(app, { ...evidence, method: 'POST' }, ({ params, user, actor, req, reply }) =>
    handleUpload(
      { req, reply },
      {
        fields: evidenceFields,
        maxBytes: MAX_DOCUMENT_BYTES,
        back: evidenceUrl(params.id),
        keep: (f) => ({ text: f.text ?? '', link: f.link ?? '' }),
      },
      async (fields, file) =>
        evidenceRecorded(
          await addEvidence(db, clock, config.dataDir, actor, user, params.id, { ...fields, file }),
        ),
    ),
  );

  page(
    app,
    {
      method: 'GET',
      url: '/lessons/documents/:id',
      permission: 'lessons:view',
      params: idParams,
      audit: {
        recordType: 'learning-document',
        recordId: ({ params }) => params.id,
        summary: () => 'Downloaded evidence',
      },
    },
    async ({ params, user, reply }) =>
      sendDocument(reply, config.dataDir, await lessonDocument(db, user, params.id)),
  );
}
