import { hasSignature } from './sniff.ts';

/** The raster formats every browser and mail program shows. SVG is not one: it can carry script. */
export const IMAGE_TYPES = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
} as const;
export type ImageKind = keyof typeof IMAGE_TYPES;

export interface ImageInfo {
  kind: ImageKind;
  contentType: (typeof IMAGE_TYPES)[ImageKind];
  width: number;
  height: number;
  /** More than one frame: an animated GIF, an APNG or an animated WebP. */
  animated: boolean;
}

/**
 * A PNG, JPEG, GIF or WebP image's kind, size in pixels and whether it moves,
 * read from its headers (nothing is decoded), or null when the bytes are not
 * one of those or their headers are damaged. Every read is bounds-checked: a
 * short or lying file gives null, never an exception.
 */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  try {
    const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const found = hasSignature(b, 'png')
      ? png(b)
      : hasSignature(b, 'jpeg')
        ? jpeg(b)
        : hasSignature(b, 'gif')
          ? gif(b)
          : hasSignature(b, 'webp')
            ? webp(b)
            : null;
    if (!found || found.width < 1 || found.height < 1) return null;
    return { ...found, contentType: IMAGE_TYPES[found.kind] };
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

type Found = Omit<ImageInfo, 'contentType'>;

/** PNG: the IHDR chunk comes first; an acTL chunk before the image data makes it animated (APNG). */
function png(b: Buffer): Found | null {
  if (b.toString('latin1', 12, 16) !== 'IHDR') return null;
  const found: Found = {
    kind: 'png',
    width: b.readUInt32BE(16),
    height: b.readUInt32BE(20),
    animated: false,
  };
  for (let at = 8; at + 8 <= b.length; ) {
    const type = b.toString('latin1', at + 4, at + 8);
    if (type === 'acTL') found.animated = true;
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + b.readUInt32BE(at);
  }
  return found;
}

// Start-of-frame markers (baseline, progressive, lossless, arithmetic): they carry the size.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: walk the markers to the first start-of-frame. */
function jpeg(b: Buffer): Found | null {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // the end, or image data, before any frame
    if (SOF.has(marker))
      return { kind: 'jpeg', height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7), animated: false };
    at += 2 + b.readUInt16BE(at + 2);
  }
  return null;
}

/** GIF: the logical screen's size; more than one image descriptor makes it animated. */
function gif(b: Buffer): Found | null {
  const width = b.readUInt16LE(6);
  const height = b.readUInt16LE(8);
  const table = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  let at = 13 + table(b[10]!);
  const skipSubBlocks = () => {
    while (b.readUInt8(at) !== 0) at += 1 + b.readUInt8(at);
    at++;
  };
  let frames = 0;
  while (at < b.length) {
    const block = b.readUInt8(at);
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      at += 2; // extension introducer and label
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      if (frames > 1) break;
      at += 10 + table(b.readUInt8(at + 9));
      at++; // LZW minimum code size
      skipSubBlocks();
    } else return null;
  }
  return frames ? { kind: 'gif', width, height, animated: frames > 1 } : null;
}

/** WebP: the first chunk is simple lossy (VP8), lossless (VP8L) or extended (VP8X, with an animation flag). */
function webp(b: Buffer): Found | null {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return {
      kind: 'webp',
      width: b.readUInt16LE(26) & 0x3fff,
      height: b.readUInt16LE(28) & 0x3fff,
      animated: false,
    };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = b.readUInt32LE(21);
    return { kind: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, animated: false };
  }
  if (chunk === 'VP8X') {
    const flags = b.readUInt8(20);
    return {
      kind: 'webp',
      width: b.readUIntLE(24, 3) + 1,
      height: b.readUIntLE(27, 3) + 1,
      animated: (flags & 0x02) !== 0,
    };
  }
  return null;
}
