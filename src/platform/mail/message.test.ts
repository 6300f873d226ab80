import assert from 'node:assert/strict';
import { test } from 'node:test';
import { booking, LAYOUT } from './fixtures.ts';
import { contrast, mjmlCompiles, textOn } from './layout.ts';
import { absoluteUrl } from './links.ts';
import { composeMessage } from './message.ts';
import { InvalidMailError } from './outbox.ts';

test('links: paths become absolute from BASE_URL; anything that cannot be absolute is refused', () => {
  assert.equal(
    absoluteUrl('https://hub.example', '/learning/1?a=b#c'),
    'https://hub.example/learning/1?a=b#c',
  );
  assert.equal(absoluteUrl('https://hub.example/', '/x'), 'https://hub.example/x');
  assert.equal(
    absoluteUrl('https://council.example/hub/', '/x'),
    'https://council.example/hub/x',
    'a path prefix is kept',
  );
  assert.equal(
    absoluteUrl('https://hub.example', 'https://elsewhere.example/a'),
    'https://elsewhere.example/a',
  );
  for (const bad of ['learning/1', '//evil.example/x', 'javascript:alert(1)', 'mailto:x@y.example', '']) {
    assert.throws(() => absoluteUrl('https://hub.example', bad), InvalidMailError, bad);
  }
});

test('the plain-text part is written from the same blocks as the HTML part, links written out in full', async () => {
  const m = await composeMessage(booking(7), LAYOUT);
  assert.equal(m.to, 'worker7@calderbrook.example');
  assert.equal(m.subject, 'Your place on Signs of Safety is confirmed');
  const expectedText = [
    'Your place is confirmed',
    'Dear Amara 7,',
    'You have a place on Signs of Safety: the basics.',
    'Date: Tuesday 1 December 2026\nTime: 9:30am to 12:30pm\nPlace: Room 2, Calderbrook House',
    'See your booking: https://hub.calderbrook.example/learning/bookings/7?from=email&x=1',
    '- Bring a case to discuss\n- Read the pre-course notes: https://hub.calderbrook.example/learning/courses/sos/notes',
    'Cancel your place: https://hub.calderbrook.example/learning/bookings/7/cancel',
    'Learning and Development team\nCalderbrook Council',
    '-- \nPractice & Learning Hub, Calderbrook Council\nhttps://hub.calderbrook.example/',
  ].join('\n\n');
  assert.equal(m.text, `${expectedText}\n`);
  // The same words, in the same order, in the HTML part.
  const html = m.html!;
  let at = 0;
  for (const words of [
    'Your place is confirmed',
    'Dear Amara 7,',
    'Tuesday 1 December 2026',
    'See your booking',
  ]) {
    const i = html.indexOf(words, at);
    assert.ok(i > at, `"${words}" is in the HTML part, after what comes before it`);
    at = i;
  }
  assert.match(html, /href="https:\/\/hub\.calderbrook\.example\/learning\/bookings\/7\?from=email&#38;x=1"/);
});

test('text in a message is text: markup in a name is escaped in the HTML part, kept as it is in the text part', async () => {
  const m = await composeMessage(booking(1, '<script>alert("x")</script> & Co'), LAYOUT);
  assert.doesNotMatch(m.html!, /<script>/);
  assert.match(m.html!, /Dear &#60;script&#62;alert\(&#34;x&#34;\)&#60;\/script&#62; &#38; Co,/);
  assert.match(m.text, /Dear <script>alert\("x"\)<\/script> & Co,/);
});

test('a relative link that cannot be made absolute stops the message', async () => {
  const bad = booking(1);
  bad.blocks.push({ type: 'link', text: 'Oops', href: 'learning/x' });
  await assert.rejects(composeMessage(bad, LAYOUT), InvalidMailError);
});

test('3,000 personalised messages of one template compile the MJML layout once', async () => {
  await composeMessage(booking(0), LAYOUT);
  const before = mjmlCompiles();
  const started = performance.now();
  const messages = [];
  for (let n = 1; n <= 3000; n++) messages.push(await composeMessage(booking(n), LAYOUT));
  const ms = performance.now() - started;
  assert.equal(mjmlCompiles() - before, 0, 'no compile after the first message of this shape');
  for (const n of [1, 1500, 3000]) {
    assert.match(messages[n - 1]!.html!, new RegExp(`Dear Amara ${n},`));
    assert.match(messages[n - 1]!.html!, new RegExp(`/learning/bookings/${n}/cancel"`));
    assert.doesNotMatch(messages[n - 1]!.html!, /hubslot\d/, 'every slot is filled');
  }
  // Not an assertion (machines differ): the figure, for the record.
  console.log(`# 3,000 messages composed in ${Math.round(ms)} ms (${(ms / 3000).toFixed(3)} ms each)`);
  // A message of another shape (one more paragraph) compiles once more.
  const other = booking(1);
  other.blocks.push({ type: 'paragraph', text: 'One more thing.' });
  await composeMessage(other, LAYOUT);
  assert.equal(mjmlCompiles() - before, 1);
});

test('the brand colour comes from config, with text on it that keeps 4.5:1 contrast', async () => {
  assert.equal(textOn('#005a70'), '#ffffff');
  assert.equal(textOn('#ffdd00'), '#0b0c0c', 'a light brand colour gets dark text');
  for (const brand of ['#005a70', '#ffdd00', '#d4351c', '#00703c', '#b1b4b6']) {
    assert.ok(contrast(brand, textOn(brand)) >= 4.5, brand);
  }
  const yellow = await composeMessage(booking(1), { ...LAYOUT, brandColour: '#FFDD00' });
  assert.match(yellow.html!, /background-color:#ffdd00/);
  assert.match(yellow.html!, /color:#0b0c0c;"\s*>\s*Calderbrook Council/);
  await assert.rejects(composeMessage(booking(1), { ...LAYOUT, brandColour: 'red' }), InvalidMailError);
});

test('a picture of the message’s own: absolute address, its alt text escaped, never wider than the column; “[Image: …]” in text', async () => {
  const m = booking(1);
  m.blocks.push(
    {
      type: 'image',
      src: '/bulletin/mail-images/a/k',
      alt: 'A "quoted" <b>diagram</b>',
      width: 960,
      height: 360,
    },
    {
      type: 'image',
      src: '/bulletin/mail-images/b/k',
      alt: 'A small card',
      width: 240,
      height: 120,
      caption: 'Drawn in Chromium',
    },
  );
  const out = await composeMessage(m, LAYOUT);
  const imgs = [...out.html!.matchAll(/<img\b[^>]*>/g)].map((x) => x[0]);
  assert.equal(imgs.length, 2);
  assert.match(imgs[0]!, /src="https:\/\/hub\.calderbrook\.example\/bulletin\/mail-images\/a\/k"/);
  assert.match(imgs[0]!, /alt="A &#34;quoted&#34; &#60;b&#62;diagram&#60;\/b&#62;"/);
  assert.match(imgs[0]!, /width="552"/, 'a wide picture is the column’s width');
  assert.match(imgs[1]!, /width="240"/, 'a narrow one keeps its own');
  assert.match(out.html!, /Drawn in Chromium/);
  assert.match(
    out.text,
    /\[Image: A "quoted" <b>diagram<\/b>\]\n\n\[Image: A small card\]\nDrawn in Chromium/,
  );
  const bad = booking(1);
  bad.blocks.push({ type: 'image', src: 'relative.png', alt: 'x', width: 1, height: 1 });
  await assert.rejects(composeMessage(bad, LAYOUT), InvalidMailError, 'a picture’s address is absolute too');
});
