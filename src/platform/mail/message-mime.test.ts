import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb } from '../../testing/test-db.ts';
import { findPython, runPython } from '../python.ts';
import { messageIdDomain } from './compose.ts';
import { booking, LAYOUT } from './fixtures.ts';
import { composeMessage } from './message.ts';
import { enqueueMail } from './outbox.ts';
import { createMailTransport, sendDueMail } from './sender.ts';
import { startSmtpServer } from './smtp-test-server.ts';

/**
 * Reads a message as another program does: Python's email package in strict
 * mode (any defect in the MIME is an error), then its html.parser over the
 * HTML part. Prints what the checks below need, as JSON.
 */
const READ_MIME = String.raw`
import sys, json, re, email, email.policy
from html.parser import HTMLParser

msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.strict)
parts = [p for p in msg.walk() if not p.is_multipart()]
out = {
    "type": msg.get_content_type(),
    "message_id": msg["Message-ID"],
    "subject": msg["Subject"],
    "parts": [[p.get_content_type(), p.get_content_charset()] for p in parts],
}
text = next(p for p in parts if p.get_content_type() == "text/plain").get_content()
html = next(p for p in parts if p.get_content_type() == "text/html").get_content()
out["text"] = text

VOID = {"meta", "br", "img", "hr", "link", "input", "col", "area", "base", "source"}

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.html_lang = None
        self.imgs = []
        self.hrefs = []
        self.tables = []
        self.styles = []
        self.unstyled_text = []
        self.in_style = None
        self.max_widths = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "img":
            self.imgs.append(a.get("src"))
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "table":
            self.tables.append({"role": a.get("role"), "row_headers": False})
        if tag == "th" and a.get("scope") == "row" and self.tables:
            self.tables[-1]["row_headers"] = True
        if tag == "style":
            self.in_style = {"media": a.get("media"), "css": ""}
        m = re.search(r"max-width:\s*(\d+)px", a.get("style") or "")
        if m:
            self.max_widths.append(int(m.group(1)))
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        if tag == "style" and self.in_style is not None:
            self.styles.append(self.in_style)
            self.in_style = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_comment(self, data):
        # Outlook's conditional comments hold tables too: count their roles.
        for t in re.findall(r"<table\b[^>]*>", data):
            self.tables.append({"role": "presentation" if 'role="presentation"' in t else None, "row_headers": False, "in_comment": True})

    def handle_data(self, data):
        if self.in_style is not None:
            self.in_style["css"] += data
            return
        tags = [t for t, _ in self.stack]
        if not data.strip() or "body" not in tags:
            return
        styles = [a.get("style") or "" for _, a in self.stack]
        if any("display:none" in s.replace(" ", "") for s in styles):
            return  # the preheader: hidden by design
        if not any("font-family" in s for s in styles):
            self.unstyled_text.append(data.strip())

page = Page()
page.feed(html)
out["html"] = {
    "lang": page.html_lang,
    "imgs": page.imgs,
    "hrefs": page.hrefs,
    "tables": page.tables,
    "styles": page.styles,
    "unstyled_text": page.unstyled_text,
    "max_widths": page.max_widths,
}
print(json.dumps(out))
`;

interface Read {
  type: string;
  message_id: string;
  subject: string;
  parts: [string, string | null][];
  text: string;
  html: {
    lang: string | null;
    imgs: (string | null)[];
    hrefs: string[];
    tables: { role: string | null; row_headers: boolean; in_comment?: boolean }[];
    styles: { media: string | null; css: string }[];
    unstyled_text: string[];
    max_widths: number[];
  };
}

/** The selectors of a style sheet outside its @media blocks. */
function selectorsOutsideMedia(css: string): string[] {
  let flat = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // Drop @media blocks, whose rules only adjust the layout to the screen (nested braces).
  for (;;) {
    const at = flat.search(/@media\b/);
    if (at < 0) break;
    let i = flat.indexOf('{', at);
    let depth = 0;
    for (; i < flat.length; i++) {
      if (flat[i] === '{') depth++;
      if (flat[i] === '}' && --depth === 0) break;
    }
    flat = flat.slice(0, at) + flat.slice(i + 1);
  }
  return [...flat.matchAll(/([^{}]+)\{[^}]*\}/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()));
}

// MJML's reset, which every client either applies or ignores without harm to the layout.
const MJML_RESET = new Set(['#outlook a', 'body', 'table', 'td', 'img', 'p', '.mj-outlook-group-fix']);

const py = findPython();
test('a composed message sent through the real sender reads, in strict MIME, as the rules for email ask', {
  skip: py.skip,
}, async () => {
  const t = await createTestDb('sqlite');
  const smtp = await startSmtpServer();
  const transport = createMailTransport(smtp.url);
  try {
    const services = { ...t.services, config: { ...t.services.config, baseUrl: LAYOUT.baseUrl } };
    const id = await enqueueMail(t.db, t.clock, await composeMessage(booking(42), LAYOUT));
    assert.equal((await sendDueMail(services, transport, 'w')).sent, 1);
    const raw = Buffer.from(smtp.received[0]!.raw, 'utf8');
    const m = runPython(py.python!, READ_MIME, raw) as Read;
    const h = m.html;

    // Rule: every message has an HTML part and a plain-text part.
    assert.equal(m.type, 'multipart/alternative', 'one message, two alternatives');
    assert.deepEqual(m.parts, [
      ['text/plain', 'utf-8'],
      ['text/html', 'utf-8'],
    ]);
    assert.match(m.text, /^Dear Amara 42,$/m, 'the text part carries the message');

    // Rule: lang.
    assert.equal(h.lang, 'en-GB', 'the html element says its language');

    // Rule: no remote images; readable with images off (there are no images at all).
    assert.deepEqual(h.imgs, [], 'no <img> at all, so nothing is lost with images off');

    // Rule: every link in every message is absolute, from BASE_URL.
    assert.ok(h.hrefs.length >= 3);
    for (const href of h.hrefs) assert.match(href, /^https:\/\/hub\.calderbrook\.example\//, href);
    const textLinks = m.text.match(/\bhttps?:\/\/\S+/g) ?? [];
    assert.equal(textLinks.length, 4, 'button, list item, link and home page, written out in the text part');
    assert.doesNotMatch(m.text, /(^|\s)\/[a-z]/m, 'no bare path in the text part');

    // Rule: Message-ID on BASE_URL's host.
    assert.equal(m.message_id, `<${id}@hub.calderbrook.example>`);

    // Rule: presentation tables. Every layout table says role="presentation";
    // the one table that is data (label and value) has row headers instead.
    assert.ok(h.tables.length > 5);
    for (const table of h.tables) {
      assert.ok(table.role === 'presentation' || table.row_headers, JSON.stringify(table));
    }
    assert.equal(h.tables.filter((x) => x.row_headers).length, 1, 'the details table');

    // Rule: table-based, about 600 px.
    assert.ok(h.max_widths.includes(600), 'the columns are held to 600 px');
    assert.ok(Math.max(...h.max_widths) <= 600);

    // Rule: CSS inlined. Every piece of visible text sits inside an element whose
    // own style attribute sets the font, so it reads the same where <style> is stripped.
    assert.deepEqual(h.unstyled_text, [], 'text without an inline font');
    // MJML keeps a few <style> blocks: its reset and the @media rules that let the
    // columns stack on a phone. We keep them (decided in docs/architecture.md): no
    // rule of ours is in them, so a client that drops them loses nothing of the layout.
    for (const sheet of h.styles) {
      if (sheet.media) continue; // <style media="…">: screen-size rules only
      for (const selector of selectorsOutsideMedia(sheet.css)) {
        assert.ok(MJML_RESET.has(selector), `a rule outside @media for ${selector}`);
      }
    }
  } finally {
    transport?.close();
    await smtp.close();
    await t.drop();
  }
});

test('Message-ID: on BASE_URL’s host; the machine’s own name when BASE_URL is unset, never localhost', () => {
  assert.equal(messageIdDomain('https://hub.calderbrook.gov.uk', 'web-1'), 'hub.calderbrook.gov.uk');
  // What config says when BASE_URL is unset.
  assert.equal(messageIdDomain('http://localhost:3000', 'hub-server-2'), 'hub-server-2');
  assert.equal(messageIdDomain('http://127.0.0.1:3000', 'Hub Server'), 'hubserver');
  assert.equal(messageIdDomain('http://localhost:3000', 'localhost'), 'practice-hub.invalid');
  assert.notEqual(messageIdDomain('http://localhost:3000'), 'localhost');
});
