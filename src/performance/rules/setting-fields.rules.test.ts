import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  fieldValue,
  SETTING_FIELDS,
  SETTING_IDS,
  settingsForm,
  settingsFromForm,
} from './setting-fields.rules.ts';
import { DEFAULT_SETTINGS, withOverrides } from './settings.rules.ts';

const asTyped = (values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
const defaults = () =>
  Object.fromEntries(SETTING_FIELDS.map((f) => [f.name, fieldValue(DEFAULT_SETTINGS, f)]));

describe('the change-the-timescales form', () => {
  test('covers every number in the settings, once, and each default is within its own range', () => {
    const leaves = Object.entries(DEFAULT_SETTINGS).flatMap(([k, v]) =>
      typeof v === 'number' ? [k] : Object.keys(v).map((p) => `${k}-${p}`),
    );
    assert.deepEqual(SETTING_FIELDS.map((f) => f.name).sort(), leaves.sort());
    assert.deepEqual([...SETTING_IDS].sort(), Object.keys(DEFAULT_SETTINGS).sort());
    for (const f of SETTING_FIELDS) {
      const d = fieldValue(DEFAULT_SETTINGS, f);
      assert.ok(d >= f.min && d <= f.max, `${f.name} default ${d}`);
      assert.match(f.name, /^[a-zA-Z-]+$/, 'a field name can be a link target');
    }
  });

  test('any whole numbers within range are accepted and come back as the same settings (the engine’s own reading agrees)', () => {
    const arb = fc.record(
      Object.fromEntries(SETTING_FIELDS.map((f) => [f.name, fc.integer({ min: f.min, max: f.max })])),
    );
    fc.assert(
      fc.property(arb, (values) => {
        const parsed = settingsForm.parse({ ...asTyped(values), reason: 'why' });
        const { reason, ...numbers } = parsed as Record<string, number> & { reason: string };
        assert.equal(reason, 'why');
        const s = settingsFromForm(numbers);
        for (const f of SETTING_FIELDS) assert.equal(fieldValue(s, f), values[f.name]);
        // Stored as JSON and read back through withOverrides, nothing is lost.
        assert.deepEqual(withOverrides(JSON.parse(JSON.stringify(s))), s);
      }),
    );
  });

  test('each field refuses 0, one past its maximum, fractions, negatives, text and blanks', () => {
    for (const f of SETTING_FIELDS) {
      for (const bad of ['0', String(f.max + 1), '2.5', '-3', 'ten', '', '1e2']) {
        const r = settingsForm.safeParse({ ...asTyped(defaults()), [f.name]: bad, reason: 'why' });
        assert.equal(r.success, false, `${f.name} = "${bad}"`);
        assert.deepEqual(
          r.error!.issues.map((i) => i.path[0]),
          [f.name],
        );
        assert.match(r.error!.issues[0]!.message, new RegExp(`from ${f.min} to ${f.max}`));
      }
    }
    const noReason = settingsForm.safeParse({ ...asTyped(defaults()), reason: '  ' });
    assert.deepEqual(
      noReason.error?.issues.map((i) => [i.path[0], i.message]),
      [['reason', 'Enter the reason for the change']],
    );
  });
});
