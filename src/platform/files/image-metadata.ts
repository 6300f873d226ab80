import type { ImageKind } from './image-info.ts';

/**
 * An image without what a camera, a phone or an editing program wrote about it: where it was
 * taken (GPS), when, on which device, by whom, its comments and thumbnails. A photograph from a
 * family day, a foster carers' event or a home visit can name a street in its EXIF; in a
 * bulletin sent to every member of staff, that is a disclosure nobody meant to make. The
 * pixels are not touched (nothing is decoded or encoded again), and what is needed to show the
 * picture as it was taken stays: a JPEG's orientation (written back as the only EXIF field), its
 * colour profile and JFIF/Adobe markers; a PNG's colour and pixel-density chunks.
 *
 * Pure and bounds-checked, like image-info.ts: give it bytes that imageInfo accepted; null when
 * they are damaged further in.
 */
export function withoutMetadata(bytes: Buffer, kind: ImageKind): Buffer | null {
  try {
    return { jpeg, png, webp, gif }[kind](bytes);
  } catch (err) {
    // Damaged past the headers imageInfo reads: what it holds cannot be told, so it is not taken.
    if (err instanceof RangeError) return null;
    throw err;
  }
}

const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;
const SOS = 0xda;
const EOI = 0xd9;

/**
 * JPEG: the segments before the image data, less every APPn but JFIF (APP0, without a thumbnail), the ICC colour
 * profile (APP2 "ICC_PROFILE") and Adobe's colour transform (APP14), and less comments (COM);
 * then the image data up to its end marker (what phones append after it — depth maps, second
 * pictures, vendors' trailers — is dropped too).
 */
function jpeg(b: Buffer): Buffer {
  const kept: Buffer[] = [b.subarray(0, 2)];
  let orientation = 1;
  let at = 2;
  let exifAt = 1; // where the orientation goes back: after SOI, or after JFIF when it comes first
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) throw new RangeError('not a JPEG marker');
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === SOS) {
      kept.push(b.subarray(at, endOfImageData(b, at)));
      break;
    }
    const end = at + 2 + b.readUInt16BE(at + 2);
    if (end > b.length) throw new RangeError('a JPEG segment runs past the end');
    const segment = b.subarray(at, end);
    const payload = segment.subarray(4);
    const isApp = marker >= APP0 && marker <= 0xef;
    if (marker === APP1 && payload.toString('latin1', 0, 6) === 'Exif\0\0')
      orientation = exifOrientation(payload.subarray(6));
    const jfif = marker === APP0 && payload.toString('latin1', 0, 5) === 'JFIF\0';
    const keep =
      marker === COM
        ? false
        : !isApp ||
          jfif ||
          marker === APP14 ||
          (marker === APP2 && payload.toString('latin1', 0, 12) === 'ICC_PROFILE\0');
    if (keep) {
      kept.push(jfif ? withoutJfifThumbnail(segment) : segment);
      if (jfif && kept.length === 2) exifAt = 2;
    }
    at = end;
  }
  if (orientation !== 1) kept.splice(exifAt, 0, orientationSegment(orientation));
  return Buffer.concat(kept);
}

/**
 * JFIF's own segment less its thumbnail, if it has one (a thumbnail can show what a crop cut
 * out). Its extension (APP0 "JFXX"), which holds only thumbnails, is not kept at all.
 */
function withoutJfifThumbnail(segment: Buffer): Buffer {
  // FF E0, length (2), "JFIF\0" (5), version (2), units (1), densities (4): 16 bytes, then the
  // thumbnail's width and height (1 each), then its pixels.
  if (segment.length < 18 || (segment[16] === 0 && segment[17] === 0)) return segment;
  const s = Buffer.from(segment.subarray(0, 18));
  s.writeUInt16BE(16, 2);
  s[16] = 0;
  s[17] = 0;
  return s;
}

/** Where the entropy-coded data (with any further scans of a progressive JPEG) ends: after EOI. */
function endOfImageData(b: Buffer, from: number): number {
  for (let at = from + 2; at + 1 < b.length; at++) {
    if (b[at] !== 0xff) continue;
    const next = b[at + 1]!;
    if (next === EOI) return at + 2;
  }
  // No end marker: keep what there is, as a browser would show it.
  return b.length;
}

/** The Orientation field (0x0112) of EXIF's first directory, 1 (as taken) when absent or odd. */
function exifOrientation(tiff: Buffer): number {
  try {
    const order = tiff.toString('latin1', 0, 2);
    if (order !== 'II' && order !== 'MM') return 1;
    const le = order === 'II';
    const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
    const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
    const ifd = u32(4);
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
        const value = u16(entry + 8);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  return 1;
}

/** An APP1 EXIF segment holding only the orientation (big-endian TIFF, one directory of one field). */
function orientationSegment(orientation: number): Buffer {
  const s = Buffer.alloc(4 + 6 + 26);
  s.writeUInt16BE(0xffe1, 0);
  s.writeUInt16BE(s.length - 2, 2);
  s.write('Exif\0\0MM\0*', 4, 'latin1');
  s.writeUInt32BE(8, 14); // the directory follows the header
  s.writeUInt16BE(1, 18); // one field
  s.writeUInt16BE(0x0112, 20); // Orientation
  s.writeUInt16BE(3, 22); // SHORT
  s.writeUInt32BE(1, 24); // one value
  s.writeUInt16BE(orientation, 28); // in the value's first two bytes
  s.writeUInt32BE(0, 32); // no next directory
  return s;
}

/** PNG chunks that say who, when, where or what about the picture, not how to show it. */
const PNG_METADATA = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function png(b: Buffer): Buffer {
  const kept: Buffer[] = [b.subarray(0, 8)];
  for (let at = 8; at + 12 <= b.length; ) {
    const end = at + 12 + b.readUInt32BE(at);
    if (end > b.length) throw new RangeError('a PNG chunk runs past the end');
    const type = b.toString('latin1', at + 4, at + 8);
    if (!PNG_METADATA.has(type)) kept.push(b.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(kept);
}

/** WebP: an extended file's EXIF and XMP chunks go, and the header's flags for them are cleared. */
function webp(b: Buffer): Buffer {
  if (b.toString('latin1', 12, 16) !== 'VP8X') return b; // simple and lossless files carry no metadata
  const kept: Buffer[] = [];
  for (let at = 12; at + 8 <= b.length; ) {
    const size = b.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > b.length) throw new RangeError('a WebP chunk runs past the end');
    const type = b.toString('latin1', at, at + 4);
    if (type !== 'EXIF' && type !== 'XMP ') kept.push(b.subarray(at, end));
    at = end;
  }
  const body = Buffer.concat(kept);
  body[8] = body[8]! & ~(0x08 | 0x04); // VP8X flags: no EXIF, no XMP
  const header = Buffer.from(b.subarray(0, 12));
  header.writeUInt32LE(4 + body.length, 4);
  return Buffer.concat([header, body]);
}

/** GIF: comment extensions and XMP application extensions go; the picture and its looping stay. */
function gif(b: Buffer): Buffer {
  const table = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  const start = 13 + table(b[10]!);
  const kept: Buffer[] = [b.subarray(0, start)];
  let at = start;
  const afterSubBlocks = (from: number) => {
    let p = from;
    while (b.readUInt8(p) !== 0) p += 1 + b.readUInt8(p);
    return p + 1;
  };
  while (at < b.length) {
    const block = b.readUInt8(at);
    if (block === 0x3b) {
      kept.push(b.subarray(at, at + 1));
      break;
    }
    if (block === 0x21) {
      const label = b.readUInt8(at + 1);
      const end = afterSubBlocks(at + 2);
      const xmp = label === 0xff && b.toString('latin1', at + 3, at + 14) === 'XMP DataXMP';
      if (label !== 0xfe && !xmp) kept.push(b.subarray(at, end));
      at = end;
    } else if (block === 0x2c) {
      const end = afterSubBlocks(at + 10 + table(b.readUInt8(at + 9)) + 1);
      kept.push(b.subarray(at, end));
      at = end;
    } else throw new RangeError('not a GIF block');
  }
  return Buffer.concat(kept);
}
