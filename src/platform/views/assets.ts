import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const nm = (p: string) => path.join(root, 'node_modules', p);

export interface Asset {
  body: Buffer;
  type: string;
}

/**
 * Builds the stylesheet and script once at start-up and keeps them in memory.
 * A council is not GOV.UK: the GOV.UK typeface is removed (its licence is for
 * GOV.UK only) and the brand colour comes from config.
 */
export function buildAssets(brandColour: string) {
  const govukCss = withoutGovukFont(
    readFileSync(nm('govuk-frontend/dist/govuk/govuk-frontend.min.css'), 'utf8'),
  );
  const mojCss = withoutGovukFont(
    readFileSync(nm('@ministryofjustice/frontend/moj/moj-frontend.min.css'), 'utf8'),
  );
  const ours = readFileSync(path.join(root, 'public/hub.css'), 'utf8');
  const brand = `:root{--govuk-brand-colour:${brandColour};--hub-brand-colour:${brandColour}}`;
  const css = Buffer.from([govukCss, mojCss, brand, ours].join('\n'));
  const version = createHash('sha256').update(css).digest('hex').slice(0, 10);

  const files = new Map<string, Asset>([
    [`hub-${version}.css`, { body: css, type: 'text/css; charset=utf-8' }],
    [
      'govuk-frontend.min.js',
      {
        body: readFileSync(nm('govuk-frontend/dist/govuk/govuk-frontend.min.js')),
        type: 'text/javascript; charset=utf-8',
      },
    ],
    [
      'hub.js',
      { body: readFileSync(path.join(root, 'public/hub.js')), type: 'text/javascript; charset=utf-8' },
    ],
    ['favicon.svg', { body: readFileSync(path.join(root, 'public/favicon.svg')), type: 'image/svg+xml' }],
  ]);
  const mojImages = nm('@ministryofjustice/frontend/moj/assets/images');
  return {
    cssHref: `/assets/hub-${version}.css`,
    get(name: string): Asset | undefined {
      const hit = files.get(name);
      if (hit) return hit;
      // Icons the MoJ stylesheet refers to; the name is checked so no path can escape the folder.
      if (/^images\/[a-z0-9-]+\.svg$/.test(name)) {
        try {
          return { body: readFileSync(path.join(mojImages, name.slice(7))), type: 'image/svg+xml' };
        } catch {
          return undefined;
        }
      }
      return undefined;
    },
  };
}

/** Drops the GOV.UK typeface (its @font-face rules, its notice and its name in font stacks). */
function withoutGovukFont(css: string): string {
  return css
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/\/\*![^*]*Margaret Calvert[^*]*\*\//g, '')
    .replace(/"?GDS Transport"?,\s*/g, '');
}

export type Assets = ReturnType<typeof buildAssets>;
