import { MAX_ALT_CHARS, MAX_CAPTION_CHARS } from './images.rules.ts';
import type { ArticleImage } from './record.ts';

/** An image as a page shows it: the address to fetch it from, its alt text and caption, its own size. */
export interface ShownImage {
  src: string;
  alt: string;
  caption: string | null;
  width: number;
  height: number;
}

export const imageSrc = (id: string) => `/bulletin/images/${encodeURIComponent(id)}`;

/** The image for a page; `srcOf` gives another address (the PDF's data: addresses). */
export const shownImage = (
  image: ArticleImage | null | undefined,
  srcOf: (id: string) => string = imageSrc,
): ShownImage | null =>
  image
    ? {
        src: srcOf(image.id),
        alt: image.alt,
        caption: image.caption,
        width: image.width,
        height: image.height,
      }
    : null;

export const IMAGE_HINTS = {
  file: 'A PNG, JPEG, GIF or WebP image, 2 MB at most. Not SVG, and nothing that moves. Never a photo of a child or family we work with.',
  alt: `Say what the image shows, for people who cannot see it, as you would on the phone. Include any words in it. Do not start with “Image of”. Up to ${MAX_ALT_CHARS} characters.`,
  caption: `Shown under the image for everyone, for example who took the photo. Up to ${MAX_CAPTION_CHARS} characters.`,
};

const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

/**
 * The image form: the image there now (if any), the answers to show (kept
 * after a refusal, else the current words), and its labels. Without a new
 * file, saving changes only the alt text and caption.
 */
export function presentImageForm(
  current: ShownImage | null,
  kept: Record<string, unknown> | undefined,
  published: boolean,
) {
  return {
    current,
    published,
    hints: IMAGE_HINTS,
    maxAlt: MAX_ALT_CHARS,
    fileLabel: current ? 'Replace the image (optional)' : 'Image',
    button: current ? 'Save the image' : 'Add the image',
    values: {
      alt: str(kept?.alt, current?.alt ?? ''),
      caption: str(kept?.caption, current?.caption ?? ''),
      correction: str(kept?.correction, ''),
    },
  };
}

/** The image of a row that carries one (a contribution's, with its image's size), as a page shows it. */
export function imageOf(row: {
  image_id: string | null;
  image_alt: string | null;
  image_caption: string | null;
  width: number | null;
  height: number | null;
}): ShownImage | null {
  if (!row.image_id || row.width === null || row.height === null) return null;
  return {
    src: imageSrc(row.image_id),
    alt: row.image_alt ?? '',
    caption: row.image_caption || null,
    width: Number(row.width),
    height: Number(row.height),
  };
}

/** The contributor's page for their contribution's one image. */
export function presentContributionImage(
  c: {
    id: string;
    title: string;
    state: string;
    image_id: string | null;
    image_alt: string | null;
    image_caption: string | null;
    width: number | null;
    height: number | null;
  },
  kept: { values: Record<string, unknown>; errors: unknown } | undefined,
) {
  const current = imageOf(c);
  return {
    title: current ? `The image for “${c.title}”` : `Add an image to “${c.title}”`,
    id: c.id,
    contribution: c.title,
    open: c.state === 'submitted' || c.state === 'changes-asked',
    errors: kept?.errors,
    image: presentImageForm(current, kept?.values, false),
  };
}
