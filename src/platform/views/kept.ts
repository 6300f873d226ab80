import { createHash, randomUUID } from 'node:crypto';
import nunjucks from 'nunjucks';

/**
 * What a kept part's data is, as a string to hash: its JSON, except that an object or array
 * frozen all the way down (deepFreeze) is hashed once and then known by that hash. A presenter
 * that keeps its view of stored data between readers (the edition's articles and training list)
 * freezes it, so each reader's page costs a lookup instead of writing out 50 kB of JSON again.
 * Frozen is the promise that nothing will change it; only deepFreeze makes that promise.
 */
const hashes = new WeakMap<object, string>();
function contentKey(data: unknown): string {
  if (typeof data !== 'object' || data === null) return JSON.stringify(data) ?? 'undefined';
  if (deeplyFrozen.has(data)) {
    let hash = hashes.get(data);
    if (!hash) {
      hash = createHash('sha256').update(JSON.stringify(data)).digest('base64');
      hashes.set(data, hash);
    }
    return hash;
  }
  // A list made in the template (`[a.kind, b.training]`): its members may be kept views.
  if (Array.isArray(data)) return `[${data.map(contentKey).join(',')}]`;
  return JSON.stringify(data);
}

const deeplyFrozen = new WeakSet<object>();

/** Freezes a view and everything in it, and marks it so a kept part hashes it once (contentKey). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || deeplyFrozen.has(value)) return value;
  for (const member of Object.values(value)) deepFreeze(member);
  Object.freeze(value);
  deeplyFrozen.add(value);
  return value;
}

/**
 * What `make` makes of a view kept between requests, made once for that view and frozen in turn
 * (the edition's articles as shown, its training list for managers): a view that deepFreeze did
 * not freeze may still change, so for it `make` runs every time.
 */
export function madeOnceFor<K extends object, V>(memo: WeakMap<K, V>, view: K, make: () => V): V {
  if (!deeplyFrozen.has(view)) return make();
  let made = memo.get(view);
  if (made === undefined) {
    made = deepFreeze(make());
    memo.set(view, made);
  }
  return made;
}

interface Kept {
  text: string;
  bytes: Buffer;
}
const sizeOf = (k: Kept) => k.text.length * 2 + k.bytes.length;

/**
 * `{% kept "name", data %}…{% endkept %}`: a part of a page rendered once for the data it
 * is made from and kept, so that many readers of one long page (a bulletin edition of a
 * hundred sessions) do not each pay for rendering what is the same for all of them.
 *
 * The key is the data itself (a hash of it as JSON), never a version someone must remember to
 * change: the same data always gives the same HTML, and different data is rendered anew. What
 * is inside the block must therefore use only `data` (and the names it came from): anything
 * else in it, such as a form's token, would be kept from the first reader for the next. With
 * no data (null or undefined) the block is rendered each time.
 *
 * A kept part is also kept encoded. A page rendered through `bytes()` gets a marker where each
 * part goes and is put together from bytes: encoding a page of curly quotes and dashes as UTF-8
 * costs about 1 ms for 80 KB, which the kept parts then pay once. (A filter applied to a kept
 * part's output would see the marker: apply none.)
 */
export class KeptFragments implements nunjucks.Extension {
  readonly tags = ['kept'];
  readonly #kept = new Map<string, Kept>();
  /** Bytes kept at most, text and encoded together: what is rendered again when over it costs time, not memory. */
  readonly #budget: number;
  #size = 0;
  /** Where the page being rendered through bytes() collects its kept parts. */
  #parts: Buffer[] | null = null;
  readonly #mark = `\u0000kept-${randomUUID()}-`;
  readonly #marks = new RegExp(`${this.#mark}(\\d+)\u0000`, 'g');
  /** Renders, for the benchmark and the tests. */
  rendered = 0;

  constructor(budget = 16 * 2 ** 20) {
    this.#budget = budget;
  }

  // biome-ignore lint/suspicious/noExplicitAny: Nunjucks' parser API is untyped
  parse(parser: any, nodes: any) {
    const tag = parser.nextToken();
    const args = parser.parseSignature(null, true);
    parser.advanceAfterBlockEnd(tag.value);
    const body = parser.parseUntilBlocks('endkept');
    parser.advanceAfterBlockEnd();
    return new nodes.CallExtension(this, 'run', args, [body]);
  }

  run(_context: unknown, name: string, data: unknown, body: () => string) {
    if (data === undefined || data === null) return new nunjucks.runtime.SafeString(body());
    const content = contentKey(data);
    // A short key (a frozen view's hash, a few ids) is used as it is: hashing it again cost more than
    // the rest of a lookup. A long one (a list's JSON) is hashed, so the map holds 44 characters
    // rather than kilobytes; it has no \0 in it, so it cannot be taken for a short one.
    const key =
      content.length <= 512
        ? `${name}\0${content}`
        : createHash('sha256').update(name).update('\0').update(content).digest('base64');
    let kept = this.#kept.get(key);
    if (kept) {
      // Used again: to the back of the queue, so the least recently used goes first.
      this.#kept.delete(key);
      this.#kept.set(key, kept);
    } else {
      const bytes = Buffer.from(body(), 'utf8');
      // Kept flat: a template's output is a chain of thousands of joined pieces.
      kept = { bytes, text: bytes.toString('utf8') };
      this.rendered++;
      this.#kept.set(key, kept);
      this.#size += sizeOf(kept);
      // The least recently used first out: a Map iterates in the order keys were added.
      for (const [oldest, k] of this.#kept) {
        if (this.#size <= this.#budget) break;
        this.#kept.delete(oldest);
        this.#size -= sizeOf(k);
      }
    }
    if (!this.#parts) return new nunjucks.runtime.SafeString(kept.text);
    this.#parts.push(kept.bytes);
    return new nunjucks.runtime.SafeString(`${this.#mark}${this.#parts.length - 1}\u0000`);
  }

  /** What `render` makes, as UTF-8, with the kept parts put in as the bytes they were kept as. */
  bytes(render: () => string): Buffer {
    const outer = this.#parts;
    const parts: Buffer[] = [];
    this.#parts = parts;
    let html: string;
    try {
      // Rendering is synchronous: no other page can be rendered in between.
      html = render();
    } finally {
      this.#parts = outer;
    }
    if (!parts.length) return Buffer.from(html, 'utf8');
    const out: Buffer[] = [];
    let from = 0;
    for (const m of html.matchAll(this.#marks)) {
      out.push(Buffer.from(html.slice(from, m.index), 'utf8'), parts[Number(m[1])]!);
      from = m.index + m[0].length;
    }
    out.push(Buffer.from(html.slice(from), 'utf8'));
    return Buffer.concat(out);
  }
}
