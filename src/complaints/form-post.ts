import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { UserInputError } from '../platform/http/errors.ts';
import {
  type FormErrors,
  formErrors,
  redirectWithForm,
  redirectWithSuccess,
} from '../platform/http/forms.ts';
import { post } from '../platform/http/route.ts';
import type { Action } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';

/**
 * A page may carry several small forms (a complaint's stage actions). Field
 * ids are prefixed with the form's name, so the error summary links to the
 * right field and only that form shows the answers kept.
 */
export function prefixed(form: string, errors: FormErrors): FormErrors {
  const p = (f: string) => (f === 'form' ? 'form' : `${form}-${f}`);
  return {
    summary: errors.summary.map((s) => ({
      text: s.text,
      href: s.href === '#form' ? `#${form}` : `#${p(s.href.slice(1))}`,
    })),
    fields: Object.fromEntries(Object.entries(errors.fields).map(([k, v]) => [p(k), v])),
  };
}

export interface FormPost<S extends z.ZodType> {
  url: string;
  permission: Action;
  /** Name of the form on the page; '' for a page with one form and plain field ids. */
  form: string;
  schema: S;
  /** Where to go back to (with the answers and errors) when something is wrong. */
  back: (req: FastifyRequest) => string;
  /** Does the change; returns where to go next and what to say. */
  run: (data: z.infer<S>, req: FastifyRequest) => Promise<{ to: string; message: string }>;
}

/** Post/redirect/get for one form: parse, run, and on bad input go back with nothing changed. */
export function formPost<S extends z.ZodType>(app: FastifyInstance, services: Services, f: FormPost<S>) {
  post(
    app,
    f.url,
    { permission: f.permission, audit: false },
    async (req: FastifyRequest, reply: FastifyReply) => {
      const raw = { ...((req.body ?? {}) as Record<string, unknown>) };
      delete raw._csrf;
      const values = { ...raw, form: f.form };
      const fail = (errors: FormErrors) =>
        redirectWithForm(services, req, reply, f.back(req), {
          values,
          errors: f.form ? prefixed(f.form, errors) : errors,
        });
      const parsed = f.schema.safeParse(raw);
      if (!parsed.success) return fail(formErrors(parsed.error));
      try {
        const done = await f.run(parsed.data, req);
        return redirectWithSuccess(services, req, reply, done.to, done.message);
      } catch (err) {
        if (err instanceof UserInputError)
          return fail(formErrors([{ field: err.field ?? 'form', text: err.message }]));
        throw err;
      }
    },
  );
}

export const idParam = (req: FastifyRequest) => (req.params as { id: string }).id;
