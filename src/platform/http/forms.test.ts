import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { workEmail } from '../auth/fields.ts';
import { formErrors } from './forms.ts';

test('an empty email address gives one message, in the summary as by the field: the most basic first', () => {
  const result = z.object({ email: workEmail, name: z.string().min(1, 'Enter your name') }).safeParse({
    email: '',
    name: '',
  });
  assert.ok(!result.success);
  assert.ok(result.error.issues.filter((i) => i.path[0] === 'email').length > 1, 'zod finds two problems');
  assert.deepEqual(formErrors(result.error), {
    summary: [
      { text: 'Enter your work email address', href: '#email' },
      { text: 'Enter your name', href: '#name' },
    ],
    fields: { email: { text: 'Enter your work email address' }, name: { text: 'Enter your name' } },
  });
});

test('problems given by hand keep one per field too, in the order found', () => {
  assert.deepEqual(
    formErrors([
      { field: 'to', text: 'Enter the date it ended' },
      { field: 'from', text: 'Enter the date it started' },
      { field: 'to', text: 'The end must be after the start' },
    ]).summary.map((s) => s.href),
    ['#to', '#from'],
  );
});
