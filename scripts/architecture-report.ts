/**
 * npm run architecture:report — how far src/ is from the layer rules (docs/architecture.md,
 * "Layer rules and the architecture report"), as figures that can be compared before and after
 * a restructuring. Reads the source (scripts/architecture/scan.ts) and dependency-cruiser's JSON
 * for the import graph (the same .dependency-cruiser.cjs that `npm run lint` uses).
 *
 * The output is sorted and carries no dates or timings, so two runs on the same tree are equal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ICruiseResult, IViolation } from 'dependency-cruiser';
import ts from 'typescript';
import {
  duplicateNames,
  exportedRoutesFunctions,
  type Finding,
  isRouteFile,
  isTestFile,
  linesOf,
  listTsFiles,
  type RouteDeclaration,
  readSource,
  requestCasts,
  routeDeclarations,
  type Source,
  type SqlKind,
  sqlFindings,
  userAssertions,
} from './architecture/scan.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
process.chdir(ROOT);

const HANDLER_LINES = 20;
const FILE_LINES = 300;

// ---------------------------------------------------------------------------------------------
// What is scanned: every .ts file under src/ that is not a test.

const sources = listTsFiles('src')
  .filter((f) => !isTestFile(f))
  .map((f) => readSource(f));
const byFile = new Map(sources.map((s) => [s.file, s]));
const lineCount = (s: Source) => s.text.split('\n').length - (s.text.endsWith('\n') ? 1 : 0);
const routeFiles = sources.filter((s) => isRouteFile(s.file));

// ---------------------------------------------------------------------------------------------
// The import graph, from dependency-cruiser (its exit code is the number of errors: not ours to judge).

function cruise(): ICruiseResult {
  const bin = 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs';
  const run = spawnSync(
    process.execPath,
    [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
  );
  try {
    return JSON.parse(run.stdout) as ICruiseResult;
  } catch {
    throw new Error(`dependency-cruiser gave no JSON (exit ${run.status}):\n${run.stderr}`);
  }
}
const graph = cruise();
const violations = (rule: string) => graph.summary.violations.filter((v) => v.rule.name === rule);
const deps = new Map(graph.modules.map((m) => [m.source, m.dependencies.map((d) => d.resolved)]));

/** Each cycle once, written from its alphabetically first module. */
function cycles(): string[][] {
  const seen = new Map<string, string[]>();
  for (const v of violations('no-cycles')) {
    const ring = (v.cycle ?? []).map((c) => c.name);
    if (!ring.includes(v.from)) ring.unshift(v.from);
    const start = ring.indexOf([...ring].sort()[0] as string);
    const rotated = [...ring.slice(start), ...ring.slice(0, start)];
    seen.set(rotated.join(' '), rotated);
  }
  return [...seen.values()].sort((a, b) => a.join().localeCompare(b.join()));
}

// ---------------------------------------------------------------------------------------------
// "The files behind a page", first figure, "modules reachable": every project module one page can
// reach through imports, end to end (the call-level "files to read" is the next section).
//
// Method (deliberately mechanical, so the before and after figures are made the same way):
//  1. Find the route declaration (get/post/formPost/app.route …) with that method and URL.
//  2. Resolve (with the type checker's scopes, see usesOf) what that declaration uses — its rules
//     and its handler — and, when that is a function or constant declared in the same file, what
//     that uses too, transitively. The imports reached give the starting modules. So the route
//     file's imports that only its other handlers use are NOT counted; the route file itself is.
//  3. From the starting modules follow dependency-cruiser's import graph transitively (type-only
//     imports included, as in the rules), whole modules at a time (a module counts even if one
//     function of it is used), stopping at: src/platform/** (listed apart, not counted — it is
//     what every page stands on), another feature's api.ts (counted, not followed — it is a
//     contract), packages and tests. Another feature's non-api file is followed like our own:
//     reaching into it is exactly what makes a page expensive to read.
//  4. Views: the .njk names written in the walked code (step 2) and in the non-route project
//     modules reached, then every template they extend, include or import, stopping at
//     platform/ templates (listed apart) and GOV.UK / MoJ macros.

interface PageSpec {
  name: string;
  routes: { method: string; url: string }[];
}

const PAGES: PageSpec[] = [
  {
    name: 'course session page, and booking a place',
    routes: [
      { method: 'GET', url: '/learning/sessions/:id' },
      { method: 'POST', url: '/learning/sessions/:id/book' },
    ],
  },
  { name: "a team's children", routes: [{ method: 'GET', url: '/performance/teams/:id' }] },
  { name: 'a complaint', routes: [{ method: 'GET', url: '/complaints/:id' }] },
];

const routeDecls: RouteDeclaration[] = sources.flatMap(routeDeclarations);

const featureOf = (file: string) => /^src\/([^/]+)\//.exec(file)?.[1];
const isPlatform = (file: string) => file.startsWith('src/platform/');

/**
 * What a piece of a route file uses, resolved by the type checker's scopes (so a `team` declared
 * in another handler is not mistaken for this handler's `team`): the project modules it imports
 * from, and the declarations in the same file it relies on, to be walked in turn. The program holds
 * only this one file (noResolve), which is all the binder needs and keeps it quick.
 */
function usesOf(file: string) {
  const program = ts.createProgram({
    rootNames: [file],
    options: { noResolve: true, noLib: true, types: [], allowImportingTsExtensions: true, noEmit: true },
  });
  const ast = program.getSourceFile(file) as ts.SourceFile;
  const checker = program.getTypeChecker();
  const src: Source = { file, text: ast.text, ast };
  const uses = (node: ts.Node) => {
    const modules = new Set<string>();
    const locals = new Set<ts.Node>();
    const visit = (n: ts.Node) => {
      if (ts.isIdentifier(n)) {
        for (const d of checker.getSymbolAtLocation(n)?.declarations ?? []) {
          if (d.getSourceFile() !== ast) continue;
          const imp = ts.findAncestor(d, ts.isImportDeclaration);
          if (imp && ts.isStringLiteral(imp.moduleSpecifier)) {
            const spec = imp.moduleSpecifier.text;
            if (spec.startsWith('.')) modules.add(posix.normalize(posix.join(posix.dirname(file), spec)));
          } else if (ts.isParameter(d) || ts.findAncestor(d, (a) => a === node)) {
            // A parameter is input, not code to read; a declaration inside the node is walked already.
          } else {
            locals.add(ts.findAncestor(d, ts.isVariableDeclaration) ?? d);
          }
        }
      }
      n.forEachChild(visit);
    };
    visit(node);
    return { modules, locals };
  };
  return { src, uses };
}

const NJK = /^[\w./-]+\.njk$/;
const NJK_TAG = /{%-?\s*(?:extends|include|import|from)\s+["']([^"']+\.njk)["']/g;

function njkLiterals(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && NJK.test(n.text))
      out.push(n.text);
    n.forEachChild(visit);
  };
  visit(node);
  return out;
}

/**
 * The templates named, and every template they extend, include or import, stopping at platform/
 * templates (returned apart) and GOV.UK / MoJ macros (from packages, not files here).
 */
function viewsFrom(names: Iterable<string>) {
  const views = new Set<string>();
  const platformViews = new Set<string>();
  const vq = [...names];
  while (vq.length) {
    const name = vq.pop() as string;
    if (views.has(name) || platformViews.has(name)) continue;
    if (name.startsWith('platform/')) {
      platformViews.add(name);
      continue;
    }
    const path = `src/${name}`;
    if (!existsSync(path)) continue; // govuk/…, moj/…: from packages
    views.add(name);
    for (const m of readFileSync(path, 'utf8').matchAll(NJK_TAG)) vq.push(m[1] as string);
  }
  return { views, platformViews };
}

interface PageFiles {
  spec: PageSpec;
  declaredIn: string[];
  missing: string[];
  files: string[];
  views: string[];
  platform: string[];
  platformViews: string[];
}

function pageFiles(spec: PageSpec): PageFiles {
  const files = new Set<string>();
  const platform = new Set<string>();
  const declaredIn = new Set<string>();
  const missing: string[] = [];
  const start = new Set<string>();
  const viewNames = new Set<string>();
  let pageFeature: string | undefined;

  for (const r of spec.routes) {
    const decl = routeDecls.find((d) => d.method === r.method && d.url === r.url);
    if (!decl) {
      missing.push(`${r.method} ${r.url}`);
      continue;
    }
    pageFeature ??= featureOf(decl.file);
    declaredIn.add(decl.file);
    files.add(decl.file);
    // The same declaration again, in the checker's copy of the file.
    const { src, uses } = usesOf(decl.file);
    const call = routeDeclarations(src).find((d) => d.line === decl.line && d.url === decl.url)?.call;
    const walked = new Set<ts.Node>();
    const queue: ts.Node[] = [...(call?.arguments.slice(1) ?? [])];
    while (queue.length) {
      const node = queue.pop() as ts.Node;
      if (walked.has(node)) continue;
      walked.add(node);
      for (const v of njkLiterals(node)) viewNames.add(v);
      const used = uses(node);
      for (const m of used.modules) start.add(m);
      for (const l of used.locals) if (!walked.has(l)) queue.push(l);
    }
  }

  // Step 3: the import graph, from the starting modules.
  const queue = [...start];
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith('src/') || isTestFile(file)) continue;
    if (isPlatform(file)) {
      platform.add(file);
      continue;
    }
    files.add(file);
    if (featureOf(file) !== pageFeature && /^src\/[^/]+\/api\.ts$/.test(file)) continue;
    const src = byFile.get(file);
    if (src && !isRouteFile(file)) for (const v of njkLiterals(src.ast)) viewNames.add(v);
    queue.push(...(deps.get(file) ?? []));
  }

  // Step 4: templates and what they pull in.
  const { views, platformViews } = viewsFrom(viewNames);

  const sorted = (x: Set<string>) => [...x].sort();
  return {
    spec,
    declaredIn: sorted(declaredIn),
    missing,
    files: sorted(files),
    views: sorted(views),
    platform: sorted(platform),
    platformViews: sorted(platformViews),
  };
}

// ---------------------------------------------------------------------------------------------
// "Files to read": the same pages, followed call by call rather than module by module.
//
// The figure above counts every module reachable by imports, so a page pays for every function of
// every module it touches and for everything those modules import. This one counts what a reader
// following the page's code has to open. Method (mechanical too, so before and after compare):
//  1. The same route declarations; start from each one's handler function (its last argument, or
//     the options' handler/run) only — not its options, which are rules rather than code to follow.
//  2. In a walked node, every identifier (and property name, e.g. `repo.find` or `this.x`) is
//     resolved by the type checker of one program over all of src/: getSymbolAtLocation, then
//     import aliases one step at a time (getImmediateAliasedSymbol) so that a name re-exported
//     through another feature's api.ts is seen to pass through it, then the symbol's value
//     declaration.
//  3. Not followed: names in type positions and symbols with no value declaration (interfaces,
//     type aliases: type-only, no file to read for them), members of interfaces and type literals
//     (their implementation is not knowable statically), parameters, declarations inside the node
//     being walked (walked with it), and anything outside src/ (packages, lib) or in a test.
//  4. A declaration in src/platform/** is listed apart (not counted, not followed). One in another
//     feature's api.ts — reached directly, or by an alias passing through it — counts that api.ts
//     and stops there: it is a contract. Anything else in src/ counts its file and is walked in
//     turn: a function, method, accessor, property or variable declaration whole (a destructured
//     name, its whole declaration); a class without its methods (construction, fields, `extends`),
//     since a method counts only when something calls it; a namespace import only counts its file.
//  5. Views: the .njk names written in the walked nodes, expanded as in step 4 above (viewsFrom).

interface CallFiles {
  files: string[];
  views: string[];
  platform: string[];
  platformViews: string[];
}

const callProgram = (() => {
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.json',
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram({ rootNames: sources.map((s) => s.file), options: config.options });
  return { program, checker: program.getTypeChecker() };
})();

const projectPath = (sf: ts.SourceFile) => posix.relative(ROOT.replace(/\/$/, ''), sf.fileName);
const isApiFile = (file: string) => /^src\/[^/]+\/api\.ts$/.test(file);

/** The node to walk for a declaration reached, or undefined for none (its file still counts). */
function bodyOf(d: ts.Declaration): ts.Node | undefined {
  if (ts.isBindingElement(d)) return ts.findAncestor(d, ts.isVariableDeclaration) ?? d;
  if (ts.isSourceFile(d) || ts.isModuleDeclaration(d)) return undefined;
  return d;
}

function callFiles(spec: PageSpec): CallFiles {
  const { program, checker } = callProgram;
  const files = new Set<string>();
  const platform = new Set<string>();
  const viewNames = new Set<string>();
  const walked = new Set<ts.Node>();
  const queue: ts.Node[] = [];
  let pageFeature: string | undefined;

  /** Where a reference leads: counts its file, and queues its declaration when it is to be walked. */
  const reach = (symbol: ts.Symbol) => {
    let s = symbol;
    while (s.flags & ts.SymbolFlags.Alias) {
      const via = s.declarations?.[0];
      const viaFile = via && projectPath(via.getSourceFile());
      if (viaFile && isApiFile(viaFile) && featureOf(viaFile) !== pageFeature) {
        files.add(viaFile);
        return;
      }
      const next = checker.getImmediateAliasedSymbol(s);
      if (!next) return;
      s = next;
    }
    const d = s.valueDeclaration;
    if (!d || ts.isParameter(d) || ts.isTypeParameterDeclaration(d)) return;
    if (ts.findAncestor(d, (a) => ts.isInterfaceDeclaration(a) || ts.isTypeLiteralNode(a))) return;
    const file = projectPath(d.getSourceFile());
    if (!file.startsWith('src/') || isTestFile(file)) return;
    if (isPlatform(file)) {
      platform.add(file);
      return;
    }
    files.add(file);
    if (isApiFile(file) && featureOf(file) !== pageFeature) return;
    const body = bodyOf(d);
    if (body && !walked.has(body)) queue.push(body);
  };

  const walkNode = (root: ts.Node) => {
    for (const v of njkLiterals(root)) viewNames.add(v);
    const skip = (n: ts.Node) =>
      ts.isClassLike(root) &&
      n.parent === root &&
      (ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n));
    const visit = (n: ts.Node) => {
      if (skip(n) || ts.isTypeNode(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) return;
      if (ts.isIdentifier(n) && n !== (root as ts.NamedDeclaration).name) {
        const s =
          ts.isShorthandPropertyAssignment(n.parent) && n.parent.name === n
            ? checker.getShorthandAssignmentValueSymbol(n.parent)
            : checker.getSymbolAtLocation(n);
        const d = s?.declarations?.[0];
        // A name declared inside the node being walked is walked with it.
        if (s && !(d && d.getSourceFile() === root.getSourceFile() && ts.findAncestor(d, (a) => a === root)))
          reach(s);
      }
      n.forEachChild(visit);
    };
    visit(root);
  };

  for (const r of spec.routes) {
    const decl = routeDecls.find((d) => d.method === r.method && d.url === r.url);
    if (!decl) continue;
    pageFeature ??= featureOf(decl.file);
    files.add(decl.file);
    const sf = program.getSourceFile(decl.file);
    if (!sf) continue;
    const src: Source = { file: decl.file, text: sf.text, ast: sf };
    const handler = routeDeclarations(src).find((d) => d.line === decl.line && d.url === decl.url)?.handler;
    if (handler) queue.push(handler);
  }
  while (queue.length) {
    const node = queue.pop() as ts.Node;
    if (walked.has(node)) continue;
    walked.add(node);
    walkNode(node);
  }

  const { views, platformViews } = viewsFrom(viewNames);
  const sorted = (x: Set<string>) => [...x].sort();
  return {
    files: sorted(files),
    views: sorted(views),
    platform: sorted(platform),
    platformViews: sorted(platformViews),
  };
}

// ---------------------------------------------------------------------------------------------
// The figures.

const sql = routeFiles.flatMap(sqlFindings);
const sqlKinds: [string, SqlKind][] = [
  ['query-builder starts (selectFrom( insertInto( …)', 'builder'],
  ['transactions (.transaction( .connection( …)', 'transaction'],
  ['query executions (.execute( .executeTakeFirst( …)', 'execute'],
  ['raw SQL (sql`…`, sql.raw …)', 'raw'],
  ['other members of the db object (db.fn …)', 'db'],
  ['imports from kysely', 'import'],
];
const userBangs = sources.flatMap(userAssertions);
const casts = sources.flatMap(requestCasts);
const handlers = sources
  .flatMap((s) => routeDeclarations(s).map((d) => ({ d, s })))
  .filter(({ d }) => d.handler)
  .map(({ d, s }) => ({ d, lines: linesOf(s, d.handler as ts.Node) }));
const longHandlers = handlers.filter((h) => h.lines > HANDLER_LINES);
const bigFiles = sources
  .filter((s) => lineCount(s) > FILE_LINES)
  .map((s) => ({ file: s.file, lines: lineCount(s) }));
const dupNames = duplicateNames(sources.flatMap(exportedRoutesFunctions));
const cycleList = cycles();
const ruleRows: [string, string][] = [
  ['cross-feature imports not through api.ts', 'feature-to-feature-only-via-api'],
  ['platform → a feature or the composition root', 'platform-imports-no-feature'],
  ['route file → kysely', 'routes-no-kysely'],
  ["route file → another feature's *.repo.ts", 'routes-no-other-feature-repo'],
  ['composition root → a feature past feature.ts/api.ts', 'root-to-feature-only-via-manifest-or-api'],
];
const pages = PAGES.map((spec) => ({ ...pageFiles(spec), calls: callFiles(spec) }));

// ---------------------------------------------------------------------------------------------
// Printing.

const out: string[] = [];
const say = (line = '') => out.push(line);
const filesIn = (fs: Finding[]) => new Set(fs.map((f) => f.file)).size;
const row = (label: string, value: string | number) =>
  say(`  ${label.padEnd(58, ' ')}${String(value).padStart(6)}`);
const heading = (title: string) => {
  say();
  say(title);
  say('-'.repeat(title.length));
};
const byLine = (fs: Finding[]) => {
  const lines = new Map<string, string[]>();
  for (const f of fs) {
    const k = `${f.file}:${f.line}`;
    lines.set(k, [...(lines.get(k) ?? []), f.what]);
  }
  return [...lines].map(([k, w]) => `  ${k}  ${w.join(' ')}`);
};

/** The last commit that changed what is measured (non-test files in src/), when git can tell. */
const measured = spawnSync(
  'git',
  ['log', '-1', '--format=%h %s', '--', 'src', ':(exclude,glob)src/**/*.test.ts'],
  {
    encoding: 'utf8',
  },
).stdout?.trim();
const totalLines = sources.reduce((n, s) => n + lineCount(s), 0);
say(
  `Architecture report — src/: ${sources.length} non-test .ts files, ${totalLines} lines, ${routeFiles.length} route files`,
);
if (measured) say(`(src/ as of ${measured.length > 100 ? `${measured.slice(0, 99)}…` : measured})`);
say('(route file = x.routes.ts, routes.ts or x-routes.ts; "now" counts findings, see the lists below)');
say();
row('figure', 'now');
row(`SQL calls and transactions in route files (${filesIn(sql)} files)`, sql.length);
for (const [label, kind] of sqlKinds) row(`  ${label}`, sql.filter((f) => f.kind === kind).length);
row(`req.user! (${filesIn(userBangs)} files)`, userBangs.length);
row(`req.params / req.query / req.body "as" casts (${filesIn(casts)} files)`, casts.length);
row(`route handlers over ${HANDLER_LINES} lines (of ${handlers.length} handlers)`, longHandlers.length);
row(`non-test files over ${FILE_LINES} lines`, bigFiles.length);
row('import cycles (type-only imports included)', cycleList.length);
for (const [label, rule] of ruleRows) row(label, violations(rule).length);
row('exported *Routes names declared more than once', dupNames.size);
row('dependency-cruiser errors in all', graph.summary.error);

heading('Files behind three pages (method: see the comments in scripts/architecture-report.ts)');
const n = (x: number | string, w: number) => String(x).padStart(w);
const figures = (f: { files: string[]; views: string[]; platform: string[]; platformViews: string[] }) =>
  `${n(f.files.length, 5)}${n(f.views.length, 7)}${n(f.files.length + f.views.length, 7)}` +
  n(f.platform.length + f.platformViews.length, 10);
const cols = `${n('.ts', 5)}${n('views', 7)}${n('total', 7)}${n('platform', 10)}`;
say(`  ${''.padEnd(42)}${'modules reachable'.padEnd(29)}   files to read`);
say(`  ${'page'.padEnd(42)}${cols}   ${cols}`);
for (const p of pages) say(`  ${p.spec.name.padEnd(42)}${figures(p)}   ${figures(p.calls)}`);
say('  (modules reachable: the whole import graph from what the route uses; files to read: what its handler');
say('  calls and references, function by function. .ts and views: project files of the page, counted;');
say('  platform: modules and templates it stands on, not counted)');
for (const p of pages) {
  say();
  say(`  ${p.spec.name}: ${p.spec.routes.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  if (p.missing.length) say(`    NOT FOUND: ${p.missing.join(', ')}`);
  say(`    declared in ${p.declaredIn.join(', ') || '—'}`);
  say(`    modules reachable (${p.files.length + p.views.length}):`);
  for (const f of p.files) say(`      ${f}`);
  for (const v of p.views) say(`      src/${v}`);
  say(`    files to read (${p.calls.files.length + p.calls.views.length}):`);
  for (const f of p.calls.files) say(`      ${f}`);
  for (const v of p.calls.views) say(`      src/${v}`);
  const under = [...p.calls.platform, ...p.calls.platformViews.map((v) => `src/${v}`)];
  say(`    platform under it, not counted (${under.length}): ${under.join(', ') || '—'}`);
}

heading(`SQL calls and transactions in route files: ${sql.length} on ${byLine(sql).length} lines`);
for (const l of byLine(sql)) say(l);

heading(`req.user!: ${userBangs.length}`);
const bangFiles = new Map<string, number>();
for (const f of userBangs) bangFiles.set(f.file, (bangFiles.get(f.file) ?? 0) + 1);
for (const [file, n] of [...bangFiles].sort()) say(`  ${file}  ${n}`);

heading(`req.params / req.query / req.body casts: ${casts.length}`);
for (const l of byLine(casts)) say(l);

heading(`Route handlers over ${HANDLER_LINES} lines: ${longHandlers.length}`);
for (const { d, lines } of longHandlers)
  say(`  ${`${d.file}:${d.line}`.padEnd(52)}${String(lines).padStart(4)} lines  ${d.method} ${d.url}`);

heading(`Non-test files over ${FILE_LINES} lines: ${bigFiles.length}`);
for (const f of bigFiles) say(`  ${f.file}  ${f.lines}`);

heading(`Import cycles: ${cycleList.length}`);
for (const c of cycleList) say(`  ${[...c, c[0]].join(' → ')}`);

const edge = (v: IViolation) => `  ${v.from} → ${v.to}`;
for (const [label, rule] of ruleRows) {
  const vs = violations(rule);
  heading(`${label[0]?.toUpperCase()}${label.slice(1)}: ${vs.length}`);
  for (const l of vs.map(edge).sort()) say(l);
}

heading(`Exported *Routes names declared more than once: ${dupNames.size}`);
for (const [name, ds] of dupNames) say(`  ${name}: ${ds.map((d) => `${d.file}:${d.line}`).join(', ')}`);

console.log(out.join('\n'));
