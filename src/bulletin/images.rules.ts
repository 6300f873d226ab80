import { createHmac, timingSafeEqual } from 'node:crypto';
import { type ImageInfo, imageInfo } from '../platform/files/image-info.ts';
import { withoutMetadata } from '../platform/files/image-metadata.ts';
import { sniffKind, sniffMarkup } from '../platform/files/sniff.ts';

/**
 * The rules for an image in the bulletin, pure: what a file must be, and what
 * its alt text must be. Every problem is found at once, so the person mends
 * them in one go; the words are the ones the form shows.
 */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const MAX_ALT_CHARS = 250;
export const MAX_CAPTION_CHARS = 300;
/** Wider or higher than this is a mistake (a camera's full-size photo at least twice over) and slow on a phone. */
export const MAX_IMAGE_SIDE = 8000;

export interface Problem {
  field: 'file' | 'alt' | 'caption';
  text: string;
}

const NOT_IMAGES: Record<string, string> = {
  pdf: 'The file is a PDF, not an image: upload a PNG, JPEG, GIF or WebP image',
  zip: 'The file is a document or an archive, not an image: upload a PNG, JPEG, GIF or WebP image',
};

/**
 * What is wrong with the file as a bulletin image, or its facts and the bytes to store when
 * nothing is: the picture without its camera's metadata (platform/files/image-metadata.ts),
 * which would otherwise tell every reader where and on what it was taken.
 */
export function fileProblem(bytes: Buffer): { problem: string } | { info: ImageInfo; bytes: Buffer } {
  if (bytes.length === 0) return { problem: 'The file you chose is empty' };
  if (bytes.length > MAX_IMAGE_BYTES) return { problem: 'The image must be 2 MB or smaller' };
  const markup = sniffMarkup(bytes);
  if (markup === 'svg')
    return {
      problem:
        'SVG images cannot be used, because they can carry code that runs in the browser: save it as a PNG and upload that',
    };
  if (markup === 'html')
    return { problem: 'The file is a web page, not an image: upload a PNG, JPEG, GIF or WebP image' };
  const info = imageInfo(bytes);
  if (!info) {
    const kind = sniffKind(bytes);
    if (kind && NOT_IMAGES[kind]) return { problem: NOT_IMAGES[kind] };
    return {
      problem: kind
        ? `The image is damaged or is not a real ${kind.toUpperCase()} file: save it again and upload that`
        : 'The file must be a PNG, JPEG, GIF or WebP image',
    };
  }
  if (info.animated)
    return {
      problem:
        'The image must not move: a moving image cannot be paused in the bulletin or in email. Upload a still image',
    };
  if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE)
    return {
      problem: 'The image must be at most 8,000 pixels wide and high: make it smaller and upload it again',
    };
  const cleaned = withoutMetadata(bytes, info.kind);
  if (!cleaned)
    return {
      problem: `The image is damaged or is not a real ${info.kind.toUpperCase()} file: save it again and upload that`,
    };
  return { info, bytes: cleaned };
}

const IMAGE_EXTENSION = /\.(png|jpe?g|gif|webp|svg|bmp|heic|heif|tiff?)$/i;
// What cameras, phones and screenshot tools call their files.
const CAMERA_NAME = /^(img|dsc|dscn|dscf|pxl|mvimg|photo|screenshot|screen shot|image|scan)[ _-]?\d/i;
const SAYS_NOTHING = new Set([
  'image',
  'picture',
  'photo',
  'photograph',
  'pic',
  'img',
  'graphic',
  'screenshot',
  'logo',
  'diagram',
  'chart',
  'icon',
  'banner',
  'untitled',
  'alt',
  'alt text',
  'placeholder',
]);

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(IMAGE_EXTENSION, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** What is wrong with the alt text of an image whose file was called `filename`, or null. */
export function altProblem(alt: string, filename: string): string | null {
  const a = alt.trim();
  if (!a) return 'Enter alt text: say what the image shows, for people who cannot see it';
  if (a.length > MAX_ALT_CHARS)
    return `Alt text must be ${MAX_ALT_CHARS} characters or fewer: put more detail in the caption or the article`;
  const stem = filename.replace(/^.*[\\/]/, '');
  if (words(a) === words(stem) || IMAGE_EXTENSION.test(a) || CAMERA_NAME.test(a))
    return 'The alt text repeats the file name: say what the image shows instead';
  if (SAYS_NOTHING.has(words(a).replace(/^(an?|the) /, '')))
    return `Alt text must say what the image shows: “${a}” tells someone who cannot see it nothing`;
  return null;
}

/**
 * Every problem with an image and its words: the file (when one was chosen;
 * without one the image already there keeps its file and only its words
 * change), the alt text, the caption. `info` is the new file's facts, `bytes` what is stored of it.
 */
export function imageProblems(input: {
  file: { filename: string; bytes: Buffer } | null;
  alt: string;
  caption: string;
  current: { originalName: string } | null;
}): { problems: Problem[]; info: ImageInfo | null; bytes: Buffer | null } {
  const problems: Problem[] = [];
  let info: ImageInfo | null = null;
  let bytes: Buffer | null = null;
  if (input.file) {
    const checked = fileProblem(input.file.bytes);
    if ('problem' in checked) problems.push({ field: 'file', text: checked.problem });
    else ({ info, bytes } = checked);
  } else if (!input.current) problems.push({ field: 'file', text: 'Choose an image to upload' });
  const filename = input.file?.filename ?? input.current?.originalName ?? '';
  const alt = altProblem(input.alt, filename);
  if (alt) problems.push({ field: 'alt', text: alt });
  if (input.caption.trim().length > MAX_CAPTION_CHARS)
    problems.push({ field: 'caption', text: `The caption must be ${MAX_CAPTION_CHARS} characters or fewer` });
  return { problems, info, bytes };
}

/**
 * The key in an image's address in email. Mail programs fetch pictures
 * without the reader's sign-in, so the address itself is the permission (as a
 * calendar feed's is): an HMAC of the image's id under the Hub's secret, the
 * same for every reader (so fetching it says nothing about who opened the
 * message), made only for images a message carries.
 */
export function mailImageKey(secret: string, imageId: string): string {
  return createHmac('sha256', secret).update(`bulletin-image\n${imageId}`).digest('base64url').slice(0, 32);
}

export const mailImagePath = (secret: string, imageId: string) =>
  `/bulletin/mail-images/${encodeURIComponent(imageId)}/${mailImageKey(secret, imageId)}`;

/** Whether the key is the image's own (compared in constant time). */
export function mailImageKeyMatches(secret: string, imageId: string, key: string): boolean {
  const want = Buffer.from(mailImageKey(secret, imageId));
  const got = Buffer.from(key);
  return want.length === got.length && timingSafeEqual(want, got);
}
