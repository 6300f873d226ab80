import type { FastifyRequest } from 'fastify';
import type { RowError } from './staff-import.parse.ts';

export type CsvUpload = { ok: true; text: string } | { ok: false; status: 400 | 413; errors: RowError[] };

const refused = (status: 400 | 413, message: string): CsvUpload => ({
  ok: false,
  status,
  errors: [{ row: null, message }],
});

/**
 * The CSV file of a multipart upload, as UTF-8 text, or why it cannot be read.
 * Multipart bodies are read here rather than by the body parser, so the form's
 * token travels in the query string.
 */
export async function readCsvUpload(req: FastifyRequest): Promise<CsvUpload> {
  if (!req.isMultipart()) return refused(400, 'Choose a CSV file to upload.');
  let file: Awaited<ReturnType<typeof req.file>>;
  try {
    file = await req.file();
  } catch {
    return refused(400, 'The upload could not be read. Try again.');
  }
  if (!file?.filename) return refused(400, 'Choose a CSV file to upload.');
  if (!/\.csv$/i.test(file.filename)) return refused(400, 'The file must be a CSV file (.csv).');
  try {
    const buf = await file.toBuffer();
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      return refused(413, 'The file is larger than 10 MB.');
    return refused(400, 'The file must be UTF-8 text. Save it from Excel as "CSV UTF-8".');
  }
}
