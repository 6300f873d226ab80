/**
 * Views worked out from stored data, kept in memory until the data change (first used for
 * the children's statuses: their version changes with every refresh, in any process, and
 * is read from the database on every request). A team's page is then
 * a version check and a render instead of four aggregate queries.
 */
export class ViewCache<T> {
  readonly #entries = new Map<string, { version: string; value: Promise<T> }>();
  readonly #max: number;
  constructor(max = 500) {
    this.#max = max;
  }

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && hit.version === version) return hit.value;
    if (this.#entries.size >= this.#max) this.#entries.clear();
    const value = compute();
    this.#entries.set(key, { version, value });
    // A failed computation is not kept.
    value.catch(() => this.#entries.delete(key));
    return value;
  }
}
