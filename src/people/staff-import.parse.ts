import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ROLE_NAMES, ROLES, type Role } from '../platform/policy/roles.ts';

/** The staff CSV's columns, in template order. Documented in docs/data-formats.md. */
export const STAFF_COLUMNS = [
  'staff_number',
  'name',
  'email',
  'job_title',
  'team',
  'roles',
  'agency',
  'left_on',
] as const;

export const MAX_STAFF_ROWS = 20_000;

export interface StaffImportRow {
  row: number;
  staffNumber: string;
  name: string;
  email: string;
  jobTitle: string;
  team: string;
  roles: Role[];
  isAgency: boolean;
  leftOn: string | null;
}

export interface RowError {
  row: number | null;
  message: string;
}

const roleByText = new Map<string, Role>();
for (const r of ROLES) {
  roleByText.set(r, r);
  roleByText.set(ROLE_NAMES[r].toLowerCase(), r);
}

const YES = ['yes', 'y', 'true'];
const yesNo = z
  .string()
  .toLowerCase()
  .refine((s) => [...YES, 'no', 'n', 'false', ''].includes(s), 'agency must be yes or no')
  .transform((s) => YES.includes(s));

const rowSchema = z.object({
  staff_number: z
    .string()
    .min(1, 'staff_number is empty')
    .max(40, 'staff_number is longer than 40 characters'),
  name: z.string().min(1, 'name is empty').max(120, 'name is longer than 120 characters'),
  email: z.string().max(200).email('email is not a valid email address'),
  job_title: z.string().max(120, 'job_title is longer than 120 characters'),
  team: z.string().max(120),
  roles: z.string().max(300),
  agency: yesNo,
  left_on: z
    .string()
    .refine((s) => s === '' || isRealDate(s), 'left_on must be a date written YYYY-MM-DD, or empty'),
});

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Reads and checks a whole staff file without touching the database. Any
 * problem is reported with its row number (the header is row 1), and a file
 * with any problem is refused whole.
 */
export function parseStaffCsv(text: string): { rows: StaffImportRow[]; errors: RowError[] } {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 10_000,
    });
  } catch (err) {
    return {
      rows: [],
      errors: [{ row: null, message: `The file is not a readable CSV file (${(err as Error).message}).` }],
    };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [{ row: null, message: 'The file is empty.' }] };
  const cols = header.map((h) => h.toLowerCase());
  const missing = STAFF_COLUMNS.filter((c) => !cols.includes(c));
  const unknown = cols.filter((c) => !(STAFF_COLUMNS as readonly string[]).includes(c));
  const fileErrors: RowError[] = [];
  if (missing.length)
    fileErrors.push({ row: 1, message: `The header row is missing: ${missing.join(', ')}.` });
  if (unknown.length)
    fileErrors.push({ row: 1, message: `The header row has columns we do not know: ${unknown.join(', ')}.` });
  if (body.length > MAX_STAFF_ROWS)
    fileErrors.push({ row: null, message: `The file has more than ${MAX_STAFF_ROWS} rows.` });
  if (body.length === 0) fileErrors.push({ row: null, message: 'The file has a header but no rows.' });
  if (fileErrors.length) return { rows: [], errors: fileErrors };

  const rows: StaffImportRow[] = [];
  const errors: RowError[] = [];
  const seenNumbers = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length !== cols.length) {
      errors.push({ row, message: `has ${cells.length} cells; the header has ${cols.length}` });
      return;
    }
    const record = Object.fromEntries(cols.map((c, j) => [c, cells[j] ?? '']));
    const r = rowSchema.safeParse(record);
    if (!r.success) {
      for (const issue of r.error.issues) errors.push({ row, message: issue.message });
      return;
    }
    const parsed = r.data;
    const roles: Role[] = [];
    for (const part of parsed.roles
      .split(/[;|]/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean)) {
      const role = roleByText.get(part);
      if (!role) errors.push({ row, message: `role "${part}" is not one of: ${ROLES.join(', ')}` });
      else if (!roles.includes(role)) roles.push(role);
    }
    const email = parsed.email.toLowerCase();
    const dupNumber = seenNumbers.get(parsed.staff_number);
    if (dupNumber)
      errors.push({ row, message: `staff_number ${parsed.staff_number} is also on row ${dupNumber}` });
    const dupEmail = seenEmails.get(email);
    if (dupEmail) errors.push({ row, message: `email ${email} is also on row ${dupEmail}` });
    seenNumbers.set(parsed.staff_number, row);
    seenEmails.set(email, row);
    rows.push({
      row,
      staffNumber: parsed.staff_number,
      name: parsed.name,
      email,
      jobTitle: parsed.job_title,
      team: parsed.team,
      roles: roles.length ? roles : ['practitioner'],
      isAgency: parsed.agency,
      leftOn: parsed.left_on || null,
    });
  });
  return { rows: errors.length ? [] : rows, errors };
}

/** The downloadable template: the header and two example rows. */
export function staffTemplateCsv(): string {
  return [
    STAFF_COLUMNS.join(','),
    'S1001,Alex Example,alex.example@council.example,Social Worker,Assessment Team 1,practitioner,no,',
    'S1002,Jo Sample,jo.sample@council.example,Team Manager,Assessment Team 1,team-manager;practitioner,yes,',
  ].join('\r\n');
}
