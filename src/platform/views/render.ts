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
type Exported = Record<string, unknown>;
type ExportedCallback = (err: Error | null, exported: Exported | null) => void;
interface ImportableTemplate {
  getExported(ctx: object | ExportedCallback, parentFrame?: unknown, cb?: ExportedCallback): void;
}

/**
 * `{% from "x.njk" import y %}` without "with context" makes y from nothing but x itself: Nunjucks
 * nonetheless runs x's top level again on every render, and on every call of a GOV.UK macro whose
 * template imports four more. Keeping the export cut what an edition view allocates by a quarter
 * (27 young collections per 1,200 views became 19, and every request in flight waits for each). So what a
 * compiled template exports without a context is made once per template object: a template read
 * again (no cache, in development) is a new object and is run afresh. With a context ("with
 * context", or a parent frame) the export may differ each time and is always run.
 */
const exportedWithoutContext = new WeakMap<object, Exported>();
function keepContextFreeExports() {
  const proto = (nunjucks.Template as unknown as { prototype: ImportableTemplate }).prototype;
  const runImport = proto.getExported;
  proto.getExported = function (this: ImportableTemplate, ctx, parentFrame, cb) {
    if (typeof ctx !== 'function' || parentFrame !== undefined)
      return runImport.call(this, ctx, parentFrame, cb);
    const done = ctx;
    const made = exportedWithoutContext.get(this);
    if (made) return done(null, made);
    runImport.call(this, (err, exported) => {
      if (!err && exported) exportedWithoutContext.set(this, Object.freeze(exported));
      done(err, exported);
    });
  };
}
keepContextFreeExports();

/**
 * A cached loader that works out each relative template name (GOV.UK's "./template.njk") once:
 * Nunjucks looks every include and import up again on each render, and resolving the path was
 * a thirtieth of an edition view's allocation. Names resolve the same for as long as the
 * templates are cached, which is the only time this loader is used.
 */
class ResolvedOnceLoader extends nunjucks.FileSystemLoader {
  readonly #resolved = new Map<string, string>();
  override resolve(from: string, to: string): string {
    const key = `${from}\0${to}`;
    let name = this.#resolved.get(key);
    if (name === undefined) {
      name = super.resolve(from, to);
      this.#resolved.set(key, name);
    }
    return name;
  }
}

let cached: nunjucks.Environment | undefined;
export function createViewEnv(options: { cache: boolean }) {
  if (!options.cache) return buildViewEnv(false);
  cached ??= buildViewEnv(true);
  return cached;
}

function buildViewEnv(cache: boolean) {
  const env = new nunjucks.Environment(
    new (cache ? ResolvedOnceLoader : nunjucks.FileSystemLoader)(
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
