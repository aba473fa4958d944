import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built page's Content Security Policy: scripts from the page's own files only (no inline
 * script, no eval), no plugins, nothing sent anywhere. Styles may be set inline (React's style
 * props and the canvas colours); the icon is a data: URL. Only for the build: Vite's dev server
 * injects an inline script of its own (hot reload), which this policy would block.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'rocketscope-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

// Relative base so the built page works from any static host path (shared links use the fragment).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: false,
    // One initial chunk and no modulepreload links: the polyfill would load nothing.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically goes into one initial chunk; only what is
          // loaded on demand (the editor, the help overlay, the ?bench hook) is split off.
          // Without this rule the modules those share with the page form a second initial
          // chunk, which gzips about 1 KB worse (issue "The web page": initial JS budget).
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  test: {
    globals: true,
    include: ['test/{unit,scenario,property,component}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // A guard against hangs, not a measure of speed: scenario tests simulate minutes of a run,
    // and on a busy two-core machine one of them can take far longer than Vitest's 5 s default.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
