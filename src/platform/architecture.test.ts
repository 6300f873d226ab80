import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  duplicateNames,
  exportedRoutesFunctions,
  type Finding,
  isRouteFile,
  isTestFile,
  linesOf,
  listTsFiles,
  parseSource,
  readSource,
  requestCasts,
  routeDeclarations,
  sqlFindings,
  userAssertions,
} from '../../scripts/architecture/scan.ts';

// The layer rules an import graph cannot see (dependency-cruiser checks the imports: npm run lint).
// See docs/architecture.md, "Layer rules and the architecture report". Each rule prints every
// offending file:line; `npm run architecture:report` gives the same figures with totals.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const sources = listTsFiles(`${ROOT}src`)
  .map((abs) => abs.slice(ROOT.length))
  .filter((f) => !isTestFile(f))
  .map((f) => readSource(f, ROOT));

const listing = (findings: Finding[]) => findings.map((f) => `  ${f.file}:${f.line}  ${f.what}`).join('\n');

const sample = (text: string, file = 'src/x/sample.routes.ts') => parseSource(file, text);
const whats = (findings: Finding[]) => findings.map((f) => f.what);

describe('the scanners find what they look for, and only that', () => {
  const cases: { name: string; hit: string; expect: string; miss: string }[] = [
    {
      name: 'query-builder starts',
      hit: "const r = await db.selectFrom('staff').selectAll().execute();",
      expect: 'selectFrom(',
      miss: "// db.selectFrom('staff')\nconst s = 'selectFrom(x)'; selectFromList(db, 'x');",
    },
    {
      name: 'inserts',
      hit: "await trx.insertInto('x').values(v).execute();",
      expect: 'insertInto(',
      miss: "await saveThing(trx, v); const insertInto = 'x';",
    },
    { name: 'updates', hit: "q.updateTable('x')", expect: 'updateTable(', miss: 'updateTables(db)' },
    { name: 'deletes', hit: "q.deleteFrom('x')", expect: 'deleteFrom(', miss: 'removeFrom(db, x)' },
    { name: 'replace', hit: "q.replaceInto('x')", expect: 'replaceInto(', miss: 'replaceIn(x)' },
    { name: 'merge', hit: "q.mergeInto('x')", expect: 'mergeInto(', miss: 'merge(x, y)' },
    {
      name: 'transactions',
      hit: 'await services.db.transaction().execute(async (t) => change(t));',
      expect: '.transaction(',
      miss: 'await changeInOneTransaction(services, x); const n = transactions.length;',
    },
    {
      name: 'executing a query',
      hit: 'const row = await query.executeTakeFirst();',
      expect: '.executeTakeFirst(',
      miss: 'const row = await getRow(db, id); executeSoon(); /* q.execute() */',
    },
    {
      name: 'execute on a builder',
      hit: 'await eventsQuery(db, id).execute();',
      expect: '.execute(',
      miss: "await recordEvent(db, id); const execute = 'later';",
    },
    {
      name: 'raw SQL templates',
      hit: 'await sql`select 1`.execute(db);',
      expect: 'sql`…`',
      miss: "const text = 'sql`select 1`'; mysql`x`;",
    },
    {
      name: 'sql helpers',
      hit: 'const order = sql.raw(column);',
      expect: 'sql.raw',
      miss: 'const order = rawSql(column); other.raw(column);',
    },
    {
      name: 'other uses of the database object',
      hit: 'const n = services.db.fn.count;',
      expect: 'services.db.fn',
      miss: 'const { db } = services; await list(db, services.db); const dbName = x.dbName;',
    },
    {
      name: 'imports from kysely, types included',
      hit: "import type { Selectable } from 'kysely';",
      expect: "import from 'kysely'",
      miss: "import { list } from './kysely-free.repo.ts';",
    },
  ];
  for (const c of cases) {
    test(`SQL in a route file: ${c.name}`, () => {
      assert.ok(whats(sqlFindings(sample(c.hit))).includes(c.expect), `expected ${c.expect} in: ${c.hit}`);
      assert.deepEqual(sqlFindings(sample(c.miss)), [], `expected nothing in: ${c.miss}`);
    });
  }

  test('a finding carries its line', () => {
    const found = sqlFindings(
      sample("const a = 1;\n\nconst r = await db\n  .selectFrom('x')\n  .execute();"),
    );
    assert.deepEqual(
      found.map((f) => `${f.line} ${f.what}`),
      ['4 selectFrom(', '5 .execute('],
    );
  });

  test('req.user!', () => {
    assert.deepEqual(
      whats(userAssertions(sample('const u = req.user!;\ncan(req.user!, "x");\nf(request.user!.id);'))),
      ['req.user!', 'req.user!', 'request.user!'],
    );
    assert.deepEqual(
      userAssertions(sample('const u = req.user; f(req.user?.id); const v = user!; g(req.users!);')),
      [],
    );
  });

  test('casts of req.params, req.query and req.body', () => {
    assert.deepEqual(
      whats(
        requestCasts(
          sample(
            'const { id } = req.params as { id: string };\nconst q = (req.query as Q).page;\n' +
              'const b = (req.body ?? {}) as Record<string, unknown>;\nconst c = <B>request.body;',
          ),
        ),
      ),
      ['req.params as', 'req.query as', 'req.body as', 'request.body as'],
    );
    assert.deepEqual(
      requestCasts(
        sample('const p = idForm.parse(req.params); const h = req.headers as H; const x = y as Z;'),
      ),
      [],
    );
  });

  test('exported *Routes functions that share a name', () => {
    const decls = [
      sample('export function adminRoutes(app) {}', 'src/admin/routes.ts'),
      sample(
        'export const adminRoutes = (app) => {};\nfunction localRoutes() {}',
        'src/learning/admin.routes.ts',
      ),
      sample('export function auditRoutes(app) {}\nexport function helper() {}', 'src/admin/audit.routes.ts'),
      sample('export function helper() {}\nfunction auditRoutes() {}', 'src/learning/other.ts'),
    ].flatMap(exportedRoutesFunctions);
    assert.deepEqual(
      [...duplicateNames(decls)].map(
        ([name, ds]) => `${name}: ${ds.map((d) => `${d.file}:${d.line}`).join(', ')}`,
      ),
      ['adminRoutes: src/admin/routes.ts:1, src/learning/admin.routes.ts:1'],
    );
  });

  test('route declarations, in each style, with their handlers and lengths (the report measures these)', () => {
    const src = sample(
      [
        "get(app, '/a', rules, async (req, reply) => {\n  return reply.send(1);\n});",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source code under test, not a template
        "page(app, { method: 'POST', url: `/b/${x}`, permission: 'p' }, async ({ reply }) => reply.send(2));",
        "form(app, { url: '/c', permission: 'p', back: () => '/c' }, async () => ({ to: '/', message: '' }));",
        "app.route({ method: 'GET', url: '/d', config: rules, handler: async () => 'd' });",
        'getDownload(app, BASE, rules, async () => {});',
        "const v = cache.get('k'); headers.get('x'); get(app, url, rules, handler);",
      ].join('\n'),
    );
    const decls = routeDeclarations(src);
    // A URL that is not a plain literal is shown as written, `${…}` and all.
    const dollar = '$';
    assert.deepEqual(
      decls.map((d) => `${d.line} ${d.method} ${d.url} ${d.handler ? linesOf(src, d.handler) : '-'}`),
      [
        '1 GET /a 3',
        `4 POST /b/${dollar}{x} 1`,
        '5 POST /c 1',
        '6 GET /d 1',
        `7 GET ${dollar}{BASE} 1`,
        `8 GET ${dollar}{url} -`,
      ],
    );
  });

  test('route files are x.routes.ts, routes.ts and x-routes.ts, never tests', () => {
    for (const f of [
      'src/a/b.routes.ts',
      'src/a/routes.ts',
      'src/a/deep/routes.ts',
      'src/platform/http/platform-routes.ts',
    ])
      assert.ok(isRouteFile(f), f);
    for (const f of [
      'src/a/b.routes.test.ts',
      'src/a/reroutes.ts',
      'src/a/routes.service.ts',
      'src/a/route.ts',
    ])
      assert.ok(!isRouteFile(f), f);
  });
});

describe('src/ follows the layer rules', () => {
  test('the scan saw the source tree', () => {
    assert.ok(sources.length > 50, `only ${sources.length} source files found under ${ROOT}src`);
    assert.ok(
      sources.some((s) => isRouteFile(s.file)),
      'no route files found',
    );
  });

  test('route files run no query and open no transaction (that is the service and repository’s job)', () => {
    const found = sources.filter((s) => isRouteFile(s.file)).flatMap(sqlFindings);
    assert.equal(
      found.length,
      0,
      `${found.length} query-builder calls, raw SQL or transactions in route files:\n${listing(found)}`,
    );
  });

  test('no req.user! (the guard hands routes a typed, signed-in user)', () => {
    const found = sources.flatMap(userAssertions);
    assert.equal(found.length, 0, `${found.length} uses of req.user!:\n${listing(found)}`);
  });

  test('no req.params / req.query / req.body cast with `as` (parse them with a schema)', () => {
    const found = sources.flatMap(requestCasts);
    assert.equal(found.length, 0, `${found.length} casts of request input:\n${listing(found)}`);
  });

  test('no two exported *Routes functions share a name', () => {
    const dups = duplicateNames(sources.flatMap(exportedRoutesFunctions));
    const text = [...dups].map(
      ([name, ds]) => `  ${name}:\n${ds.map((d) => `    ${d.file}:${d.line}`).join('\n')}`,
    );
    assert.equal(dups.size, 0, `${dups.size} *Routes names declared more than once:\n${text.join('\n')}`);
  });
});
