// Layer rules for src/, written for the "one feature, one folder" layout
// (docs/architecture.md, "Layer rules and the architecture report"):
//
//   src/platform/**   what every feature stands on; imports no feature and no composition-root file
//   src/<feature>/**  every other top-level folder except src/testing; feature.ts is its manifest,
//                     api.ts the only module other features (and the composition root) may import
//   composition root  src/{app,main,server,features,worker,background,config}.ts and src/testing/**
//
// Tests (*.test.ts) and src/testing/** are exempt from the boundary rules (they may reach into
// the composition root and a feature's fixtures) but not from the no-cycles rule.
//
// Run: npx depcruise src --config .dependency-cruiser.cjs   (part of `npm run lint`)

/** A test file anywhere, or the test support folder. */
const TESTS = ['\\.test\\.ts$', '^src/testing/'];

/** A file inside a feature folder: any top-level folder of src/ but platform and testing. */
const FEATURE = '^src/(?!platform/|testing/)[^/]+/';

/** The two files of a feature that others may import. */
const FEATURE_DOORS = '^src/[^/]+/(feature|api)\\.ts$';

/** The composition root's own files at the top of src/ (src/testing is handled with the tests). */
const ROOT_FILES = '^src/(app|main|server|features|worker|background|config)\\.ts$';

/**
 * A route file: `x.routes.ts`, and also a plain `routes.ts` or `x-routes.ts` (today's code has
 * both, and they declare routes too), at any depth inside its top-level folder. Group 1 is that
 * folder. (Written without nested quantifiers: dependency-cruiser refuses "unsafe" expressions.)
 */
const ROUTES_IN = '^src/([^/]+)/(?:|.*[/.-])routes\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'An import cycle means neither module can be understood, tested or moved on its own, and ' +
        'module-evaluation order starts to matter. Type-only imports count too (tsPreCompilationDeps ' +
        'below): a type cycle still ties the two files together and is one edit away from a runtime ' +
        'cycle. Tests are not exempt.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-to-feature-only-via-api',
      severity: 'error',
      comment:
        "A feature may use another feature only through that feature's api.ts, so each feature can " +
        'change its insides (routes, services, repos, views) without breaking its neighbours, and the ' +
        'api.ts shows exactly what it promises. Tests and src/testing may reach further.',
      from: { path: '^src/((?!platform/|testing/)[^/]+)/', pathNot: TESTS },
      to: { path: '^src/(?!$1/)(?!platform/|testing/)[^/]+/', pathNot: '^src/[^/]+/api\\.ts$' },
    },
    {
      name: 'platform-imports-no-feature',
      severity: 'error',
      comment:
        'The platform is what every feature stands on; if it imported a feature (or the composition ' +
        'root, which imports every feature) the layers would fold into one and nothing could be reused ' +
        'or tested without the whole app. Features plug into the platform through their manifest ' +
        '(feature.ts), read by the composition root. Platform tests are exempt.',
      // src/config.ts is the validated environment every part is given (Services.config): the platform
      // may read its type and loader; it imports nothing but zod.
      from: { path: '^src/platform/', pathNot: TESTS },
      to: { path: '^src/(?!platform/|config\\.ts$)' },
    },
    {
      name: 'routes-no-kysely',
      severity: 'error',
      comment:
        'Route handlers are thin: parse, call a service, render. Queries and transactions belong in ' +
        "*.repo.ts and *.service.ts, where they are tested on both dialects and kept in one place. So a " +
        "route file imports nothing from kysely (not `sql`, not types); src/platform/architecture.test.ts " +
        'also scans route files for query-builder calls reached through other imports.',
      from: { path: ROUTES_IN, pathNot: TESTS },
      to: { path: '(^|/)node_modules/kysely/' },
    },
    {
      name: 'routes-no-other-feature-repo',
      severity: 'error',
      comment:
        "A route file never reads another feature's tables through its repository: that bypasses the " +
        "other feature's services, its rules and its audit. Ask the other feature's api.ts instead.",
      from: { path: ROUTES_IN, pathNot: TESTS },
      to: { path: '^src/(?!$1/)(?!platform/|testing/)[^/]+/.*\\.repo\\.ts$' },
    },
    {
      name: 'root-to-feature-only-via-manifest-or-api',
      severity: 'error',
      comment:
        'The composition root (app, main, server, features, worker/background, config) wires features ' +
        'together from their feature.ts manifests (and api.ts where a CLI command needs one); reaching ' +
        'deeper would make the root depend on how each feature is built inside.',
      from: { path: ROOT_FILES },
      to: { path: FEATURE, pathNot: FEATURE_DOORS },
    },
  ],
  options: {
    // Only our own sources are analysed; packages are seen as the end of an edge but not read, which
    // is what keeps a cruise quick (and is enough for the kysely rule, which looks at the edge).
    doNotFollow: { path: 'node_modules' },
    // Count dependencies that exist only before compilation, above all `import type`: without this a
    // type-only import cycle would be invisible.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Node's ESM resolution for packages (kysely has an exports map), and only the extensions we use.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    // Rules above need nothing from the analysis steps dependency-cruiser can skip.
    skipAnalysisNotInRules: true,
    // Re-use the last cruise when no source changed (compared by content, so it is right on a fresh
    // clone, a worktree or with uncommitted edits). Lives under node_modules, so never committed.
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
