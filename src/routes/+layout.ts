// A static, client-rendered app: each page is prerendered as a shell (adapter-static) and all
// data comes from DuckDB-wasm in the browser. The overview and the pages of the first charts
// (spending, 三公, procurement, performance, findings) are prerendered with their unfiltered
// figures from the build-time seed (their +page.ts and +page.server.ts), so that their first
// chart is in the HTML; the unit and data pages are shells.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';
