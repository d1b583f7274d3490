// SvelteKit: a static site (adapter-static). Every page is prerendered as an empty shell and
// renders in the browser, where DuckDB-wasm answers the queries — there is no server. (The
// overview is prerendered with the build-time answers to its unfiltered queries: src/routes/+page.ts.)
import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // 404.html: unknown paths still boot the app (static hosts serve it for missing files).
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
    // Relative asset paths: the built folder works from any sub-path of an intranet server.
    paths: { relative: true },
    // The snapshot is copied into static/snapshot by scripts/sync-snapshot.ts before a build.
    files: { assets: 'static' },
    // The pages' CSS goes into the HTML (a few kB): the prerendered overview paints, and the
    // app's start-up script runs, without first waiting for stylesheet requests.
    inlineStyleThreshold: 32 * 1024,
  },
};

export default config;
