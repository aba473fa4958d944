import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative base so the built page works from any static host path (shared links use the fragment).
export default defineConfig({
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: false },
  test: {
    globals: true,
    include: ['test/{unit,scenario,property,component}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
  },
});
