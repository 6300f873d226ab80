import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainText, renderMarkdown } from './markdown.ts';

test('a standard’s Markdown is rendered with GOV.UK classes and nothing that runs (sanitised content rule)', () => {
  const html = renderMarkdown(
    'Visit **alone** where safe.\n\n- one\n- two\n\n<script>alert(1)</script>\n\n[guide](https://example.org/x) [bad](javascript:alert(1)) <img src=x onerror=alert(1)>',
  );
  assert.match(html, /<p class="govuk-body">Visit <strong>alone<\/strong> where safe.<\/p>/);
  assert.match(html, /<ul class="govuk-list govuk-list--bullet">/);
  assert.match(html, /<a href="https:\/\/example.org\/x" class="govuk-link">guide<\/a>/);
  assert.doesNotMatch(html, /script|onerror|javascript:|<img/i);
});

test('plain text drops the markup (what search indexes)', () => {
  assert.equal(plainText('# Minutes\n\nSend **within** 5 days'), 'Minutes Send within 5 days');
});
