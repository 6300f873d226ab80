import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { UserInputError } from '../http/errors.ts';
import { type FormDone, prefixed, refusalErrors } from '../http/form.ts';
import { type FormErrors, formErrors } from '../http/forms.ts';
import { CONTROL, fieldWithControlCharacter } from '../http/input-guard.ts';

/** A file sent in a form: the name the person's computer gave it, and its bytes. */
export interface Upload {
  filename: string;
  bytes: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  file: Upload | null;
}

export interface MultipartLimits {
  /**
   * The largest file the form takes. At most one byte more is read: a file
   * longer than this arrives cut at `maxBytes + 1`, so `bytes.length > maxBytes`
   * tells the check that it was too large, and the check says so in its words,
   * with the other fields read and kept.
   */
  maxBytes: number;
  /** The file input's name, where problems with the upload itself are shown (default `file`). */
  fileField?: string;
}

/**
 * Reads a multipart form with at most one file. The form token travels in the
 * query string (the guard checks it before this runs). A body that cannot be
 * read is a UserInputError on the file field.
 */
export async function readMultipart(req: FastifyRequest, limits: MultipartLimits): Promise<MultipartForm> {
  const fileField = limits.fileField ?? 'file';
  if (!req.isMultipart())
    throw new UserInputError('The form was not sent as an upload: try again', fileField);
  const fields: Record<string, string> = {};
  let file: MultipartForm['file'] = null;
  // A longer file is cut, not refused here (@fastify/multipart reads throwFileSizeLimit in parts() too,
  // though its types name it only for file()), so the fields after it are still read and kept.
  const options = { limits: { fileSize: limits.maxBytes + 1 }, throwFileSizeLimit: false };
  try {
    for await (const part of req.parts(options)) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename) file = { filename: part.filename, bytes };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch {
    throw new UserInputError('The upload could not be read: try again', fileField);
  }
  return { fields, file };
}

/** The input guard's rule for the fields of a multipart body, which it cannot see inside. */
function refuseControlCharacters(fields: Record<string, string>) {
  const field = fieldWithControlCharacter(fields, CONTROL);
  if (field)
    throw new UserInputError(
      'This contains a hidden control character that cannot be saved. Type it again without copying and pasting.',
      field,
    );
}

export interface UploadSpec<S extends z.ZodType> extends MultipartLimits {
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
    const form = await readMultipart(req, spec);
    values = spec.keep?.(form.fields) ?? {};
    refuseControlCharacters(form.fields);
    const parsed = spec.fields.safeParse(form.fields);
    if (!parsed.success) return fail(formErrors(parsed.error));
    const done = await run(parsed.data, form.file);
    return reply.redirectWithFlash(done.to, { success: done.message });
  } catch (err) {
    if (err instanceof UserInputError) return fail(refusalErrors(err, spec.fileField ?? 'file'));
    throw err;
  }
}
