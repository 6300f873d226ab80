import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import { setFlash } from '../auth/sessions.ts';
import type { Services } from '../services.ts';

export interface FormErrors {
  summary: { text: string; href: string }[];
  fields: Record<string, { text: string }>;
}

/** Zod's issues as the GOV.UK error summary (each links to its field) and per-field messages. */
export function formErrors(error: ZodError | { field: string; text: string }[]): FormErrors {
  const list = Array.isArray(error)
    ? error
    : error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), text: i.message }));
  const fields: Record<string, { text: string }> = {};
  for (const e of list) fields[e.field] ??= { text: e.text };
  return { summary: list.map((e) => ({ text: e.text, href: `#${e.field}` })), fields };
}

/**
 * Post/redirect/get: keeps what the person typed and what was wrong in their
 * session for the next page view, so a refresh never re-submits.
 */
export async function redirectWithForm(
  services: Services,
  req: FastifyRequest,
  reply: FastifyReply,
  url: string,
  form: { values: Record<string, unknown>; errors: FormErrors },
) {
  if (req.session) await setFlash(services.db, req.session.id, { form });
  return reply.redirect(url, 303);
}

export async function redirectWithSuccess(
  services: Services,
  req: FastifyRequest,
  reply: FastifyReply,
  url: string,
  message: string,
) {
  if (req.session) await setFlash(services.db, req.session.id, { success: message });
  return reply.redirect(url, 303);
}

/** The answers and errors kept by redirectWithForm, if this page view follows one. */
export function keptForm(
  req: FastifyRequest,
): { values: Record<string, unknown>; errors: FormErrors } | undefined {
  if (!req.session?.flash) return undefined;
  try {
    return JSON.parse(req.session.flash).form;
  } catch {
    return undefined;
  }
}
