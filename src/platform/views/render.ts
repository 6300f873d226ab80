import path from 'node:path';
import nunjucks from 'nunjucks';
import { formatDate, formatDateTime, formatTime, plural } from './format.ts';
import { KeptFragments } from './kept.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * One Nunjucks environment for the whole app. Templates are named from src/
 * (e.g. "people/views/directory.njk"), so a feature's views sit beside its code.
 * With the cache on, one environment serves every app in the process: it holds
 * nothing of an app's (its filters are pure, its kept parts are keyed by their
 * data), and each template is then compiled once, not once for each app a test
 * makes (hundreds in a run). In development templates are read again each time.
 */
let cached: nunjucks.Environment | undefined;
export function createViewEnv(options: { cache: boolean }) {
  if (!options.cache) return buildViewEnv(false);
  cached ??= buildViewEnv(true);
  return cached;
}

function buildViewEnv(cache: boolean) {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [
        path.join(root, 'src'),
        path.join(root, 'node_modules/govuk-frontend/dist'),
        path.join(root, 'node_modules/@ministryofjustice/frontend'),
      ],
      { noCache: !cache },
    ),
    { autoescape: true, throwOnUndefined: false },
  );
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('time', formatTime);
  env.addFilter('plural', plural);
  env.addExtension('kept', new KeptFragments());
  return env;
}

/** A page rendered to the bytes that are sent, its kept parts put in as they were kept (./kept.ts). */
export function renderBytes(env: nunjucks.Environment, template: string, context: object): Buffer {
  const kept = env.getExtension('kept') as unknown as KeptFragments;
  return kept.bytes(() => env.render(template, context));
}

export type ViewEnv = ReturnType<typeof createViewEnv>;
