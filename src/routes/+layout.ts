// A static, client-rendered app: each page is prerendered as a shell (adapter-static) and all
// data comes from DuckDB-wasm in the browser.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';
