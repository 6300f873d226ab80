import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleHtml, articleText } from './markdown.ts';

// The usual ways of getting script into Markdown that is rendered as HTML.
const VECTORS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<svg onload="alert(1)"><circle r="5"/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<div onclick="alert(1)">div</div>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<math><mtext><a href="javascript:alert(1)">m</a></mtext></math>',
  '<form action="https://evil.example"><button>go</button></form>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<style>body{display:none}</style>',
  '![x](https://evil.example/x.png "onerror=alert(1)")',
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="//evil.example">protocol relative</a>',
];

test('the sanitiser removes scripts, handlers, javascript: and data: links, SVG, iframes and styles', () => {
  for (const v of VECTORS) {
    const html = articleHtml(`Before\n\n${v}\n\nAfter`).toLowerCase();
    assert.doesNotMatch(html, /<script|<svg|<iframe|<object|<embed|<form|<base|<meta|<style|<img|<math/, v);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/, v);
    assert.doesNotMatch(html, /style=/, v);
    assert.doesNotMatch(html, /href="(javascript|data|vbscript):|href="\/\//, v);
    assert.doesNotMatch(html, /javascript:|vbscript:/, v);
    assert.match(html, /before/, v);
    assert.match(html, /after/, v);
  }
});

test('ordinary Markdown keeps its meaning, with the design system’s classes', () => {
  const html = articleHtml(
    '**Open questions** help.\n\n- one\n- two\n\n[Research in Practice](https://www.researchinpractice.org.uk/)',
  );
  assert.match(html, /<p class="govuk-body"><strong>Open questions<\/strong> help\.<\/p>/);
  assert.match(html, /<ul class="govuk-list govuk-list--bullet">\s*<li>one<\/li>/);
  assert.match(
    html,
    /<a href="https:\/\/www\.researchinpractice\.org\.uk\/" class="govuk-link">Research in Practice<\/a>/,
  );
  assert.equal(articleText('**Tell me** about it & more'), 'Tell me about it & more');
});
