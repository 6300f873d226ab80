import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pattern, routeMatchers } from './support/crawl.ts';

// The crawl runs axe and the reflow check once per kind of page and role; these say what a kind is.
const routes = routeMatchers([
  '/',
  '/audits/new',
  '/audits/:id',
  '/practice-tools/scenarios',
  '/practice-tools/scenarios/:id',
  '/standards/:id/versions/:version',
  '/assets/*',
]);

test('a page is the route that serves it: scenarios by name and versions by number are one kind each', () => {
  assert.equal(pattern('/practice-tools/scenarios/teen-missing', routes), '/practice-tools/scenarios/:id');
  assert.equal(pattern('/practice-tools/scenarios/young-carer', routes), '/practice-tools/scenarios/:id');
  assert.equal(pattern('/practice-tools/scenarios', routes), '/practice-tools/scenarios');
  assert.equal(pattern('/standards/abc/versions/2', routes), '/standards/:id/versions/:version');
  assert.equal(pattern('/', routes), '/');
});

test('a static route wins over a parameter in the same place, as in Fastify', () => {
  assert.equal(pattern('/audits/new', routes), '/audits/new');
  assert.equal(pattern('/audits/audit-12', routes), '/audits/:id');
});

test('the query stays, with ids and numbers replaced: a filter or a tab is a page of its own', () => {
  assert.equal(pattern('/audits/x?status=open&page=3', routes), '/audits/:id?status=open&page=n');
  assert.equal(
    pattern('/audits/x?person=0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', routes),
    '/audits/:id?person=:id',
  );
  assert.equal(pattern('/performance/children?team=1&measure=visits', routes), '/performance/children?…');
});

test('without routes, or for a path no route serves, ids and numbers alone are replaced', () => {
  assert.equal(pattern('/staff/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b?page=2'), '/staff/:id?page=n');
  assert.equal(pattern('/not/a-route', routes), '/not/a-route');
});
