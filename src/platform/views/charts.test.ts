import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart, lineChart } from './charts.ts';

test('a bar chart draws one bar per value and carries the same figures in its table', () => {
  const c = barChart({
    title: 'Children seen <on time>',
    labels: ['w1', 'w2'],
    series: [{ name: 'Seen', values: [3, 5] }],
  });
  assert.equal((c.svg.match(/<rect [^>]*height="/g) ?? []).length, 2 + 1, 'two bars and one legend key');
  assert.match(c.svg, /<title id="chart-[-\d]+">Children seen &#60;on time&#62;<\/title>/);
  assert.deepEqual(
    c.table.rows.map((r) => r.map((x) => x.text)),
    [
      ['w1', '3'],
      ['w2', '5'],
    ],
  );
});

test('a line chart breaks its line where a value is missing', () => {
  const c = lineChart({ title: 't', labels: ['a', 'b', 'c'], series: [{ name: 's', values: [1, null, 2] }] });
  const d = c.svg.match(/<path d="([^"]+)"/)?.[1] ?? '';
  assert.equal((d.match(/M/g) ?? []).length, 2, 'two separate strokes');
  assert.equal(c.table.rows[1]?.[1]?.text, '–');
});
