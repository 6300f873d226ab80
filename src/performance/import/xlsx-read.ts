import { StringDecoder } from 'node:string_decoder';
import { openZip, partChunks, partText, WorkbookProblem, type Zip } from './xlsx-zip.ts';

/**
 * A small reader for the values in an .xlsx workbook (SpreadsheetML), written for imports.
 *
 * It reads the parts in the order their meaning needs, not the order they sit in the file: the
 * workbook and its relationships first (which sheet is which part), then the shared strings and
 * the styles (which cells are dates), then each sheet, streamed row by row. Relationship targets
 * may be relative ("worksheets/sheet1.xml", as Excel and LibreOffice write) or absolute
 * ("/xl/worksheets/sheet1.xml", as openpyxl writes). Formulas are reported, never evaluated.
 * Every part goes through the measured limits of xlsx-zip.ts. See docs/architecture.md
 * ("Reading workbooks") for why this replaced exceljs's streaming reader.
 */

export type CellValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; serial: number }
  | { kind: 'iso-date'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string }
  | { kind: 'formula' };

export interface SheetRow {
  /** The row's number as the spreadsheet shows it (1 for the first). */
  row: number;
  /** By column, A = 0; a column with no cell is undefined. */
  cells: (CellValue | undefined)[];
}

export interface SheetInfo {
  name: string;
  /** Its position in the workbook, 1 for the first sheet. */
  position: number;
  /** The part holding it, or null if the workbook names a sheet it does not contain. */
  part: string | null;
}

export interface Workbook {
  zip: Zip;
  sheets: SheetInfo[];
  date1904: boolean;
  strings: string[];
  dateStyles: boolean[];
}

/** Excel's longest cell text; anything longer is not a spreadsheet value. */
export const MAX_CELL_TEXT = 32_767;
const MAX_TAG = 64 * 1024;
/**
 * The shared strings are the one part held in memory, so they have limits of their own, far above
 * what a real return holds (some tens of thousands of strings for 10,000 children: ids, answers,
 * dates written as text) and far below what a small file could otherwise inflate to.
 */
const MAX_SHARED_STRINGS = 1_000_000;
const MAX_SHARED_CHARACTERS = 16 * 1024 * 1024;

// --- a bounded, streaming scanner for the XML subset these parts use ---------------------------

interface XmlHandler {
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const localName = (qname: string) => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const decodeEntities = (s: string) =>
  s.indexOf('&') < 0
    ? s
    : s.replace(ENTITY, (_, e: string) => {
        if (e[0] === '#') {
          const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
        }
        return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!;
      });

/** Excel's own escape for characters XML cannot hold: _x000D_ is a carriage return. */
const decodeOoxml = (s: string) =>
  s.indexOf('_x') < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

const ATTRIBUTE = new Map<string, RegExp>();
/** One attribute of a tag (any namespace prefix), entity-decoded, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  // The common case, as every writer writes a cell's r, s and t: ` name="value"`.
  const quick = tag.indexOf(` ${name}="`);
  if (quick >= 0) {
    const from = quick + name.length + 3;
    const value = tag.slice(from, tag.indexOf('"', from));
    return value.indexOf('&') < 0 ? value : decodeEntities(value);
  }
  if (tag.indexOf(name) < 0) return undefined;
  let re = ATTRIBUTE.get(name);
  if (!re) {
    re = new RegExp(`\\s(?:[A-Za-z_][\\w.-]*:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE.set(name, re);
  }
  const m = re.exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

/** The end of the tag that starts at `from` (the index of '>'), skipping '>' inside quotes; -1 if not yet in the buffer. */
function tagEnd(buf: string, from: number): number {
  let quote = 0;
  for (let i = from + 1; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

/** A push-based scanner: write() each chunk of a part, then end(). Holds at most one unfinished tag. */
class XmlScanner {
  private decoder = new StringDecoder('utf8');
  private buf = '';
  private readonly part: string;
  private readonly h: XmlHandler;
  constructor(part: string, h: XmlHandler) {
    this.part = part;
    this.h = h;
  }

  private bad(why: string) {
    return new WorkbookProblem(`The workbook’s part ${this.part} could not be read: ${why}.`);
  }

  write(chunk: Buffer) {
    this.buf += this.decoder.write(chunk);
    this.feed();
  }

  end() {
    this.buf += this.decoder.end();
    this.feed();
    if (this.buf.trim()) throw this.bad('it ends in the middle of a tag');
  }

  private feed() {
    const { buf, h } = this;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text up to the end, except an entity the chunk boundary cut ("&am"), kept for next time.
        let cut = buf.length;
        const amp = buf.lastIndexOf('&');
        if (amp >= pos && buf.indexOf(';', amp) < 0) cut = amp;
        if (cut > pos) h.text(decodeEntities(buf.slice(pos, cut)));
        pos = cut;
        break;
      }
      if (lt > pos) {
        h.text(decodeEntities(buf.slice(pos, lt)));
        pos = lt;
      }
      const next = buf.charCodeAt(lt + 1);
      if (Number.isNaN(next)) break;
      if (next === 33 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end < 0) break;
          pos = end + 3;
        } else if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end < 0) break;
          h.text(buf.slice(lt + 9, end));
          pos = end + 3;
        } else if (buf.length - lt >= 9)
          throw this.bad('it declares a document type, which a workbook never does');
        else break;
        continue;
      }
      if (next === 63 /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end < 0) break;
        pos = end + 2;
        continue;
      }
      const gt = tagEnd(buf, lt);
      if (gt < 0) break;
      const tag = buf.slice(lt, gt + 1);
      pos = gt + 1;
      if (next === 47 /* / */) {
        h.close(localName(tag.slice(2, -1).trim()));
        continue;
      }
      let nameEnd = 1;
      while (nameEnd < tag.length) {
        const c = tag.charCodeAt(nameEnd);
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
        nameEnd++;
      }
      const name = localName(tag.slice(1, nameEnd));
      const selfClosing = tag.charCodeAt(tag.length - 2) === 47;
      h.open(name, tag, selfClosing);
      if (selfClosing) h.close(name);
    }
    this.buf = buf.slice(pos);
    if (this.buf.length > MAX_TAG) throw this.bad('a tag is longer than any workbook writes');
  }
}

async function scanPart(zip: Zip, part: string, h: XmlHandler) {
  const scanner = new XmlScanner(part, h);
  for await (const chunk of partChunks(zip, part)) scanner.write(chunk);
  scanner.end();
}

// --- the workbook's structure ---------------------------------------------------------------------

function* tags(xml: string, name: string): Generator<string> {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s/>][^>]*>`, 'g');
  for (const m of xml.matchAll(re)) yield m[0];
}

/** A relationship's target as a part name: absolute targets from the root, relative from the source's folder. */
function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const piece of target.replace(/^\/+/, '').split('/')) {
    if (piece === '..') base.pop();
    else if (piece !== '.' && piece !== '') base.push(decodeURIComponent(piece));
  }
  return base.join('/');
}

async function relationships(zip: Zip, source: string) {
  const dir = source.split('/').slice(0, -1).join('/');
  const relsName = `${dir ? `${dir}/` : ''}_rels/${source.split('/').pop()}.rels`;
  const out: { id: string; type: string; part: string }[] = [];
  if (!zip.entries.has(relsName.toLowerCase())) return out;
  for (const tag of tags(await partText(zip, relsName), 'Relationship')) {
    if (attr(tag, 'TargetMode') === 'External') continue;
    const target = attr(tag, 'Target');
    if (!target) continue;
    out.push({
      id: attr(tag, 'Id') ?? '',
      type: attr(tag, 'Type') ?? '',
      part: resolveTarget(source, target),
    });
  }
  return out;
}

/** Excel's built-in number formats that show a date or a time. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

async function dateStylesOf(zip: Zip, part: string | undefined): Promise<boolean[]> {
  if (!part || !zip.entries.has(part.toLowerCase())) return [];
  const xml = await partText(zip, part);
  const custom = new Map<number, string>();
  for (const tag of tags(xml, 'numFmt'))
    custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
  const cellXfs = /<(?:\w+:)?cellXfs[\s>][\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(xml)?.[0] ?? '';
  return [...tags(cellXfs, 'xf')].map((tag) => {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    return DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!));
  });
}

async function sharedStrings(zip: Zip, part: string | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!part || !zip.entries.has(part.toLowerCase())) return out;
  let current = '';
  let total = 0;
  let capture = false;
  let phonetic = 0;
  await scanPart(zip, part, {
    open(name, _tag, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && !phonetic && !selfClosing) capture = true;
    },
    close(name) {
      if (name === 'si') {
        out.push(decodeOoxml(current));
        total += current.length;
        if (out.length > MAX_SHARED_STRINGS || total > MAX_SHARED_CHARACTERS)
          throw new WorkbookProblem(
            'The workbook’s shared strings are far larger than an Annex A return’s: it is refused as unsafe.',
          );
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') capture = false;
    },
    text(text) {
      if (!capture) return;
      current += text;
      if (current.length > MAX_CELL_TEXT)
        throw new WorkbookProblem(
          `The workbook’s shared string ${out.length + 1} is longer than ${MAX_CELL_TEXT} characters, more than Excel allows in a cell.`,
        );
    },
  });
  return out;
}

/**
 * Opens a workbook: its sheets (name, order, part), its shared strings and which styles are
 * dates. Throws WorkbookProblem with a sentence for the person if it cannot.
 */
export async function openWorkbook(file: string): Promise<Workbook> {
  const zip = openZip(file);
  const root = await relationships(zip, '');
  const main =
    root.find((r) => r.type.endsWith('/officeDocument'))?.part ??
    (zip.entries.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  if (!main || !zip.entries.has(main.toLowerCase()))
    throw new WorkbookProblem('The file is not an Excel workbook (.xlsx): it has no workbook part.');
  const xml = await partText(zip, main);
  const rels = await relationships(zip, main);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [...tags(xml, 'sheet')].map((tag, i) => {
    const part = byId.get(attr(tag, 'id') ?? '')?.part;
    return {
      name: attr(tag, 'name') ?? `Sheet ${i + 1}`,
      position: i + 1,
      part: part && zip.entries.has(part.toLowerCase()) ? part : null,
    };
  });
  const pr = [...tags(xml, 'workbookPr')][0];
  const date1904 = pr ? /^(1|true)$/.test(attr(pr, 'date1904') ?? '') : false;
  const strings = await sharedStrings(zip, rels.find((r) => r.type.endsWith('/sharedStrings'))?.part);
  const dateStyles = await dateStylesOf(zip, rels.find((r) => r.type.endsWith('/styles'))?.part);
  return { zip, sheets, date1904, strings, dateStyles };
}

/** "AB12" → 27 (A = 0); -1 if the reference has no letters. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return i === 0 ? -1 : n - 1;
}

/** "A", "B", … "AA": a column's letters, for messages. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The rows of one sheet, streamed: memory holds one chunk of the part and the rows it completed.
 * Empty rows (no cell with a value) are left out.
 */
export async function* sheetRows(wb: Workbook, sheet: SheetInfo): AsyncGenerator<SheetRow[]> {
  if (!sheet.part)
    throw new WorkbookProblem(`The workbook names a sheet “${sheet.name}” but does not contain it.`);
  const part = sheet.part;
  let ready: SheetRow[] = [];
  let row: SheetRow | null = null;
  let rowNumber = 0;
  let nextColumn = 0;
  let col = 0;
  let type = 'n';
  let style = 0;
  let formula = false;
  let formulaText = '';
  let captureFormula = false;
  let value = '';
  let capture = false;
  let inline = false;
  let phonetic = 0;
  const problem = (why: string) =>
    new WorkbookProblem(`${sheet.name}, row ${rowNumber}, column ${columnLetters(col)}: ${why}.`);
  const finishCell = () => {
    if (!row) return;
    let cell: CellValue | undefined;
    // LibreOffice writes an error typed into a cell (#N/A) as a "formula" that is only the error.
    if (formula && !(type === 'e' && formulaText.trim() === value.trim())) cell = { kind: 'formula' };
    else if (type === 's') {
      if (value.trim() === '') return;
      const text = wb.strings[Number(value)];
      if (text === undefined) throw problem('the cell refers to a shared string the workbook does not have');
      cell = { kind: 'text', text };
    } else if (type === 'inlineStr' || type === 'str') cell = { kind: 'text', text: decodeOoxml(value) };
    else if (value === '') return;
    else if (type === 'b') cell = { kind: 'bool', value: value.trim() === '1' || value.trim() === 'true' };
    else if (type === 'e') cell = { kind: 'error', text: value.trim() };
    else if (type === 'd') cell = { kind: 'iso-date', text: value.trim() };
    else {
      const n = Number(value);
      if (!Number.isFinite(n)) throw problem(`the cell holds “${value.slice(0, 20)}”, which is not a number`);
      const serial = wb.dateStyles[style] ? n + (wb.date1904 ? 1462 : 0) : null;
      cell = serial === null ? { kind: 'number', value: n } : { kind: 'date', serial };
    }
    row.cells[col] = cell;
  };
  const scanner = new XmlScanner(part, {
    open(name, tag, selfClosing) {
      switch (name) {
        case 'row': {
          const r = attr(tag, 'r');
          rowNumber = r ? Number(r) : rowNumber + 1;
          if (!Number.isInteger(rowNumber) || rowNumber < 1) throw problem('the row has no proper number');
          row = { row: rowNumber, cells: [] };
          nextColumn = 0;
          return;
        }
        case 'c': {
          const r = attr(tag, 'r');
          col = r ? columnOf(r) : nextColumn;
          if (col < 0 || col > 16_383) throw problem('the cell has no proper reference');
          nextColumn = col + 1;
          type = attr(tag, 't') ?? 'n';
          style = Number(attr(tag, 's') ?? 0);
          formula = false;
          formulaText = '';
          captureFormula = false;
          inline = false;
          value = '';
          capture = false;
          if (selfClosing) return;
          return;
        }
        case 'f':
          formula = true;
          if (!selfClosing) captureFormula = true;
          return;
        case 'v':
          if (!selfClosing) capture = true;
          return;
        case 'is':
          inline = true;
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (inline && !phonetic && !selfClosing) capture = true;
          return;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = false;
          return;
        case 'f':
          captureFormula = false;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'c':
          finishCell();
          return;
        case 'row':
          if (row?.cells.some((c) => c !== undefined)) ready.push(row);
          row = null;
          return;
      }
    },
    text(text) {
      if (captureFormula && formulaText.length < 64) formulaText += text;
      if (!capture) return;
      value += text;
      if (value.length > MAX_CELL_TEXT)
        throw problem(`the cell is longer than ${MAX_CELL_TEXT} characters, more than Excel allows`);
    },
  });
  for await (const chunk of partChunks(wb.zip, part)) {
    scanner.write(chunk);
    if (ready.length) {
      const out = ready;
      ready = [];
      yield out;
    }
  }
  scanner.end();
  if (ready.length) yield ready;
}
