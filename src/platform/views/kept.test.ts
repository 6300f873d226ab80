import assert from 'node:assert/strict';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import { deepFreeze, KeptFragments, madeOnceFor } from './kept.ts';

const setUp = (budget?: number) => {
  const kept = new KeptFragments(budget);
  const env = new nunjucks.Environment(null, { autoescape: true });
  env.addExtension('kept', kept);
  const render = (data: unknown, token = 't1') =>
    env.renderString(
      '<p>{{ token }}</p>{% kept "part", data %}<h2>{{ data.title }}</h2>{% for s in data.items %}<li>{{ s }}</li>{% endfor %}{% endkept %}',
      { data, token },
    );
  return { kept, render };
};

test('a kept part is rendered once for its data, and again for different data', () => {
  const { kept, render } = setUp();
  const first = render({ title: 'Training <available>', items: ['Monday', 'Tuesday'] }, 'a');
  assert.equal(first, '<p>a</p><h2>Training &lt;available&gt;</h2><li>Monday</li><li>Tuesday</li>');
  // Another reader (another token outside the part), the same data: the kept HTML, not a render.
  assert.equal(
    render({ title: 'Training <available>', items: ['Monday', 'Tuesday'] }, 'b'),
    '<p>b</p><h2>Training &lt;available&gt;</h2><li>Monday</li><li>Tuesday</li>',
  );
  assert.equal(kept.rendered, 1);
  // A session's places change: the data differ, so the part is rendered again.
  assert.match(render({ title: 'Training <available>', items: ['Monday', 'Wednesday'] }), /Wednesday/);
  assert.equal(kept.rendered, 2);
});

test('a frozen view is known by its content, hashed once: another frozen copy of it is the same part, a different one is not', () => {
  const { kept, render } = setUp();
  const view = deepFreeze({ title: 'Training', items: ['Monday', 'Tuesday'] });
  assert.ok(Object.isFrozen(view.items), 'frozen all the way down');
  assert.throws(() => {
    (view.items as string[]).push('Wednesday');
  }, TypeError);
  render(view);
  render(view);
  render(deepFreeze({ title: 'Training', items: ['Monday', 'Tuesday'] }));
  // Inside a list made in the template, as a page's kept parts use them.
  render([view].map((v) => v)[0]);
  assert.equal(kept.rendered, 1);
  assert.match(render(deepFreeze({ title: 'Training', items: ['Monday', 'Thursday'] })), /Thursday/);
  assert.equal(kept.rendered, 2);
  // Only deepFreeze's promise counts: an object frozen on the surface alone is read as JSON each time.
  const shallow = Object.freeze({ title: 'Shallow', items: ['Friday'] });
  render(shallow);
  shallow.items.push('Saturday');
  assert.match(render(shallow), /Saturday/, 'its change is seen');
  assert.equal(kept.rendered, 4);
});

test('what is made of a kept (deep-frozen) view is made once and frozen; of any other view, every time', () => {
  const memo = new WeakMap<object, { n: number }>();
  let made = 0;
  const make = () => ({ n: ++made });
  const kept = deepFreeze({ rows: [1, 2] });
  const first = madeOnceFor(memo, kept, make);
  assert.equal(madeOnceFor(memo, kept, make), first);
  assert.ok(Object.isFrozen(first));
  const surface = Object.freeze({ rows: [1, 2] });
  madeOnceFor(memo, surface, make);
  madeOnceFor(memo, surface, make);
  assert.equal(made, 3, 'once for the kept view, twice for the one frozen on its surface only');
});

test('without data the part is rendered every time; the least recently used part goes first when full', () => {
  // Room for two parts of this size: '<h2>a</h2>' is 10 characters, kept as text (20 bytes) and as UTF-8 (10).
  const { kept, render } = setUp(66);
  render(null);
  render(null);
  assert.equal(kept.rendered, 0, 'not counted: never kept');
  render({ title: 'a' });
  render({ title: 'b' });
  render({ title: 'c' }); // 'a' goes
  render({ title: 'b' });
  assert.equal(kept.rendered, 3);
  render({ title: 'a' }); // 'c' goes: 'b' was used after it
  assert.equal(kept.rendered, 4);
  render({ title: 'b' });
  assert.equal(kept.rendered, 4, 'b is still kept');
  render({ title: 'c' });
  assert.equal(kept.rendered, 5, 'c was not');
});

test('a page rendered as bytes carries its kept parts as they were kept, and the same text as a string', () => {
  const kept = new KeptFragments();
  const env = new nunjucks.Environment(null, { autoescape: true });
  env.addExtension('kept', kept);
  const template =
    '<p>{{ who }} ’</p>{% for a in parts %}{% kept "a", a %}<h2>{{ a }} — “quoted”</h2>{% endkept %}<i>{{ loop.index }}</i>{% endfor %}';
  const context = { who: 'Amina', parts: ['one', 'two', 'one'] };
  const text = env.renderString(template, context);
  const bytes = kept.bytes(() => env.renderString(template, context));
  assert.equal(bytes.toString('utf8'), text);
  assert.equal(
    text,
    '<p>Amina ’</p><h2>one — “quoted”</h2><i>1</i><h2>two — “quoted”</h2><i>2</i><h2>one — “quoted”</h2><i>3</i>',
  );
  assert.equal(kept.rendered, 2);
  // The marker never reaches a page, nor a string rendered after one.
  assert.ok(!bytes.toString('utf8').includes('\u0000'));
  assert.ok(!env.renderString(template, context).includes('\u0000'));
});
