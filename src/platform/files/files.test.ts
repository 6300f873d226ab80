import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findPython, runPython } from '../python.ts';
import { imageInfo } from './image-info.ts';
import { sniffKind, sniffMarkup } from './sniff.ts';
import { readStoredFile, storeFile, withStoredFile } from './store.ts';

// Written by Chromium and Pillow (scripts/image-fixtures/make.py), never by our own code.
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const IMAGES = readdirSync(FIXTURES).filter((f) => /\.(png|jpg|gif|webp)$/.test(f) && f !== 'page.png');

// Pillow's own reading of each file: its format, size in pixels and number of frames.
const PILLOW = String.raw`
import sys, json
from PIL import Image
out = {}
for name in json.load(sys.stdin)["files"]:
    with Image.open(name) as im:
        out[name] = {"format": im.format, "size": list(im.size), "frames": getattr(im, "n_frames", 1)}
print(json.dumps(out))
`;
const py = findPython(['PIL']);

test('image headers: kind, size and movement agree with Pillow for files Chromium and Pillow wrote', {
  skip: py.skip,
}, () => {
  const files = IMAGES.map((f) => path.join(FIXTURES, f));
  const pillow = runPython(py.python!, PILLOW, JSON.stringify({ files })) as Record<
    string,
    { format: string; size: [number, number]; frames: number }
  >;
  const formats: Record<string, string> = { PNG: 'png', JPEG: 'jpeg', GIF: 'gif', WEBP: 'webp' };
  assert.ok(files.length >= 9, 'every kind of fixture is there');
  for (const f of files) {
    const ours = imageInfo(readFileSync(f));
    const theirs = pillow[f]!;
    assert.ok(ours, `${path.basename(f)} is read as an image`);
    assert.equal(ours.kind, formats[theirs.format], `${path.basename(f)}: kind`);
    assert.deepEqual([ours.width, ours.height], theirs.size, `${path.basename(f)}: size`);
    assert.equal(ours.animated, theirs.frames > 1, `${path.basename(f)}: moves or not`);
  }
});

test('every kind of image the bulletin takes is read, including progressive JPEGs and each WebP kind', () => {
  const kinds = Object.fromEntries(IMAGES.map((f) => [f, imageInfo(fixture(f))?.kind]));
  assert.deepEqual(kinds, {
    'chromium-screenshot.png': 'png',
    'pillow-animated.gif': 'gif',
    'pillow-animated.png': 'png',
    'pillow-animated.webp': 'webp',
    'pillow-lossless.webp': 'webp',
    'pillow-lossy.webp': 'webp',
    'pillow-photo.jpg': 'jpeg',
    'pillow-progressive.jpg': 'jpeg',
    'pillow.gif': 'gif',
  });
});

test('a damaged or cut-off image is never read as one, and never throws', () => {
  for (const f of IMAGES) {
    const bytes = fixture(f);
    // Every length up to the image data, and a few beyond: a short file gives null or the right facts.
    for (let n = 0; n <= Math.min(bytes.length, 400); n++) {
      const info = imageInfo(bytes.subarray(0, n));
      if (info) assert.deepEqual(info.kind, imageInfo(bytes)!.kind, `${f} cut at ${n}`);
    }
  }
  const png = Buffer.from(fixture('chromium-screenshot.png'));
  png.write('XXXX', 12, 'latin1'); // the first chunk is not IHDR
  assert.equal(imageInfo(png), null);
  assert.equal(imageInfo(Buffer.from('not an image at all')), null);
});

test('files are known by their content: a web page named .png is a web page, an SVG is markup', () => {
  assert.equal(sniffMarkup(fixture('page.png')), 'html');
  assert.equal(sniffKind(fixture('page.png')), null);
  assert.equal(sniffMarkup(fixture('script.svg')), 'svg');
  assert.equal(
    sniffMarkup(Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- drawn -->\n<svg viewBox="0 0 1 1"/>')),
    'svg',
  );
  assert.equal(sniffKind(fixture('pillow-photo.jpg')), 'jpeg');
  assert.equal(sniffKind(Buffer.from('%PDF-1.7\n')), 'pdf');
  for (const f of IMAGES) assert.equal(sniffMarkup(fixture(f)), null, f);
});

test('a stored file has a random name and only its owner can read it; a failed change leaves no file', async () => {
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'hub-files-')), 'things');
  try {
    const bytes = fixture('pillow.gif');
    const name = await withStoredFile(folder, bytes, async (stored) => stored);
    assert.match(name, /^[0-9a-f]{36}$/);
    assert.equal(statSync(path.join(folder, name)).mode & 0o777, 0o600);
    assert.deepEqual(await readStoredFile(folder, name), bytes);
    await assert.rejects(
      withStoredFile(folder, bytes, async () => {
        throw new Error('the row could not be written');
      }),
      /the row could not be written/,
    );
    assert.deepEqual(readdirSync(folder), [name], 'the second file was removed again');
    // A stored name read back from the database never reaches outside the folder.
    writeFileSync(path.join(folder, '..', 'secret'), 'outside');
    await assert.rejects(readStoredFile(folder, '../secret'), { code: 'ENOENT' });
    assert.notEqual(await storeFile(folder, bytes), name);
  } finally {
    rmSync(path.dirname(folder), { recursive: true, force: true });
  }
});
