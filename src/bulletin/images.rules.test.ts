import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  altProblem,
  fileProblem,
  imageProblems,
  MAX_IMAGE_BYTES,
  mailImageKey,
  mailImageKeyMatches,
} from './images.rules.ts';

// Images written by Chromium and Pillow (scripts/image-fixtures/make.py).
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../platform/files/fixtures', name));
const problemOf = (bytes: Buffer) => {
  const r = fileProblem(bytes);
  return 'problem' in r ? r.problem : null;
};

test('a still PNG, JPEG, GIF or WebP is taken, with its type and size from its content', () => {
  for (const [name, type] of [
    ['chromium-screenshot.png', 'image/png'],
    ['pillow-photo.jpg', 'image/jpeg'],
    ['pillow-progressive.jpg', 'image/jpeg'],
    ['pillow.gif', 'image/gif'],
    ['pillow-lossy.webp', 'image/webp'],
    ['pillow-lossless.webp', 'image/webp'],
  ] as const) {
    const r = fileProblem(fixture(name));
    assert.ok('info' in r, `${name} is taken`);
    assert.equal(r.info.contentType, type, name);
  }
});

test('an image damaged past its headers is refused as damaged, not stored with what it might hold', () => {
  const photo = fixture('pillow-photo.jpg');
  const sof = photo.indexOf(Buffer.from([0xff, 0xc0]));
  const cut = Buffer.concat([
    photo.subarray(0, sof + 2 + photo.readUInt16BE(sof + 2)),
    Buffer.from([0xff, 0xc4, 0x40, 0x00, 0x01]),
  ]);
  assert.equal(
    problemOf(cut),
    'The image is damaged or is not a real JPEG file: save it again and upload that',
  );
});

test('wrong types, moving images, empty and too large files are refused, each with a message saying what to do', () => {
  assert.match(problemOf(fixture('script.svg'))!, /^SVG images cannot be used, because they can carry code/);
  assert.match(problemOf(fixture('page.png'))!, /^The file is a web page, not an image/);
  assert.match(problemOf(Buffer.from('%PDF-1.4 a letter'))!, /^The file is a PDF, not an image/);
  assert.match(
    problemOf(Buffer.from('just some words'))!,
    /^The file must be a PNG, JPEG, GIF or WebP image/,
  );
  for (const moving of ['pillow-animated.gif', 'pillow-animated.png', 'pillow-animated.webp'])
    assert.match(problemOf(fixture(moving))!, /^The image must not move/, moving);
  assert.equal(problemOf(Buffer.alloc(0)), 'The file you chose is empty');
  // A real JPEG made longer than the limit (readers ignore what follows its end).
  const big = Buffer.concat([fixture('pillow-photo.jpg'), Buffer.alloc(MAX_IMAGE_BYTES)]);
  assert.equal(problemOf(big), 'The image must be 2 MB or smaller');
  const photo = fixture('pillow-photo.jpg');
  const atLimit = Buffer.concat([photo, Buffer.alloc(MAX_IMAGE_BYTES - photo.length)]);
  assert.equal(atLimit.length, MAX_IMAGE_BYTES);
  assert.equal(problemOf(atLimit), null, 'exactly 2 MB is taken');
  const cut = fixture('chromium-screenshot.png').subarray(0, 20);
  assert.match(problemOf(cut)!, /^The image is damaged or is not a real PNG file/);
});

test('alt text: required, at most 250 characters, not the file name, not a word that says nothing', () => {
  const good = 'A social worker and a parent talking at a kitchen table, both smiling';
  assert.equal(altProblem(good, 'IMG_2041.jpg'), null);
  assert.match(altProblem('', 'x.png')!, /^Enter alt text/);
  assert.match(altProblem('   ', 'x.png')!, /^Enter alt text/);
  assert.match(altProblem('a'.repeat(251), 'x.png')!, /250 characters or fewer/);
  assert.equal(altProblem(`${'a '.repeat(125).trim()}b`, 'x.png'), null, '250 characters are enough');
  for (const [alt, file] of [
    ['IMG_2041', 'IMG_2041.jpg'],
    ['img 2041', 'IMG_2041.jpg'],
    ['IMG_2041.jpg', 'IMG_2041.jpg'],
    ['team-photo', 'team-photo.png'],
    ['Team photo', 'C:\\Users\\helen\\Pictures\\team_photo.png'],
    ['photo.png', 'something-else.png'],
    ['DSC0042', 'holiday.jpg'],
    ['Screenshot 2026-11-30 at 10.02.11', 'shot.png'],
  ])
    assert.match(altProblem(alt!, file!)!, /repeats the file name/, `${alt} for ${file}`);
  for (const says of ['Image', 'a photo', 'The picture', 'logo', 'Alt text'])
    assert.match(altProblem(says, 'team.png')!, /tells someone who cannot see it nothing/, says);
  assert.equal(
    altProblem('Team photo at the awards', 'team_photo.png'),
    null,
    'more than the file name says',
  );
});

test('every problem of an upload is found at once; without a new file only the words are checked', () => {
  const all = imageProblems({
    file: { filename: 'x.svg', bytes: fixture('script.svg') },
    alt: '',
    caption: 'c'.repeat(301),
    current: null,
  });
  assert.deepEqual(
    all.problems.map((p) => p.field),
    ['file', 'alt', 'caption'],
  );
  assert.equal(all.info, null);
  assert.deepEqual(
    imageProblems({ file: null, alt: 'A chart of visits', caption: '', current: null }).problems,
    [{ field: 'file', text: 'Choose an image to upload' }],
  );
  const words = imageProblems({
    file: null,
    alt: 'oars',
    caption: '',
    current: { originalName: 'oars.png' },
  });
  assert.deepEqual(
    words.problems.map((p) => p.field),
    ['alt'],
    'the kept image’s name still counts',
  );
  const ok = imageProblems({
    file: { filename: 'card.png', bytes: fixture('chromium-screenshot.png') },
    alt: 'A blue card with the words “Test card”',
    caption: '',
    current: null,
  });
  assert.deepEqual(ok.problems, []);
  assert.deepEqual([ok.info?.width, ok.info?.height], [400, 200]);
});

test('an image’s key in email is its own, the same for everyone, and cannot be guessed from another', () => {
  const secret = 'x'.repeat(40);
  const key = mailImageKey(secret, 'image-1');
  assert.equal(key, mailImageKey(secret, 'image-1'));
  assert.notEqual(key, mailImageKey(secret, 'image-2'));
  assert.notEqual(key, mailImageKey('y'.repeat(40), 'image-1'));
  assert.ok(mailImageKeyMatches(secret, 'image-1', key));
  assert.ok(!mailImageKeyMatches(secret, 'image-2', key));
  assert.ok(!mailImageKeyMatches(secret, 'image-1', key.slice(1)));
  assert.ok(!mailImageKeyMatches(secret, 'image-1', ''));
});
