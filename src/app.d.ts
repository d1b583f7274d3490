// Ambient types for the app: Vite's `?url` / `?raw` imports and SvelteKit's `$app/*` modules.
/// <reference types="vite/client" />
/// <reference types="@sveltejs/kit" />
/// <reference types="svelte" />

declare global {
  namespace App {}
}

export {};
