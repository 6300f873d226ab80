import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditExportTable, auditFilter, exportSummary, presentAuditLog } from './audit.presenter.ts';
import type { AuditRow } from './audit.repo.ts';

const row = (over: Partial<AuditRow> = {}): AuditRow => ({
  id: 'a1',
  at: '2026-07-01T13:05:00.000Z',
  actor_id: 'p1',
  actor_name: 'Chris Evans',
  action: 'view',
  record_type: 'staff',
  record_id: 's1',
  summary: 'Viewed staff record',
  outcome: 'allowed',
  ip: null,
  user_agent: null,
  ...over,
});

test('an empty field is no filter, and the filters in use travel in the download link and the page links', () => {
  const q = { person: 'chris', recordType: '', action: 'view', from: '2026-07-01', page: 2 };
  assert.deepEqual(auditFilter(q), {
    person: 'chris',
    recordType: undefined,
    recordId: undefined,
    action: 'view',
    from: '2026-07-01',
    to: undefined,
  });
  const view = presentAuditLog(q, { total: 250, rows: [row()], types: ['complaint', 'staff'] });
  assert.equal(view.exportHref, '/admin/audit.csv?person=chris&action=view&from=2026-07-01');
  assert.equal(
    view.pagination?.previous?.href,
    '/admin/audit?person=chris&action=view&from=2026-07-01&page=1',
  );
  assert.equal(view.pagination?.next?.href, '/admin/audit?person=chris&action=view&from=2026-07-01&page=3');
  assert.equal(view.summary, '250 entries found.');
  assert.deepEqual(
    view.actionItems.filter((a) => 'selected' in a && a.selected).map((a) => a.value),
    ['view'],
  );
  assert.equal(view.typeItems.length, 3);
});

test('audit rows read in London time, with the record named by type and id', () => {
  const view = presentAuditLog(
    { page: 1 },
    {
      total: 1,
      rows: [row(), row({ id: 'a2', record_id: null, record_type: 'audit-log', ip: '10.0.0.1' })],
      types: [],
    },
  );
  assert.equal(view.summary, '1 entry found.');
  assert.equal(view.rows[0]![0]!.text, '1 Jul 2026, 14:05', 'British Summer Time');
  assert.equal(view.rows[0]![3]!.text, 'staff s1');
  assert.equal(view.rows[1]![3]!.text, 'audit-log');
  assert.equal(view.rows[0]![6]!.text, '');
  assert.equal(view.pagination, undefined);
  assert.equal(
    presentAuditLog({ page: 1 }, { total: 0, rows: [], types: [] }).summary,
    'No entries match these filters.',
  );
});

test("an export's audit row says which filters were used; the file is named by the day", () => {
  assert.equal(exportSummary(auditFilter({ recordId: 's1', page: 1 })), 'Exported audit log (recordId=s1)');
  assert.equal(exportSummary(auditFilter({ page: 1 })), 'Exported audit log ()');
  assert.ok(exportSummary(auditFilter({ person: 'x'.repeat(400), page: 1 })).length <= 300);
  const table = auditExportTable([row()], new Date('2026-11-27T23:30:00Z'));
  assert.equal(table.filename, 'audit-log-2026-11-27');
  assert.deepEqual(
    table.columns.map((c) => c.header),
    [
      'at',
      'person',
      'person_id',
      'action',
      'record_type',
      'record_id',
      'summary',
      'outcome',
      'ip',
      'user_agent',
    ],
  );
});
