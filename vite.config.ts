import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative base so the built page works from any static host path (shared links use the fragment).
export default defineConfig({
  base: './',
  plugins: [react()],
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
