// A static, client-rendered app: each page is prerendered as a shell (adapter-static) and all
// data comes from DuckDB-wasm in the browser. The overview alone is prerendered with its
// unfiltered figures (see +page.ts), so that its first chart is in the HTML.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';
