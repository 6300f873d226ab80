import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * The zip container of an uploaded workbook, read with limits that are measured rather than
 * trusted. The directory at the end of the file is read to find the parts; a part is then
 * inflated as a stream from its own offset, whatever order the writing program put the parts in,
 * and every inflated byte is counted: reading stops as soon as a part gives more bytes than it
 * declared, or the workbook as a whole more than its limit. Nothing the file says about its own
 * sizes is believed until the bytes have been counted.
 */
export const WORKBOOK_LIMITS = {
  /** Inflated bytes for the whole workbook: the smaller of this and `ratio` × the file's size. */
  maxInflatedBytes: 200 * 1024 * 1024,
  ratio: 100,
  maxEntries: 1000,
};

export class WorkbookProblem extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  crc: number;
  localOffset: number;
}

export interface Zip {
  file: string;
  size: number;
  entries: Map<string, ZipEntry>;
  /** Inflated bytes counted so far, across every part read. */
  inflated: number;
  limit: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Opens the zip's directory (a few kilobytes at the end of the file). */
export function openZip(file: string, limits = WORKBOOK_LIMITS): Zip {
  const notWorkbook = () => new WorkbookProblem('The file is not an Excel workbook (.xlsx).');
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let at = tailLength - 22; at >= 0; at--)
      if (tail.readUInt32LE(at) === EOCD) {
        end = at;
        break;
      }
    if (end < 0) throw notWorkbook();
    const count = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || dirOffset === 0xffffffff)
      throw new WorkbookProblem('The workbook is a ZIP64 archive, far larger than an Annex A return.');
    if (count > limits.maxEntries)
      throw new WorkbookProblem('The workbook has too many parts to be an Annex A return.');
    if (dirOffset + dirSize > size) throw notWorkbook();
    const dir = Buffer.alloc(dirSize);
    readSync(fd, dir, 0, dirSize, dirOffset);
    const entries = new Map<string, ZipEntry>();
    for (let at = 0, i = 0; i < count; i++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) throw notWorkbook();
      const nameLength = dir.readUInt16LE(at + 28);
      const entry: ZipEntry = {
        method: dir.readUInt16LE(at + 10),
        crc: dir.readUInt32LE(at + 16),
        compressed: dir.readUInt32LE(at + 20),
        declared: dir.readUInt32LE(at + 24),
        localOffset: dir.readUInt32LE(at + 42),
        name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      };
      if (
        entry.compressed === 0xffffffff ||
        entry.declared === 0xffffffff ||
        entry.localOffset === 0xffffffff
      )
        throw new WorkbookProblem('The workbook is a ZIP64 archive, far larger than an Annex A return.');
      // Names are compared as Excel does, without case.
      entries.set(entry.name.toLowerCase(), entry);
      at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    const zip: Zip = {
      file,
      size,
      entries,
      inflated: 0,
      limit: Math.min(limits.maxInflatedBytes, Math.max(1, size) * limits.ratio),
    };
    // A workbook that says honestly it is too big is refused before a byte is inflated; one that
    // understates its parts is caught while they are read, as each part's output is counted.
    let declared = 0;
    for (const entry of entries.values()) declared += entry.declared;
    if (declared > zip.limit) throw tooBig(zip);
    return zip;
  } finally {
    closeSync(fd);
  }
}

/**
 * Parts this small (packed) are read and inflated in one step, which costs a tenth of a stream's
 * set-up; the output is still capped at what the part declares (and at most 64 times this), and
 * counted against the workbook's limit.
 */
const SMALL_PART = 256 * 1024;

function small(zip: Zip, entry: ZipEntry, start: number, damaged: (why: string) => WorkbookProblem): Buffer {
  const packed = Buffer.alloc(entry.compressed);
  const fd = openSync(zip.file, 'r');
  try {
    readSync(fd, packed, 0, entry.compressed, start);
  } finally {
    closeSync(fd);
  }
  let out: Buffer;
  if (entry.method === 0) out = packed;
  else
    try {
      out = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.declared + 1) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new WorkbookProblem(
          `The workbook’s part ${entry.name} unpacks to more than the ${mb(entry.declared)} it declares: it is refused as unsafe (a zip bomb).`,
        );
      throw damaged(String((err as Error).message ?? err).slice(0, 120));
    }
  zip.inflated += out.length;
  if (zip.inflated > zip.limit) throw tooBig(zip);
  if (out.length !== entry.declared)
    throw damaged(`it holds ${out.length} bytes, not the ${entry.declared} it declares`);
  if (crc32(out) >>> 0 !== entry.crc >>> 0) throw damaged('its checksum does not match');
  return out;
}

const tooBig = (zip: Zip) =>
  new WorkbookProblem(
    `The workbook unpacks to more than ${mb(zip.limit)} (${WORKBOOK_LIMITS.ratio} times its size, at most ${mb(WORKBOOK_LIMITS.maxInflatedBytes)}): it is refused as unsafe.`,
  );

const mb = (bytes: number) => `${Math.max(1, Math.round(bytes / 2 ** 20))} MB`;

/**
 * The inflated bytes of one part, chunk by chunk. Throws WorkbookProblem if the part is
 * missing, damaged (a bad checksum or deflate stream), gives more bytes than it declared, or
 * takes the workbook past its limit. Stopping early (break) closes the file.
 */
export async function* partChunks(zip: Zip, name: string): AsyncGenerator<Buffer> {
  const entry = zip.entries.get(name.toLowerCase());
  if (!entry) throw new WorkbookProblem(`The workbook has no part ${name}.`);
  const damaged = (why: string) =>
    new WorkbookProblem(`The workbook’s part ${entry.name} is damaged: ${why}.`);
  const fd = openSync(zip.file, 'r');
  let start: number;
  try {
    const local = Buffer.alloc(30);
    if (readSync(fd, local, 0, 30, entry.localOffset) !== 30 || local.readUInt32LE(0) !== LOCAL)
      throw damaged('its header is missing');
    start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
  if (entry.method !== 0 && entry.method !== 8) throw damaged(`it uses compression method ${entry.method}`);
  if (start + entry.compressed > zip.size) throw damaged('it runs past the end of the file');
  if (entry.compressed <= SMALL_PART && entry.declared <= SMALL_PART * 64) {
    yield small(zip, entry, start, damaged);
    return;
  }
  const raw =
    entry.compressed === 0
      ? null
      : createReadStream(zip.file, { start, end: start + entry.compressed - 1, highWaterMark: 64 * 1024 });
  const source = raw && entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 64 * 1024 })) : raw;
  let got = 0;
  let crc = 0;
  try {
    if (source)
      for await (const chunk of source as AsyncIterable<Buffer>) {
        got += chunk.length;
        zip.inflated += chunk.length;
        if (got > entry.declared)
          throw new WorkbookProblem(
            `The workbook’s part ${entry.name} unpacks to more than the ${mb(entry.declared)} it declares: it is refused as unsafe (a zip bomb).`,
          );
        if (zip.inflated > zip.limit) throw tooBig(zip);
        crc = crc32(chunk, crc);
        yield chunk;
      }
  } catch (err) {
    if (err instanceof WorkbookProblem) throw err;
    throw damaged(String((err as Error).message ?? err).slice(0, 120));
  } finally {
    raw?.destroy();
    if (source !== raw) (source as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
  if (got !== entry.declared) throw damaged(`it holds ${got} bytes, not the ${entry.declared} it declares`);
  if (crc >>> 0 !== entry.crc >>> 0) throw damaged('its checksum does not match');
}

/** A small part (workbook, relationships, styles) as text, with the same limits. */
export async function partText(zip: Zip, name: string, max = 16 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of partChunks(zip, name)) {
    length += chunk.length;
    if (length > max)
      throw new WorkbookProblem(
        `The workbook’s part ${name} is larger than ${mb(max)}: is this an Annex A return?`,
      );
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
