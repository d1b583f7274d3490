// Prerendered with its first figures from the build-time seed (see +page.server.ts and
// src/lib/app/prerender.svelte.ts): the first chart is in the HTML, before the app's code loads.
export const ssr = true;
