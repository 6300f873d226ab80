import type { MailLayout, MessageBlock, ResolvedContent } from './message-types.ts';
import { InvalidMailError } from './outbox.ts';

/**
 * The one HTML layout every message (and the bulletin) shares, written in MJML:
 * tables about 600 px wide with role="presentation", CSS inlined, a header band
 * in the brand colour with the organisation's name as text (no images of the
 * layout's own, so it reads the same with images off; a message's own picture,
 * a bulletin article's, has its alt text), a footer linking to the Hub.
 *
 * MJML takes about 100 ms a compile, too slow for 3,000 personalised messages.
 * So the MJML is built with a numbered slot in place of every piece of text
 * and every link: messages of the same shape (one template, any recipient)
 * give the same MJML, which is compiled once and cached; each message then
 * costs one string replace, with its own text HTML-escaped into the slots.
 * The cache key is the whole MJML source, so a hit is always the right layout.
 */

const TEXT = '#0b0c0c';
const SECONDARY = '#505a5f';
const PAGE = '#f3f2f1';
const FONT = 'Arial, Helvetica, sans-serif';
const LINK_FALLBACK = '#1d70b8';
/** The message's 600 px less the white section's padding either side. */
const COLUMN_WIDTH = 552;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** White or near-black, whichever reads better on the colour. */
export const textOn = (colour: string): string =>
  contrast(colour, '#ffffff') >= contrast(colour, TEXT) ? '#ffffff' : TEXT;

function checkLayout(layout: MailLayout): void {
  if (!/^#[0-9a-fA-F]{6}$/.test(layout.brandColour)) {
    throw new InvalidMailError(`The brand colour must be #rrggbb, not ${JSON.stringify(layout.brandColour)}`);
  }
  if (layout.lang !== undefined && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(layout.lang)) {
    throw new InvalidMailError(`Not a language tag: ${JSON.stringify(layout.lang)}`);
  }
}

export type Slot = (value: string) => string;

/** Numbered slots: slot(value) puts a placeholder in the MJML and remembers the value for it. */
class Slots {
  readonly values: string[] = [];
  slot = (value: string): string => `hubslot${this.values.push(value) - 1}x`;
}

const SLOT = /hubslot(\d+)x/g;

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const P = 'margin:0;';
const link = (colour: string) => `color:${colour};text-decoration:underline;`;

function blockMjml(
  b: MessageBlock,
  first: boolean,
  s: { slot: Slot },
  brand: string,
  linkColour: string,
): string {
  const text = (inner: string, extra = '') => `<mj-text${extra}>${inner}</mj-text>`;
  switch (b.type) {
    case 'heading':
      return first
        ? text(
            `<h1 style="margin:0;font-size:28px;line-height:32px;font-weight:bold;">${s.slot(b.text)}</h1>`,
          )
        : text(
            `<h2 style="margin:0;font-size:22px;line-height:28px;font-weight:bold;">${s.slot(b.text)}</h2>`,
          );
    case 'paragraph':
      return text(`<p style="${P}">${s.slot(b.text)}</p>`);
    case 'link':
      return text(
        `<p style="${P}"><a href="${s.slot(b.href)}" style="${link(linkColour)}">${s.slot(b.text)}</a></p>`,
      );
    case 'button':
      return `<mj-button href="${s.slot(b.href)}" background-color="${brand}" color="${textOn(brand)}" font-size="16px" font-weight="bold" line-height="24px" align="left" border-radius="0" inner-padding="10px 16px" padding="0 0 16px 0">${s.slot(b.text)}</mj-button>`;
    case 'list':
      return text(
        `<ul style="margin:0;padding:0 0 0 20px;">${b.items.map((i) => `<li style="margin:0 0 4px 0;">${typeof i === 'string' ? s.slot(i) : `<a href="${s.slot(i.href)}" style="${link(linkColour)}">${s.slot(i.text)}</a>`}</li>`).join('')}</ul>`,
      );
    case 'details': {
      const cell = 'padding:6px 0;border-bottom:1px solid #b1b4b6;vertical-align:top;text-align:left;';
      const rows = b.rows
        .map(
          (r) =>
            `<tr><th scope="row" style="${cell}padding-right:16px;font-weight:bold;">${s.slot(r.label)}</th><td style="${cell}">${s.slot(r.value)}</td></tr>`,
        )
        .join('');
      return `<mj-table font-size="16px" line-height="24px" color="${TEXT}" padding="0 0 16px 0">${rows}</mj-table>`;
    }
    case 'image': {
      // Outlook for Windows sizes a picture by its width attribute alone: never wider than the column.
      const width = Math.max(1, Math.min(COLUMN_WIDTH, Math.round(b.width)));
      const picture = `<mj-image src="${s.slot(b.src)}" alt="${s.slot(b.alt)}" width="${width}px" align="left" padding="0 0 ${b.caption ? 8 : 16}px 0" />`;
      return b.caption
        ? `${picture}${text(`<p style="${P}font-size:14px;line-height:20px;color:${SECONDARY};">${s.slot(b.caption)}</p>`)}`
        : picture;
    }
  }
}

/**
 * The MJML for a message. Every piece of text and every link goes through
 * slot(), which returns what stands for it in the MJML: a placeholder when
 * compiling the cached layout, or the escaped text itself.
 */
export function messageMjml(c: ResolvedContent, layout: MailLayout, slot: Slot): string {
  const s = { slot };
  checkLayout(layout);
  const brand = layout.brandColour.toLowerCase();
  const linkColour = contrast(brand, '#ffffff') >= 4.5 ? brand : LINK_FALLBACK;
  const lang = layout.lang ?? 'en-GB';
  let headings = 0;
  const blocks = c.blocks.map((b) =>
    blockMjml(b, b.type === 'heading' && headings++ === 0, s, brand, linkColour),
  );
  if (c.signOff.length) {
    blocks.push(`<mj-text><p style="${P}">${c.signOff.map(s.slot).join('<br>')}</p></mj-text>`);
  }
  return `<mjml lang="${lang}" dir="ltr">
<mj-head>
  <mj-title>${s.slot(c.subject)}</mj-title>
  ${c.preheader ? `<mj-preview>${s.slot(c.preheader)}</mj-preview>` : ''}
  <mj-attributes>
    <mj-all font-family="${FONT}" />
    <mj-text font-size="16px" line-height="24px" color="${TEXT}" padding="0 0 16px 0" />
    <mj-section padding="0" />
  </mj-attributes>
</mj-head>
<mj-body width="600px" background-color="${PAGE}">
  <mj-section background-color="${brand}" padding="16px 24px">
    <mj-column><mj-text color="${textOn(brand)}" font-size="20px" font-weight="bold" padding="0">${s.slot(layout.orgName)}</mj-text></mj-column>
  </mj-section>
  <mj-section background-color="#ffffff" padding="24px 24px 8px 24px">
    <mj-column>${blocks.join('\n')}</mj-column>
  </mj-section>
  <mj-section padding="16px 24px">
    <mj-column><mj-text font-size="14px" line-height="20px" color="${SECONDARY}" padding="0">
      <p style="${P}">${s.slot(layout.serviceName)}, ${s.slot(layout.orgName)}</p>
      <p style="${P}"><a href="${s.slot(c.homeUrl)}" style="${link(SECONDARY)}">${s.slot(c.homeUrl)}</a></p>
    </mj-text></mj-column>
  </mj-section>
</mj-body>
</mjml>`;
}

const CACHE_LIMIT = 200;
const compiled = new Map<string, Promise<string>>();
let compiles = 0;

/** How many times MJML itself has run in this process (for tests and the benchmark). */
export const mjmlCompiles = (): number => compiles;

/**
 * MJML takes over a second of CPU to load, so it is loaded by the first message
 * a process writes, not by every process (each test file, each CLI command)
 * that merely imports the mail code. A server loads it as it starts
 * (preloadMail): its first message is often written inside a transaction that
 * holds a lock (a booking), and other requests would wait that second.
 */
const loadMjml = () => import('mjml');
export const preloadMail = async (): Promise<void> => {
  await loadMjml();
};

async function compile(source: string): Promise<string> {
  compiles++;
  const { default: mjml2html } = await loadMjml();
  // fonts: {} so MJML never adds a web-font link (a remote resource).
  const out = await mjml2html(source, { validationLevel: 'strict', keepComments: false, fonts: {} });
  return out.html;
}

/** The compiled layout for this MJML, from the cache when a message of the same shape was compiled before. */
function compiledFor(source: string): Promise<string> {
  let html = compiled.get(source);
  if (html) {
    // Least recently used goes first: move this one to the end.
    compiled.delete(source);
    compiled.set(source, html);
    return html;
  }
  html = compile(source);
  html.catch(() => compiled.delete(source));
  compiled.set(source, html);
  if (compiled.size > CACHE_LIMIT) compiled.delete(compiled.keys().next().value!);
  return html;
}

/** The HTML part: the shared layout with this message's text and links in its slots. */
export async function renderHtml(c: ResolvedContent, layout: MailLayout): Promise<string> {
  const slots = new Slots();
  const template = await compiledFor(messageMjml(c, layout, slots.slot));
  return template.replace(SLOT, (_, i: string) => escapeHtml(slots.values[Number(i)]!));
}
