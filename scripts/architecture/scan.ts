/**
 * Source scanners for the layer rules that an import graph cannot see: what a route file *does*
 * (queries, transactions), how requests are read (`req.user!`, `req.body as …`), route names and
 * route handlers. Used by src/platform/architecture.test.ts and scripts/architecture-report.ts.
 *
 * Everything here works on the TypeScript syntax tree (no type checker, so it is quick), which
 * means comments and string contents never match, and every finding has a line number.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  /** Which pattern matched, e.g. `selectFrom(` or `req.user!`. */
  what: string;
  /** For SQL findings, which kind of thing it is. */
  kind?: SqlKind;
}

export type SqlKind = 'builder' | 'transaction' | 'execute' | 'raw' | 'db' | 'import';

export const isTestFile = (path: string) => path.endsWith('.test.ts');

/**
 * A route file: `x.routes.ts`, and also a plain `routes.ts` or `x-routes.ts`, which today's code
 * has too and which declare routes just the same. The same definition as ROUTES_IN in
 * .dependency-cruiser.cjs.
 */
export const isRouteFile = (path: string) =>
  /(^|\/)(?:[^/]*[.-])?routes\.ts$/.test(path) && !isTestFile(path);

/** Every .ts file under a folder, as sorted forward-slash paths that start with the folder. */
export function listTsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(dir.replace(/\/$/, ''));
  return out.sort();
}

export interface Source {
  file: string;
  text: string;
  ast: ts.SourceFile;
}

export const parseSource = (file: string, text: string): Source => ({
  file,
  text,
  ast: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS),
});

export const readSource = (file: string, root = '.'): Source =>
  parseSource(file, readFileSync(join(root, file), 'utf8'));

export const lineOf = (src: Source, node: ts.Node) =>
  src.ast.getLineAndCharacterOfPosition(node.getStart(src.ast)).line + 1;

function walk(node: ts.Node, visit: (n: ts.Node) => void) {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

/** Findings sorted by line, one per (line, pattern). */
function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.line}\0${f.what}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.what.localeCompare(b.what));
}

/** Kysely's ways into a query: any of these called as a method starts a query builder. */
const BUILDER_STARTS = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
]);
/** Opening a transaction or taking a connection for several statements. */
const TRANSACTIONS = new Set(['transaction', 'startTransaction', 'connection']);
/**
 * Running a query. Without types we cannot prove the receiver is a builder, so in a route file any
 * call of these names counts: nothing else a route file uses is called `execute…`.
 */
const EXECUTES = new Set(['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'executeQuery']);
/** Names a route file would hold the Kysely instance (or a transaction) under. */
const DB_NAMES = new Set(['db', 'trx', 'tx', 'kysely']);

const isDbReceiver = (e: ts.Expression): boolean =>
  (ts.isIdentifier(e) && DB_NAMES.has(e.text)) || (ts.isPropertyAccessExpression(e) && e.name.text === 'db');

const isSqlTag = (e: ts.Expression): boolean =>
  (ts.isIdentifier(e) && e.text === 'sql') ||
  (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'sql');

/**
 * Query-builder calls, raw SQL and transactions in one file (meant for route files): `selectFrom(`
 * and the other builder starts, `.transaction(`, `.execute(` and its kin, sql`…` and `sql.raw` /
 * `sql.ref` / any `sql.x`, any member of the database object (`db.x`, `trx.x`, `services.db.x`),
 * and any import from kysely.
 */
export function sqlFindings(src: Source): Finding[] {
  const out: Finding[] = [];
  const add = (node: ts.Node, what: string, kind: SqlKind) =>
    out.push({ file: src.file, line: lineOf(src, node), what, kind });
  walk(src.ast, (n) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const spec = n.moduleSpecifier.text;
      if (spec === 'kysely' || spec.startsWith('kysely/')) add(n, `import from '${spec}'`, 'import');
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const name = n.expression.name.text;
      if (BUILDER_STARTS.has(name)) add(n.expression.name, `${name}(`, 'builder');
      else if (TRANSACTIONS.has(name)) add(n.expression.name, `.${name}(`, 'transaction');
      else if (EXECUTES.has(name)) add(n.expression.name, `.${name}(`, 'execute');
    } else if (ts.isTaggedTemplateExpression(n) && isSqlTag(n.tag)) {
      add(n, 'sql`…`', 'raw');
    } else if (ts.isPropertyAccessExpression(n)) {
      if (ts.isIdentifier(n.expression) && n.expression.text === 'sql') add(n, `sql.${n.name.text}`, 'raw');
      else if (isDbReceiver(n.expression)) {
        const name = n.name.text;
        // db.selectFrom( and the like are already reported as the call; this catches the rest.
        if (!BUILDER_STARTS.has(name) && !TRANSACTIONS.has(name) && !EXECUTES.has(name))
          add(n, `${n.expression.getText(src.ast)}.${name}`, 'db');
      }
    }
  });
  return unique(out);
}

const REQUEST_NAMES = new Set(['req', 'request']);
const isRequest = (e: ts.Expression) => ts.isIdentifier(e) && REQUEST_NAMES.has(e.text);
const stripParens = (e: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(e) ? stripParens(e.expression) : e;

/** `req.user!`: the signed-in person asserted rather than handed over by the guard with a type. */
export function userAssertions(src: Source): Finding[] {
  const out: Finding[] = [];
  walk(src.ast, (n) => {
    if (!ts.isNonNullExpression(n)) return;
    const e = stripParens(n.expression);
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'user' && isRequest(e.expression))
      out.push({ file: src.file, line: lineOf(src, n), what: `${e.expression.getText(src.ast)}.user!` });
  });
  return unique(out);
}

const REQUEST_PARTS = new Set(['params', 'query', 'body']);

/** `req.params as …`, `req.query as …`, `req.body as …` (and `<T>req.body`): input cast, not parsed. */
export function requestCasts(src: Source): Finding[] {
  const out: Finding[] = [];
  walk(src.ast, (n) => {
    if (!ts.isAsExpression(n) && !ts.isTypeAssertionExpression(n)) return;
    let e = stripParens(n.expression);
    // `(req.body ?? {}) as X` is the same cast.
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
      e = stripParens(e.left);
    if (ts.isPropertyAccessExpression(e) && REQUEST_PARTS.has(e.name.text) && isRequest(e.expression))
      out.push({
        file: src.file,
        line: lineOf(src, n),
        what: `${e.expression.getText(src.ast)}.${e.name.text} as`,
      });
  });
  return unique(out);
}

const isExported = (n: ts.Node) =>
  ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

type Handler = ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

const isFunctionLike = (e: ts.Node | undefined): e is Handler =>
  !!e && (ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isMethodDeclaration(e));

/** Exported functions whose name ends in `Routes` (`export function xRoutes`, `export const xRoutes = () =>`). */
export function exportedRoutesFunctions(src: Source): Finding[] {
  const out: Finding[] = [];
  for (const s of src.ast.statements) {
    if (!isExported(s)) continue;
    if (ts.isFunctionDeclaration(s) && s.name && /Routes$/.test(s.name.text))
      out.push({ file: src.file, line: lineOf(src, s), what: s.name.text });
    if (ts.isVariableStatement(s))
      for (const d of s.declarationList.declarations)
        if (ts.isIdentifier(d.name) && /Routes$/.test(d.name.text) && isFunctionLike(d.initializer))
          out.push({ file: src.file, line: lineOf(src, d), what: d.name.text });
  }
  return out;
}

/** Names declared by more than one of the given findings, with every place each is declared. */
export function duplicateNames(decls: Finding[]): Map<string, Finding[]> {
  const byName = new Map<string, Finding[]>();
  for (const d of decls) byName.set(d.what, [...(byName.get(d.what) ?? []), d]);
  return new Map([...byName].filter(([, ds]) => ds.length > 1).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The helpers that declare a route, called as `helper(app, url, rules, handler)` or with an
 * options object: our own `get`/`post` (and `page`/`form`/`put`/`patch`/`del` should they appear),
 * `getDownload`, `formPost`, and Fastify's `app.get`/`app.post`/…/`app.route`.
 */
const ROUTE_HELPERS = new Set([
  'get',
  'post',
  'put',
  'patch',
  'del',
  'page',
  'form',
  'getDownload',
  'formPost',
]);
const APP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'route']);
/** Where an options-object style declaration keeps its handler, URL and method. */
const HANDLER_KEYS = new Set(['handler', 'run']);
const URL_KEY = new Set(['url']);
const METHOD_KEY = new Set(['method']);
/** The method when the declaration does not name one. */
const DEFAULT_METHOD: Record<string, string> = {
  page: 'GET',
  form: 'POST',
  formPost: 'POST',
  getDownload: 'GET',
  del: 'DELETE',
};

export interface RouteDeclaration {
  file: string;
  line: number;
  /** The helper called: `get`, `formPost`, `app.route`, … */
  via: string;
  method: string;
  /** The URL as written; template substitutions appear as `${…}`. */
  url: string;
  call: ts.CallExpression;
  handler: Handler | undefined;
}

/** A URL as written: a literal's text, a template's inside, or `${expression}` for anything else. */
const urlText = (e: ts.Node | undefined, src: Source): string | undefined => {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.getText(src.ast).slice(1, -1);
  if (isFunctionLike(e) || ts.isObjectLiteralExpression(e)) return undefined;
  return `\${${e.getText(src.ast)}}`;
};

/** A property's value in an object literal (a method counts as its own value). */
const property = (o: ts.ObjectLiteralExpression, keys: Set<string>): ts.Node | undefined => {
  for (const p of o.properties) {
    const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (!name || !keys.has(name)) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isMethodDeclaration(p)) return p;
  }
  return undefined;
};

/** Every route declared in one file, with its handler when it is written in place. */
export function routeDeclarations(src: Source): RouteDeclaration[] {
  const out: RouteDeclaration[] = [];
  walk(src.ast, (n) => {
    if (!ts.isCallExpression(n)) return;
    const callee = n.expression;
    let via: string | undefined;
    if (ts.isIdentifier(callee) && ROUTE_HELPERS.has(callee.text)) via = callee.text;
    else if (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === 'app' &&
      APP_METHODS.has(callee.name.text)
    )
      via = `app.${callee.name.text}`;
    if (!via) return;
    const last = n.arguments[n.arguments.length - 1];
    // The route's options, when given as an object: `page(app, { method, url, … }, handler)`,
    // `form(app, { url, … }, run)`, `formPost(app, services, { url, …, run })`, `app.route({ … })`.
    const options = n.arguments.find(
      (a): a is ts.ObjectLiteralExpression => ts.isObjectLiteralExpression(a) && !!property(a, URL_KEY),
    );
    const inOptions = options && property(options, HANDLER_KEYS);
    const handler = isFunctionLike(last) ? last : isFunctionLike(inOptions) ? inOptions : undefined;
    // Fastify's app.get(url, …) takes the URL first; our helpers take the app first.
    const url = options
      ? urlText(property(options, URL_KEY), src)
      : urlText(via.startsWith('app.') ? n.arguments[0] : n.arguments[1], src);
    const m = options && property(options, METHOD_KEY);
    const method =
      m && ts.isStringLiteral(m) ? m.text : (DEFAULT_METHOD[via] ?? via.replace(/^app\./, '').toUpperCase());
    // A call with neither a handler nor a URL is some other get (a Map's, a header's): not a route.
    if (!handler && url === undefined) return;
    out.push({ file: src.file, line: lineOf(src, n), via, method, url: url ?? '?', call: n, handler });
  });
  return out;
}

/** A function's length in lines, first line to last. */
export function linesOf(src: Source, node: ts.Node): number {
  const start = src.ast.getLineAndCharacterOfPosition(node.getStart(src.ast)).line;
  const end = src.ast.getLineAndCharacterOfPosition(node.getEnd()).line;
  return end - start + 1;
}
