import type { FastifyReply, FastifyRequest } from 'fastify';
import { UserInputError } from '../platform/http/errors.ts';
import { formErrors, redirectWithForm, redirectWithSuccess } from '../platform/http/forms.ts';
import type { Services } from '../platform/services.ts';

/**
 * Runs a change from a button or form and answers post/redirect/get: the
 * success message on the next page, or the refusal (nothing changed) shown
 * in the error summary, linked to the part of the page it is about.
 */
export async function act(
  services: Services,
  req: FastifyRequest,
  reply: FastifyReply,
  url: string,
  change: () => Promise<string>,
  values: Record<string, unknown> = {},
) {
  try {
    const message = await change();
    return redirectWithSuccess(services, req, reply, url, message);
  } catch (err) {
    if (err instanceof UserInputError)
      return redirectWithForm(services, req, reply, url, {
        values,
        errors: formErrors([{ field: err.field ?? 'main-content', text: err.message }]),
      });
    throw err;
  }
}

export const idParam = (req: FastifyRequest) => (req.params as { id: string }).id;
