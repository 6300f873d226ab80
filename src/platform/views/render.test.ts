import assert from 'node:assert/strict';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import './render.ts';

// Templates held in memory: a macro library whose top level counts how often it is run.
function envWith(templates: Record<string, string>, noCache: boolean) {
  const runs = { lib: 0 };
  const loader = {
    getSource: (name: string) => ({ src: templates[name]!, path: name, noCache }),
  };
  const env = new nunjucks.Environment(loader as unknown as nunjucks.ILoader, { autoescape: true });
  env.addGlobal('countRun', () => {
    runs.lib++;
    return '';
  });
  return { env, runs };
}

const lib = '{{ countRun() }}{% macro greet(name) %}<p>Hello {{ name }}{{ suffix }}</p>{% endmacro %}';

test('an import without a context runs its library once, and its macros still render each call', () => {
  const { env, runs } = envWith(
    { 'lib.njk': lib, 'page.njk': '{% from "lib.njk" import greet %}{{ greet(who) }}' },
    false,
  );
  assert.equal(env.render('page.njk', { who: 'Amina', suffix: '!' }), '<p>Hello Amina</p>');
  assert.equal(env.render('page.njk', { who: 'Daniel <b>' }), '<p>Hello Daniel &lt;b&gt;</p>');
  assert.equal(env.render('page.njk', { who: 'Grace' }), '<p>Hello Grace</p>');
  // Without the kept export Nunjucks runs the library's top level on each of the three renders.
  assert.equal(runs.lib, 1);
});

test('an import "with context" is run on every render, and sees that render’s variables', () => {
  const { env, runs } = envWith(
    { 'lib.njk': lib, 'page.njk': '{% from "lib.njk" import greet with context %}{{ greet(who) }}' },
    false,
  );
  assert.equal(env.render('page.njk', { who: 'Amina', suffix: '!' }), '<p>Hello Amina!</p>');
  assert.equal(env.render('page.njk', { who: 'Daniel', suffix: '?' }), '<p>Hello Daniel?</p>');
  assert.equal(runs.lib, 2);
});

test('templates read again each time (development) are run again each time', () => {
  const templates = { 'lib.njk': lib, 'page.njk': '{% import "lib.njk" as l %}{{ l.greet(who) }}' };
  const { env, runs } = envWith(templates, true);
  assert.equal(env.render('page.njk', { who: 'Amina' }), '<p>Hello Amina</p>');
  templates['lib.njk'] = lib.replace('Hello', 'Good morning');
  assert.equal(env.render('page.njk', { who: 'Amina' }), '<p>Good morning Amina</p>');
  assert.equal(runs.lib, 2);
});
