// apache-arrow 13 ships its typings under names that TypeScript's "bundler" resolution does not
// find through the package's "exports" (it looks for .d.mts next to the .mjs files), so tsc
// would stop at every import. Typed as `any` here; the code that reads Arrow tables stays small
// (src/lib/db/rows.ts) and is covered by tests.
declare module 'apache-arrow';
