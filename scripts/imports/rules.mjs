// The import rules that keep the layout (docs/architecture.md, "Import rules"), as
// dependency-cruiser rules over repository-relative paths. check.mjs applies them.

/**
 * Client folders every feature may build on. Any other folder under client/src (a
 * feature such as board/ or catalog/, the app and its shell) is one they may not
 * import — so a new feature folder is covered without being listed.
 */
const CLIENT_INFRASTRUCTURE = ['api', 'i18n', 'interaction', 'ops', 'routing', 'styles', 'sync', 'ui'];

/** The storage contracts: what the relay and the features may know of storage. */
const STORAGE_CONTRACTS = 'server/src/storage/contracts/';

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
export const rules = [
  {
    name: 'client-infrastructure-imports-no-feature',
    comment:
      "client/src/ui, sync, api and interaction serve every feature, so they import none: a feature's code there would pull the feature into every page.",
    severity: 'error',
    from: { path: '^client/src/(ui|sync|api|interaction)/' },
    to: { path: '^client/src/[^/]+/', pathNot: `^client/src/(${CLIENT_INFRASTRUCTURE.join('|')})/` },
  },
  {
    name: 'relay-imports-no-route-or-feature',
    comment:
      'server/src/sync is the relay core: it knows sockets only as SyncSocket and storage only through its contracts, never routes, access, features or a storage engine.',
    severity: 'error',
    from: { path: '^server/src/sync/' },
    to: { path: '^server/src/', pathNot: `^server/src/sync/|^${STORAGE_CONTRACTS}` },
  },
  {
    name: 'catalog-module-imports-no-route-or-feature',
    comment:
      'server/src/catalog is one feature module mounted as one plugin: it stands on access, storage contracts and the relay, never on routes/ or another feature folder.',
    severity: 'error',
    from: { path: '^server/src/catalog/' },
    to: { path: '^server/src/(routes|workshops|history)/' },
  },
  {
    name: 'privacy-imports-no-cli-or-route',
    comment:
      'server/src/privacy is the retention, export, erasure and purge logic: the routes (routes/privacyPlugin.ts) and the `samle` commands (cli/) call into it, so it imports neither, nor the app that wires them.',
    severity: 'error',
    from: { path: '^server/src/privacy/' },
    to: { path: '^server/src/(cli|routes)/|^server/src/(app|main|cli)\\.ts$' },
  },
  {
    name: 'storage-contracts-import-only-shared',
    comment: 'The storage contracts are what every engine implements; they import only @samle/shared and each other.',
    severity: 'error',
    from: { path: `^${STORAGE_CONTRACTS}` },
    to: { pathNot: `^shared/src/|^${STORAGE_CONTRACTS}` },
  },
  {
    name: 'client-and-server-apart',
    comment: 'client → shared ← server: the client and the server never import each other.',
    severity: 'error',
    from: { path: '^(client|server)/' },
    to: { path: '^(client|server)/', pathNot: '^$1/' },
  },
  {
    name: 'shared-imports-nothing-of-ours',
    comment: 'shared/ is pure TypeScript used by both sides; it imports no other package of this repository.',
    severity: 'error',
    from: { path: '^shared/' },
    to: { path: '^(client|server|e2e|bench)/' },
  },
  {
    name: 'no-import-loops',
    comment: 'Files that import each other in a loop cannot be understood, tested or moved one at a time.',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
];

/**
 * Violations that exist today and are allowed until the step of issue #18 named
 * beside each removes them. A listed violation that no longer occurs fails the
 * check too, so this list only shrinks. A loop is listed once, by the files it
 * runs through (in any order).
 */
export const knownViolations = [];
