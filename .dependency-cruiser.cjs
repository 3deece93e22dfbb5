// The house plan's walls (README "Key locations", docs/adr/0016): checked by `npm run lint`, so by `npm test`.
// Test files and test helpers may reach into a folder they test; everything else goes through the doors.
// Tests and their helpers are left out of the graph: they may reach into the folder they test, and an integration
// test that drives a route handler is not a dependency of the domain it lives beside.
const TESTS = ['\\.test\\.tsx?$', '/(test-support|testing)/', '^e2e/', '^tests/', '^bench/'];
const DOORS = '^server/[^/]+/(index|contract)\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders under server/ form a tree of dependencies: no folder reaches itself again through another.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/' },
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-domain',
      comment: 'server/platform is plumbing every domain may use; it never knows a domain.',
      severity: 'error',
      from: { path: '^server/platform/', pathNot: TESTS },
      to: { path: '^server/', pathNot: '^server/platform/' },
    },
    {
      name: 'pages-enter-domains-by-their-doors',
      comment: 'app/, components/ and middleware.ts import a domain only through its index.ts or contract.ts.',
      severity: 'error',
      from: { path: '^(app|components|content)/|^middleware\\.ts$|^instrumentation\\.ts$', pathNot: TESTS },
      to: { path: '^server/(?!platform/)', pathNot: DOORS },
    },
    {
      name: 'domains-meet-at-their-doors',
      comment: 'A domain reaches another only through its index.ts or contract.ts.',
      severity: 'error',
      from: { path: '^server/([^/]+)/', pathNot: TESTS },
      to: { path: '^server/(?!platform/)[^/]+/', pathNot: ['^server/$1/', DOORS] },
    },
    {
      name: 'components-stay-off-the-back-ends',
      comment: 'UI code never imports an AWS SDK client, ioredis or stripe (it reaches them through server/ or the BFF).',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '(^|/)node_modules/(@aws-sdk|ioredis|stripe)/' },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: ['^server-only$', '^next/', '^react'] },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^\\.next', '^\\.open-next', '^\\.sst', '^\\.local-data', ...TESTS] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
