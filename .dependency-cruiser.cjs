/**
 * Dependency directions from docs/architecture.md §1, enforced by `npm test`.
 * A lib may import only the libs listed for it; no lib imports an app; no cycles.
 */
const allowed = {
  shared: [],
  config: ['shared'],
  signing: ['shared'],
  edxml: ['shared', 'signing'],
  persistence: ['shared', 'config'],
  storage: ['shared', 'config'],
  audit: ['shared', 'persistence'],
  directory: ['shared', 'config', 'persistence', 'audit'],
  identity: ['shared', 'config', 'persistence', 'audit', 'directory'],
  certificates: ['shared', 'config', 'persistence', 'audit', 'signing', 'directory', 'identity'],
  documents: ['shared', 'config', 'persistence', 'storage', 'signing'],
  registers: [
    'shared',
    'config',
    'persistence',
    'audit',
    'storage',
    'signing',
    'directory',
    'identity',
    'certificates',
    'documents',
  ],
  exchange: [
    'shared',
    'config',
    'persistence',
    'audit',
    'storage',
    // packages are stored objects under the documents' claim protocol (StoredObjectClaimRepository)
    'documents',
    'signing',
    'edxml',
    'directory',
    'identity',
    'certificates',
  ],
  // the composition of registers and exchange through each other's ports, for the apps
  wiring: ['shared', 'registers', 'exchange'],
  demo: ['shared', 'config', 'persistence', 'audit', 'directory', 'identity', 'signing', 'certificates'],
  backup: ['shared', 'config', 'persistence', 'storage', 'audit', 'certificates'],
};

const libRules = Object.entries(allowed).map(([lib, deps]) => ({
  name: `lib-${lib}-direction`,
  severity: 'error',
  comment: `libs/${lib} may import only: ${deps.join(', ') || 'nothing'}`,
  from: { path: `^libs/${lib}/` },
  to: { path: '^libs/([^/]+)/', pathNot: [`^libs/(${[lib, ...deps].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'signing-has-no-nest-or-database',
      severity: 'error',
      from: { path: '^libs/signing/' },
      to: { path: 'node_modules/(@nestjs|typeorm|pg)/' },
    },
    {
      name: 'edxml-has-no-nest-or-database',
      severity: 'error',
      comment: 'libs/edxml is used by the CLI, the hub and worker threads: no Nest, no database',
      from: { path: '^libs/edxml/' },
      to: { path: 'node_modules/(@nestjs|typeorm|pg)/' },
    },
    {
      name: 'no-test-kit-in-production-code',
      severity: 'error',
      from: {
        path: '^(apps|libs)/',
        pathNot: ['\\.(spec|integration-spec|e2e-spec)\\.ts$', '\\.test-helper\\.ts$', '^apps/[^/]+/test/'],
      },
      to: { path: '^test/' },
    },
    ...libRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^data/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
