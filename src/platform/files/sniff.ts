/**
 * What a file is, from its first bytes (its "magic number"), never from its
 * name or the type the browser claimed: a web page renamed photo.png is still a
 * web page. Each kind lists the byte strings its files start with; `null` in a
 * pattern matches any byte (the size field of a RIFF header).
 */
const SIGNATURES = {
  pdf: [[0x25, 0x50, 0x44, 0x46]],
  zip: [[0x50, 0x4b, 0x03, 0x04]],
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [ascii('GIF87a'), ascii('GIF89a')],
  webp: [[...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')]],
} satisfies Record<string, (number | null)[][]>;

export type FileKind = keyof typeof SIGNATURES;

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

/** Whether the bytes start with one of the kind's signatures. */
export function hasSignature(bytes: Uint8Array, kind: FileKind): boolean {
  return SIGNATURES[kind].some(
    (pattern: (number | null)[]) =>
      bytes.length >= pattern.length && pattern.every((b, i) => b === null || bytes[i] === b),
  );
}

/** The kind the bytes say they are, or null for none of these. */
export function sniffKind(bytes: Uint8Array): FileKind | null {
  for (const kind of Object.keys(SIGNATURES) as FileKind[]) if (hasSignature(bytes, kind)) return kind;
  return null;
}

/**
 * Markup a browser could run script from, whatever the file is called: an SVG
 * drawing or an HTML page (after any byte order mark, white space, XML
 * declaration or comment). Used to say clearly why such a file is refused.
 */
export function sniffMarkup(bytes: Uint8Array): 'svg' | 'html' | null {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .toLowerCase();
  if (!/^\s*</.test(head)) return null;
  if (/<svg[\s>]/.test(head)) return 'svg';
  if (/<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<iframe[\s>]/.test(head)) return 'html';
  return null;
}
