import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { UserInputError } from '../platform/http/errors.ts';
import { type FormDone, prefixed } from '../platform/http/form.ts';
import { type FormErrors, formErrors } from '../platform/http/forms.ts';
import type { Upload } from './documents.service.ts';

export interface MultipartForm {
  fields: Record<string, string>;
  file: Upload | null;
}

/**
 * Reads a multipart form with at most one file. The form token travels in the
 * query string (the guard checks it before this runs). Problems a person can
 * fix become UserInputErrors on the file field.
 */
export async function readMultipart(req: FastifyRequest): Promise<MultipartForm> {
  if (!req.isMultipart()) throw new UserInputError('The form was not sent as an upload: try again', 'file');
  const fields: Record<string, string> = {};
  let file: MultipartForm['file'] = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename) file = { filename: part.filename, bytes };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new UserInputError('The file must be 5 MB or smaller', 'file');
    throw new UserInputError('The upload could not be read: try again', 'file');
  }
  return { fields, file };
}

export interface UploadSpec<S extends z.ZodType> {
  /** The fields beside the file. */
  fields: S;
  /** Where the person goes back to with the errors. */
  back: string;
  /** The form's name when its page carries several forms (as form()'s `name`). */
  name?: string;
  /** Which of the fields to keep for the person when going back (a file cannot be kept). */
  keep?: (fields: Record<string, string>) => Record<string, unknown>;
}

/**
 * An upload form, handled inside a page() POST the way form() handles every
 * other form (form() reads a url-encoded body; an upload's body is a stream):
 * read the parts, validate the fields, run the change and redirect with its
 * message; or, on bad fields or a UserInputError (the file's by default), go
 * back with the errors and the answers kept, and nothing changed.
 */
export async function handleUpload<S extends z.ZodType>(
  { req, reply }: { req: FastifyRequest; reply: FastifyReply },
  spec: UploadSpec<S>,
  run: (fields: z.infer<S>, file: Upload | null) => Promise<FormDone>,
) {
  let values: Record<string, unknown> = {};
  const fail = (errors: FormErrors) =>
    reply.redirectWithFlash(spec.back, {
      form: {
        values: spec.name ? { ...values, form: spec.name } : values,
        errors: spec.name ? prefixed(spec.name, errors) : errors,
      },
    });
  try {
    const form = await readMultipart(req);
    values = spec.keep?.(form.fields) ?? {};
    const parsed = spec.fields.safeParse(form.fields);
    if (!parsed.success) return fail(formErrors(parsed.error));
    const done = await run(parsed.data, form.file);
    return reply.redirectWithFlash(done.to, { success: done.message });
  } catch (err) {
    if (err instanceof UserInputError)
      return fail(formErrors([{ field: err.field ?? 'file', text: err.message }]));
    throw err;
  }
}
