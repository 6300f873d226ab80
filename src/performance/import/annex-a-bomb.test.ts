import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { systemActor } from '../../platform/audit/audit.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { importAnnexA } from './annex-a.ts';

// Rule: zip bombs are measured, not declared (issue 10, item 3). The inflated bytes are counted
// while reading; a part that gives more than it declares, or a workbook past its limit (100
// times its size, at most 200 MB), is refused at once. The bombs are built here, not committed.

const dir = mkdtempSync(path.join(tmpdir(), 'annex-a-bomb-'));
const GIB = 2 ** 30;
const MIB = 2 ** 20;

/**
 * A raw deflate stream that inflates to a worksheet's opening tags and then `mib` MiB of spaces,
 * in about 1 KB a MiB: one compressed MiB, ended by a full flush (byte-aligned, no reference to
 * what came before), repeated, then an empty final block. Nothing of that size is ever in memory.
 */
function bombStream(mib: number, opening: string, unit = ' ') {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const head = deflateRawSync(Buffer.from(opening), flush);
  const repeated = deflateRawSync(Buffer.from(unit.repeat(Math.floor(MIB / unit.length))), flush);
  return Buffer.concat([head, ...Array(mib).fill(repeated), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])]);
}
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A zip holding a fixture's parts, with one part replaced by the bomb and the size it declares. */
async function bombWorkbook(name: string, declared: number, part = 'xl/worksheets/sheet4.xml') {
  const strings = part === 'xl/sharedStrings.xml';
  const source = await JSZip.loadAsync(
    readFileSync(
      path.join(import.meta.dirname, `fixtures/annex-a/${strings ? 'libreoffice' : 'openpyxl'}.xlsx`),
    ),
  );
  const bomb = strings
    ? bombStream(512, `<sst xmlns="${MAIN}">`, `<si><t>${'a'.repeat(1000)}</t></si>`)
    : bombStream(1024, `<worksheet xmlns="${MAIN}"><sheetData>`);
  const parts: { name: string; data: Buffer; size: number; crc: number }[] = [];
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    if (entry.name === part) {
      parts.push({ name: entry.name, data: bomb, size: declared, crc: 0 });
      continue;
    }
    const raw = await entry.async('nodebuffer');
    parts.push({ name: entry.name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) });
  }
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const nameBytes = Buffer.from(p.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(p.crc >>> 0, 14);
    header.writeUInt32LE(p.data.length, 18);
    header.writeUInt32LE(p.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    locals.push(header, nameBytes, p.data);
    const dirEntry = Buffer.alloc(46);
    dirEntry.writeUInt32LE(0x02014b50, 0);
    dirEntry.writeUInt16LE(20, 4);
    dirEntry.writeUInt16LE(20, 6);
    dirEntry.writeUInt16LE(8, 10);
    dirEntry.writeUInt32LE(p.crc >>> 0, 16);
    dirEntry.writeUInt32LE(p.data.length, 20);
    dirEntry.writeUInt32LE(p.size, 24);
    dirEntry.writeUInt16LE(nameBytes.length, 28);
    dirEntry.writeUInt32LE(offset, 42);
    central.push(dirEntry, nameBytes);
    offset += 30 + nameBytes.length + p.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat([...locals, dirBytes, end]));
  return { path: file, name };
}

test('a 1 MB workbook that inflates to 1 GiB is refused within a second and under 100 MB of extra memory, nothing written', async () => {
  const t = await createTestApp('sqlite');
  try {
    // Declaring 3 MB (the file) is caught as it inflates; declaring the whole GiB honestly
    // is refused before anything is inflated.
    // Shared strings are held in memory, so they stop sooner, at 16 million characters (this bomb
    // inflates to 512 MiB: text compresses less well than spaces, and it is still about 1 MB).
    const cases: { name: string; declared: number; part?: string; expect: RegExp }[] = [
      {
        name: 'bomb-declares-3mb.xlsx',
        declared: 3 * MIB,
        expect: /unpacks to more than the 3 MB it declares/,
      },
      {
        name: 'bomb-declares-1gib.xlsx',
        declared: GIB - 1,
        expect: /unpacks to more than \d+ MB \(100 times its size/,
      },
      {
        name: 'bomb-strings.xlsx',
        // Within the workbook's limit, so that the limit on shared strings is the one that stops it.
        declared: 90 * MIB,
        part: 'xl/sharedStrings.xml',
        expect: /shared strings are far larger/,
      },
    ];
    for (const c of cases) {
      const wb = await bombWorkbook(c.name, c.declared, c.part);
      const size = statSync(wb.path).size;
      assert.ok(size > 0.9 * MIB && size < 1.5 * MIB, `the bomb is about 1 MB (${size} bytes)`);
      const before = await t.db.selectFrom('child_plans').select('id').execute();
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sample = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 2);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const r = await importAnnexA(t.db, t.clock, systemActor('test'), wb, '2026-11-27');
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      clearInterval(sample);
      peak = Math.max(peak, process.memoryUsage().rss);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.errors[0]!.message, c.expect);
      const cpuMs = (used.user + used.system) / 1000;
      const extraMb = (peak - rssBefore) / MIB;
      process.stdout.write(
        `# ${c.name}: refused in ${Math.round(wall)} ms (${Math.round(cpuMs)} ms CPU), ${extraMb.toFixed(1)} MB more RSS at peak\n`,
      );
      // CPU time rather than wall time, so another process busy on a shared machine cannot fail it.
      assert.ok(cpuMs < 1000, `refused within a second of work (${cpuMs} ms)`);
      assert.ok(extraMb < 100, `under 100 MB of extra memory (${extraMb} MB)`);
      assert.equal((await t.db.selectFrom('child_plans').select('id').execute()).length, before.length);
    }
  } finally {
    await t.drop();
  }
});
