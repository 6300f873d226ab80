import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Limits for an uploaded workbook, checked from the zip's own directory before anything is unpacked. */
export const WORKBOOK_LIMITS = {
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 500,
  /** Real workbooks compress text about 5–20 times; a zip bomb, thousands. */
  maxRatio: 200,
};

interface Entry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/**
 * The entries of a zip file, read from its central directory (the end of the
 * file): a few kilobytes, whatever the file would unpack to. Null if the file
 * is not a zip. ZIP64 archives are not read (no Annex A return needs one).
 */
function zipEntries(file: string): Entry[] | null {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) return null;
    const count = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirOffset = tail.readUInt32LE(end + 16);
    if (dirOffset + dirSize > size) return null;
    const dir = Buffer.alloc(dirSize);
    readSync(fd, dir, 0, dirSize, dirOffset);
    const entries: Entry[] = [];
    for (let at = 0, i = 0; i < count; i++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = dir.readUInt16LE(at + 28);
      entries.push({
        compressed: dir.readUInt32LE(at + 20),
        uncompressed: dir.readUInt32LE(at + 24),
        name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      });
      at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** A problem that makes the whole workbook unsafe or unusable, or null. */
export function workbookZipProblem(file: string, limits = WORKBOOK_LIMITS): string | null {
  const entries = zipEntries(file);
  if (!entries?.some((e) => e.name === 'xl/workbook.xml'))
    return 'The file is not an Excel workbook (.xlsx).';
  if (entries.length > limits.maxEntries) return 'The workbook has too many parts to be an Annex A return.';
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.compressed > 0 && e.uncompressed / e.compressed > limits.maxRatio)
      return `The workbook’s part ${e.name.slice(0, 60)} unpacks to ${Math.round(e.uncompressed / e.compressed)} times its size: it is refused as unsafe.`;
  }
  if (total > limits.maxUncompressedBytes)
    return `The workbook unpacks to more than ${Math.round(limits.maxUncompressedBytes / 2 ** 20)} MB: it is refused as unsafe.`;
  return null;
}
