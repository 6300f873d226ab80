import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findPython, runPython } from '../python.ts';
import { imageInfo } from './image-info.ts';
import { withoutMetadata } from './image-metadata.ts';

const py = findPython(['PIL']);

// Pillow writes each kind of image the bulletin takes as a phone or an editor would: GPS
// position, camera, time, comments, XMP, PNG text chunks, a rotated JPEG with a colour profile.
const WRITE = String.raw`
import io, json, os, sys
from PIL import Image, ImageCms, PngImagePlugin
out = json.load(sys.stdin)['dir']
img = Image.new('RGB', (48, 32), (200, 30, 30))
for x in range(48): img.putpixel((x, x % 32), (0, 0, 255))
exif = Image.Exif()
exif[0x0112] = 6
exif[0x010f] = 'PhoneMaker'
exif[0x0110] = 'PhoneModel 7'
exif[0x0132] = '2026:11:30 14:02:11'
exif[0x8825] = {1: 'N', 2: (53.0, 48.0, 12.5), 3: 'W', 4: (1.0, 32.0, 5.0)}
raw = exif.tobytes()
xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">12 Acacia Road</x:xmpmeta>'
icc = ImageCms.ImageCmsProfile(ImageCms.createProfile('sRGB')).tobytes()
b = io.BytesIO(); img.save(b, 'JPEG', exif=raw, comment=b'Taken at 12 Acacia Road', icc_profile=icc, quality=95)
jpeg = b.getvalue()
# XMP goes in an APP1 segment of its own, after the others (Pillow 9 writes none).
seg = b'http://ns.adobe.com/xap/1.0/\x00' + xmp
jpeg = jpeg[:2] + b'\xff\xe1' + (len(seg) + 2).to_bytes(2, 'big') + seg + jpeg[2:]
# What some phones append after the picture's end.
jpeg += b'\xff\xd8\xff\xe1\x00\x10Exif\x00\x00TRAILERGPS\xff\xd9'
open(os.path.join(out, 'photo.jpg'), 'wb').write(jpeg)
b = io.BytesIO(); img.save(b, 'JPEG', exif=raw, progressive=True, quality=90)
open(os.path.join(out, 'progressive.jpg'), 'wb').write(b.getvalue())
info = PngImagePlugin.PngInfo()
info.add_text('Comment', 'Taken at 12 Acacia Road')
info.add_itxt('Description', 'Outside number 12', lang='en')
info.add_text('Author', 'A social worker', zip=True)
img.save(os.path.join(out, 'screenshot.png'), 'PNG', exif=raw, pnginfo=info, dpi=(144, 144))
img.save(os.path.join(out, 'photo.webp'), 'WEBP', exif=raw, xmp=xmp, quality=90)
img.convert('P').save(os.path.join(out, 'poster.gif'), 'GIF', comment=b'Taken at 12 Acacia Road')
print(json.dumps(sorted(os.listdir(out))))
`;

// Pillow reads each file back: the pixels, what EXIF and other metadata are left, and whether
// the colour profile and pixel density a picture needs are still there.
const READ = String.raw`
import io, json, sys
from PIL import Image
pairs = json.load(sys.stdin)['pairs']
res = {}
for name, before, after in pairs:
    a = Image.open(before); b = Image.open(after)
    b.load()
    exif = b.getexif()
    info = {k: (v if isinstance(v, (int, str)) else repr(v)) for k, v in b.info.items() if k not in ('exif', 'icc_profile', 'dpi', 'jfif', 'jfif_version', 'jfif_unit', 'jfif_density', 'progressive', 'progression', 'loop', 'background', 'duration', 'version', 'transparency', 'timestamp')}
    res[name] = {
        'format': b.format,
        'size': list(b.size),
        'samePixels': a.convert('RGB').tobytes() == b.convert('RGB').tobytes(),
        'exif': sorted(exif.keys()),
        'orientation': exif.get(0x0112),
        'gps': {str(k): repr(v) for k, v in exif.get_ifd(0x8825).items()},
        'icc': 'icc_profile' in b.info,
        'dpi': [round(d) for d in b.info['dpi']] if 'dpi' in b.info else None,
        'other': info,
    }
print(json.dumps(res))
`;

test('uploaded images lose their GPS position, camera, comments and XMP; Pillow reads the same pixels, orientation and colour profile', {
  skip: py.skip,
}, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-image-metadata-'));
  try {
    const names = runPython(py.python!, WRITE, JSON.stringify({ dir })) as string[];
    assert.deepEqual(
      names,
      ['photo.jpg', 'photo.webp', 'progressive.jpg', 'poster.gif', 'screenshot.png'].sort(),
    );
    const pairs = names.map((name) => {
      const before = readFileSync(path.join(dir, name));
      assert.match(before.toString('latin1'), /Acacia|PhoneMaker/, `${name} carries what we must remove`);
      const info = imageInfo(before)!;
      const after = withoutMetadata(before, info.kind);
      assert.ok(after, `${name} is read to its end`);
      // Nothing identifying is left anywhere in the bytes, whatever a reader shows.
      assert.doesNotMatch(
        after.toString('latin1'),
        /Acacia|PhoneMaker|PhoneModel|2026:11:30|TRAILER|social worker|number 12/,
        name,
      );
      assert.deepEqual(imageInfo(after), info, `${name}: still the same kind and size of image`);
      const out = path.join(dir, `clean-${name}`);
      writeFileSync(out, after);
      return [name, path.join(dir, name), out];
    });
    const read = runPython(py.python!, READ, JSON.stringify({ pairs })) as Record<
      string,
      {
        format: string;
        samePixels: boolean;
        exif: number[];
        orientation: number | null;
        gps: object;
        icc: boolean;
        dpi: number[] | null;
        other: object;
      }
    >;
    for (const name of names) {
      const r = read[name]!;
      assert.ok(r.samePixels, `${name}: the pixels are untouched`);
      assert.deepEqual(r.gps, {}, `${name}: no GPS position`);
      assert.deepEqual(r.other, {}, `${name}: no comment, text chunk or XMP`);
    }
    for (const jpeg of ['photo.jpg', 'progressive.jpg']) {
      // The picture still shows the right way up: the orientation is the one EXIF field kept.
      assert.deepEqual(read[jpeg]!.exif, [0x0112], jpeg);
      assert.equal(read[jpeg]!.orientation, 6, jpeg);
    }
    assert.ok(read['photo.jpg']!.icc, 'the JPEG keeps its colour profile');
    assert.deepEqual(read['screenshot.png']!.exif, [], 'the PNG has no EXIF left');
    assert.deepEqual(read['screenshot.png']!.dpi, [144, 144], 'and keeps its pixel density');
    assert.deepEqual(read['photo.webp']!.exif, [], 'the WebP has no EXIF left');
    assert.equal(read['photo.webp']!.format, 'WEBP');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an image with nothing to remove comes back byte for byte', () => {
  for (const name of ['chromium-screenshot.png', 'pillow-lossless.webp', 'pillow-lossy.webp', 'pillow.gif']) {
    const bytes = readFileSync(path.join(import.meta.dirname, 'fixtures', name));
    assert.deepEqual(withoutMetadata(bytes, imageInfo(bytes)!.kind), bytes, name);
  }
});

test('an image damaged after its size (a segment that runs past the end) is not taken: its contents cannot be told', () => {
  const photo = readFileSync(path.join(import.meta.dirname, 'fixtures', 'pillow-photo.jpg'));
  const sof = photo.indexOf(Buffer.from([0xff, 0xc0]));
  const end = sof + 2 + photo.readUInt16BE(sof + 2);
  // The frame header whole (so its size can be read), then a table that says it is longer than the file.
  const cut = Buffer.concat([photo.subarray(0, end), Buffer.from([0xff, 0xc4, 0x40, 0x00, 0x01])]);
  assert.ok(imageInfo(cut), 'its headers still give a size');
  assert.equal(withoutMetadata(cut, 'jpeg'), null);
  const png = readFileSync(path.join(import.meta.dirname, 'fixtures', 'chromium-screenshot.png'));
  assert.equal(withoutMetadata(png.subarray(0, 60), 'png'), null);
});

test('a JPEG’s thumbnails go too: JFIF’s own, and the JFXX extension that holds only thumbnails', () => {
  const photo = readFileSync(path.join(import.meta.dirname, 'fixtures', 'pillow-photo.jpg'));
  const segment = (payload: Buffer) => {
    const head = Buffer.from([0xff, 0xe0, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  };
  // JFIF 1.02, no units, 1×1 density, a 2×1 thumbnail of RGB pixels; then a JFXX thumbnail.
  const thumb = Buffer.from([0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]);
  const jfif = segment(Buffer.concat([Buffer.from('JFIF\0\x01\x02\0\0\x01\0\x01\x02\x01', 'latin1'), thumb]));
  const jfxx = segment(Buffer.from('JFXX\0\x13uncropped-thumbnail', 'latin1'));
  const body = photo.subarray(2 + 2 + photo.readUInt16BE(4)); // after SOI and Pillow's own JFIF
  const withThumbs = Buffer.concat([photo.subarray(0, 2), jfif, jfxx, body]);
  const clean = withoutMetadata(withThumbs, 'jpeg')!;
  assert.ok(!clean.includes(thumb), 'no thumbnail pixels');
  assert.ok(!clean.includes(Buffer.from('JFXX')), 'no JFXX segment');
  const app0 = clean.subarray(2, 2 + 2 + clean.readUInt16BE(4));
  assert.equal(app0.toString('latin1', 4, 9), 'JFIF\0', 'JFIF itself is kept, first');
  assert.deepEqual(
    [app0.length, app0.readUInt16BE(2), app0[16], app0[17]],
    [18, 16, 0, 0],
    'with a 0×0 thumbnail and the length of a JFIF segment without one',
  );
  assert.deepEqual(
    app0.subarray(9, 16),
    jfif.subarray(9, 16),
    'its version, units and densities as they were',
  );
  assert.deepEqual(imageInfo(clean), imageInfo(photo));
});
