/**
 * A set of ids for finding the ones a file repeats, in about 25 bytes an id
 * instead of the 60 or so a Set of strings takes (a million-row file held about
 * 60 MB of ids that way). Exact, not probabilistic: every id is kept, as bytes
 * in one growing buffer, and a hash match is confirmed by comparing the bytes.
 * Import ids are ASCII (letters, digits, _ . / -); any other id goes into an
 * ordinary Set, so the answer is right for every string.
 */
export class IdSet {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Where id i starts in bytes; id i ends where id i + 1 starts. */
  private starts = new Uint32Array(1 << 12);
  private hashes = new Uint32Array(1 << 12);
  private count = 0;
  /** Open addressing: id index + 1, or 0 for an empty slot. */
  private slots = new Uint32Array(1 << 13);
  private readonly other = new Set<string>();

  get size() {
    return this.count + this.other.size;
  }

  /** Adds the id; false if it was already there. */
  add(id: string): boolean {
    const hash = asciiHash(id);
    if (hash < 0) return this.other.size !== this.other.add(id).size;
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s]!;
      if (at === 0) {
        this.store(id, hash, s);
        return true;
      }
      if (this.hashes[at - 1] === hash && this.same(at - 1, id)) return false;
    }
  }

  private same(index: number, id: string) {
    const start = this.starts[index]!;
    const end = index + 1 < this.count ? this.starts[index + 1]! : this.used;
    if (end - start !== id.length) return false;
    for (let i = 0; i < id.length; i++) if (this.bytes[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private store(id: string, hash: number, slot: number) {
    if (this.used + id.length > this.bytes.length) this.bytes = grow(this.bytes, this.used + id.length);
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts, this.count + 1);
      this.hashes = grow(this.hashes, this.count + 1);
    }
    this.starts[this.count] = this.used;
    this.hashes[this.count] = hash;
    for (let i = 0; i < id.length; i++) this.bytes[this.used + i] = id.charCodeAt(i);
    this.used += id.length;
    this.count++;
    this.slots[slot] = this.count;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash() {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.count; i++) {
      let s = this.hashes[i]! & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = i + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the characters, or -1 if the id is not ASCII. */
export function asciiHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c > 0x7f) return -1;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return hash >>> 0;
}

function grow<T extends Uint8Array | Uint32Array>(a: T, needed: number): T {
  let length = a.length * 2;
  while (length < needed) length *= 2;
  const bigger = new (a.constructor as new (n: number) => T)(length);
  bigger.set(a);
  return bigger;
}
