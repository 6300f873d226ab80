import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { formErrors, keptForm, redirectWithForm, redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { findDocument, sendDocument } from './documents.ts';
import { idParam } from './form-post.ts';
import { text } from './forms.ts';
import { actionsOwnedBy, findAction, findItem, publishedLearning } from './learning.repo.ts';
import { addEvidence } from './learning.service.ts';
import { readMultipart } from './multipart.ts';
import { authorizeRecord } from './scope.ts';

const itemPage = (id: string) => `/learning-items/${id}`;

/** Everyone: published learning, and the evidence form for actions they own. */
export function evidenceRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;

  get(app, '/lessons-learned', { permission: 'lessons:read', audit: false }, async (req, reply) => {
    const rows = await publishedLearning(db);
    return reply.render('complaints/views/published.njk', {
      title: 'Learning from complaints and reviews',
      rows: rows.map((r) => ({ ...r, raised: formatDate(r.raised_on), closed: formatDate(r.closed_on) })),
      mine: (await actionsOwnedBy(db, req.user!.id)).map((a) => ({ ...a, due: formatDate(a.due_on) })),
      canSeeItems: can(req.user!, 'learning-items:view'),
    });
  });

  const evidenceRules = { permission: 'learning-actions:evidence', audit: false } as const;
  const evidencePage = (id: string) => `/learning-items/actions/${id}/evidence`;
  get(app, '/learning-items/actions/:id/evidence', evidenceRules, async (req, reply) => {
    const action = await findAction(db, idParam(req));
    if (!action) throw new NotFoundError('action');
    authorizeRecord(req.user!, 'learning-actions:evidence', 'learning-action', action);
    const kept = keptForm(req);
    return reply.render('complaints/views/evidence.njk', {
      title: 'Add evidence that practice changed',
      action: { ...action, due: formatDate(action.due_on) },
      values: kept?.values ?? { text: action.evidence_text ?? '', link: action.evidence_link ?? '' },
      errors: kept?.errors,
      backLink: {
        href: can(req.user!, 'learning-items:view') ? itemPage(action.item_id) : '/lessons-learned',
      },
    });
  });

  post(app, '/learning-items/actions/:id/evidence', evidenceRules, async (req, reply) => {
    const id = idParam(req);
    let values: Record<string, unknown> = {};
    try {
      const form = await readMultipart(req);
      values = { text: form.fields.text ?? '', link: form.fields.link ?? '' };
      const parsed = z
        .object({
          text: text('what changed', 4000),
          link: z
            .string()
            .trim()
            .max(500)
            .default('')
            .refine((s) => s === '' || /^https?:\/\/\S+$/.test(s), 'Enter a link that starts with https://'),
        })
        .safeParse(form.fields);
      if (!parsed.success)
        return redirectWithForm(services, req, reply, evidencePage(id), {
          values,
          errors: formErrors(parsed.error),
        });
      await addEvidence(db, clock, config.dataDir, req.actor, req.user!, id, {
        ...parsed.data,
        file: form.file,
      });
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      return redirectWithForm(services, req, reply, evidencePage(id), {
        values,
        errors: formErrors([{ field: err.field ?? 'file', text: err.message }]),
      });
    }
    const action = await findAction(db, id);
    const back =
      action && can(req.user!, 'learning-items:view') ? itemPage(action.item_id) : '/lessons-learned';
    return redirectWithSuccess(services, req, reply, back, 'Thank you: your evidence has been recorded.');
  });

  get(
    app,
    '/learning-items/documents/:id',
    {
      permission: 'learning-items:view',
      audit: { recordType: 'learning-document', recordId: idParam, summary: () => 'Downloaded evidence' },
    },
    async (req, reply) => {
      const doc = await findDocument(db, idParam(req));
      const item = doc.learning_item_id ? await findItem(db, doc.learning_item_id) : undefined;
      if (!item) throw new NotFoundError('document');
      authorizeRecord(req.user!, 'learning-items:view', 'learning-item', item);
      return sendDocument(reply, config.dataDir, doc);
    },
  );
}
