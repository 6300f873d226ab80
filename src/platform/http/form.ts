import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { registerForm } from '../auth/pending-form.ts';
import type { Action } from '../policy/policy.ts';
import { UserInputError } from './errors.ts';
import { type FormErrors, formErrors } from './forms.ts';
import { type PageContext, page, withoutToken } from './page.ts';

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.infer<S> : Record<string, never>;

export interface FormSpec<Perm extends Action, PS extends Schema | undefined, BS extends Schema> {
  url: string;
  permission: Perm;
  params?: PS;
  body: BS;
  /**
   * The form's name when a page carries several forms: field ids are prefixed
   * with it, so the error summary links to the right field and only that form
   * shows the answers kept. Leave it out for a page with one form.
   */
  name?: string;
  /**
   * Where the person goes back to, with their answers and what was wrong. It sees
   * the answers as sent (`answers`), and may look a record up (a booking's session).
   */
  back: (ctx: { params: Out<PS>; answers: Record<string, unknown> }) => string | Promise<string>;
  /**
   * Whether the answers are kept for the form to show again (default true). False for
   * forms with passwords: a password is never written to the session.
   */
  keepAnswers?: boolean;
  /** The field a refusal with no field of its own points at (default: the form, or the page's main content). */
  refusalField?: string;
  /**
   * A button that changes the form rather than saving it, such as "Add another
   * day" (`name="action" value="add-day"`), so it works without JavaScript: given
   * the answers as sent, it returns the answers to show again (with one more row)
   * and, optionally, the id of the field to move to; undefined means save.
   */
  again?: (
    answers: Record<string, unknown>,
  ) => { values: Record<string, unknown>; focus?: string } | undefined;
}

/** What a form's change answers: where to go next and what to say there. */
export interface FormDone {
  to: string;
  message: string;
  /**
   * The message is news rather than a success (joining a waiting list is not a
   * place): it is shown in the design system's neutral banner, not "Success".
   */
  notice?: boolean;
}

/**
 * The one way a form is handled (post/redirect/get): validate the body with its
 * schema, run the change, and redirect with a success message; or, when the
 * answers are wrong or the service refuses (`UserInputError`), go back with the
 * errors and the person's answers kept, and nothing changed. A refresh never
 * re-submits. Changes are audited by the service, in its transaction.
 */
export function form<Perm extends Action, PS extends Schema | undefined, BS extends Schema>(
  app: FastifyInstance,
  spec: FormSpec<Perm, PS, BS>,
  run: (
    data: z.infer<BS>,
    ctx: PageContext<Perm, Out<PS>, Record<string, never>, unknown>,
  ) => Promise<FormDone>,
) {
  registerForm(spec.url, { name: spec.name, params: spec.params, back: spec.back as never });
  page(
    app,
    { method: 'POST', url: spec.url, permission: spec.permission, audit: false, params: spec.params },
    async (ctx) => {
      const raw = withoutToken(ctx.req.body);
      const fail = async (errors: FormErrors) =>
        ctx.reply.redirectWithFlash(await spec.back({ params: ctx.params, answers: raw }), {
          form: refusedForm(spec, raw, errors),
        });
      const shown = spec.again?.(raw);
      if (shown) {
        const back = await spec.back({ params: ctx.params, answers: raw });
        return ctx.reply.redirectWithFlash(shown.focus ? `${back}#${shown.focus}` : back, {
          form: refusedForm(spec, shown.values, { summary: [], fields: {} }),
        });
      }
      const parsed = spec.body.safeParse(raw);
      if (!parsed.success) return fail(formErrors(parsed.error));
      try {
        const done = await run(parsed.data, { ...ctx, body: raw });
        return ctx.reply.redirectWithFlash(
          done.to,
          done.notice ? { success: done.message, notice: true } : { success: done.message },
        );
      } catch (err) {
        if (err instanceof UserInputError) return fail(refusalErrors(err, spec.refusalField ?? 'form'));
        throw err;
      }
    },
  );
}

/** A refusal's problems as the error summary: each on its field, or on `fallback` when it names none. */
export const refusalErrors = (err: UserInputError, fallback: string): FormErrors =>
  formErrors(err.problems.map((p) => ({ field: p.field ?? fallback, text: p.text })));

/** What the form shows again after a refusal: the answers (never a password) and what was wrong. */
function refusedForm(
  spec: { name?: string; keepAnswers?: boolean },
  raw: Record<string, unknown>,
  errors: FormErrors,
) {
  const kept = spec.keepAnswers === false ? {} : raw;
  return {
    values: spec.name ? { ...kept, form: spec.name } : kept,
    errors: spec.name ? prefixed(spec.name, errors) : errors,
  };
}

/** Field ids prefixed with the form's name (`extend-date`), so several forms on a page stay apart. */
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
