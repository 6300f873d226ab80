import type { FastifyRequest } from 'fastify';
import type { FileProblem } from '../platform/http/forms.ts';

/**
 * The text of the CSV file uploaded in a multipart form (its body is read here,
 * not by a body parser), or what is wrong with the upload.
 */
export async function readCsvUpload(
  req: FastifyRequest,
): Promise<{ text: string } | { problem: FileProblem }> {
  if (!req.isMultipart()) return { problem: { row: null, message: 'Choose a CSV file to upload.' } };
  const file = await req.file().catch(() => undefined);
  if (!file?.filename || !/\.csv$/i.test(file.filename))
    return { problem: { row: null, message: 'Choose a CSV file (.csv) to upload.' } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(await file.toBuffer()) };
  } catch {
    return {
      problem: {
        row: null,
        message: 'The file must be UTF-8 text no larger than 10 MB. Save it from Excel as "CSV UTF-8".',
      },
    };
  }
}
