import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
// Plain-English messages for every schema without its own.
import './messages.ts';
import { setFlash } from '../auth/sessions.ts';
import type { Services } from '../services.ts';

export interface FormErrors {
  summary: { text: string; href: string }[];
  fields: Record<string, { text: string }>;
}

/**
 * Zod's issues as the GOV.UK error summary (each links to its field) and
 * per-field messages: one message per field, in the summary as beside the
 * field. A field's first issue is the one kept: checks run in the order a
 * schema lists them, the most basic first, so an empty email address says
 * "Enter your work email address", not that and its format too.
 */
export function formErrors(error: ZodError | { field: string; text: string }[]): FormErrors {
  const list = Array.isArray(error)
    ? error
    : error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), text: i.message }));
  const fields: Record<string, { text: string }> = {};
  for (const e of list) fields[e.field] ??= { text: e.text };
  return {
    summary: Object.entries(fields).map(([field, { text }]) => ({ text, href: `#${field}` })),
    fields,
  };
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

/** A problem found in an uploaded file: its row (null for the whole file) and what is wrong. */
export interface FileProblem {
  row: number | null;
  message: string;
}

/**
 * What an import page shows when a file was refused: the error summary
 * pointing at the file field, and the problems as table rows (the first
 * `shown`; `total` says how many there were in all).
 */
export function fileProblemsView(problems: FileProblem[], total = problems.length, shown = 200) {
  return {
    errors: {
      summary: [{ text: 'The file was not imported: fix the problems below and try again', href: '#file' }],
      fields: { file: { text: 'The file was not imported' } },
    } satisfies FormErrors,
    rowErrors: problems
      .slice(0, shown)
      .map((e) => [{ text: e.row === null ? 'Whole file' : String(e.row) }, { text: e.message }]),
    moreErrors: Math.max(0, total - Math.min(shown, problems.length)),
  };
}
