import type { FastifyRequest } from 'fastify';
import { UserInputError } from '../platform/http/errors.ts';

export interface MultipartForm {
  fields: Record<string, string>;
  file: { filename: string; bytes: Buffer } | null;
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
