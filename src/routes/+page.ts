// The overview is prerendered with its figures (unlike the other pages, which are shells):
// the first chart is in the HTML and shows before the app's code has loaded. See
// +page.server.ts for where the figures come from.
export const ssr = true;
