/* What a message is made of: its blocks, its content and the layout it is set in (no code, so the
   layout and the composer can both use them without depending on each other). */
import type { MailAttachment } from './outbox.ts';

/**
 * What a message says, as blocks: each template (one function per message,
 * in the feature that sends it) returns these, and composeMessage writes both
 * the HTML part and the plain-text part from them in the one shared layout.
 * Text is plain text (never HTML); links may be paths ("/learning/…"), which
 * become absolute URLs from BASE_URL.
 */
export type MessageBlock =
  /** The first heading is the message's h1, later ones are h2. */
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** The one thing to do: a bulletproof (table-based) button; in text, "Label: URL". */
  | { type: 'button'; text: string; href: string }
  /** A link on its own line; in text, "Label: URL". */
  | { type: 'link'; text: string; href: string }
  /** Bullets; an item with an href is a link (in text, "- Label: URL"). */
  | { type: 'list'; items: ListItem[] }
  /** Label and value pairs (date, place, trainer …): a small table with row headers. */
  | { type: 'details'; rows: { label: string; value: string }[] }
  /**
   * A picture that is part of what the message says (a bulletin article's), never decoration or a
   * tracking pixel: the same address for every reader. Mail programs block remote images until asked,
   * so the alt text must say what it shows; the text part carries "[Image: alt]". `width` and `height`
   * are the picture's own pixels: it is shown at most as wide as the message's column.
   */
  | { type: 'image'; src: string; alt: string; width: number; height: number; caption?: string };

export type ListItem = string | { text: string; href: string };

export interface MessageContent {
  to: string;
  subject: string;
  /** The line inboxes show after the subject; hidden in the message itself. */
  preheader?: string;
  blocks: MessageBlock[];
  /** Closing lines, e.g. ["Learning and Development team"]. */
  signOff?: string | string[];
  attachments?: MailAttachment[];
}

/** The layout's settings, from config: see mailLayout. */
export interface MailLayout {
  baseUrl: string;
  orgName: string;
  serviceName: string;
  /** #rrggbb: the header band and buttons; text on it is white or black, whichever contrasts more. */
  brandColour: string;
  /** The html element's lang; en-GB unless said. */
  lang?: string;
}

/** Blocks with every link made absolute: what both parts are written from. */
export type ResolvedContent = Omit<MessageContent, 'signOff'> & { signOff: string[]; homeUrl: string };
