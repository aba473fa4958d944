/**
 * What the browser benchmarks (test/bench/browser.ts, browser-cost.ts) stand on: the production
 * build served by `vite preview` on a port of their own, and Debian's Chromium.
 */
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { chromium, type Browser } from 'playwright-core';

function answers(base: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(base, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
  });
}

/** Serves a build (dist/ unless told) on `port` and resolves once it answers; `stop` ends the server. */
export async function startPreview(port: number, outDir = 'dist'): Promise<{ base: string; stop: () => void }> {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const stop = () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  };
  for (let i = 0; i < 300; i++) {
    if (await answers(base)) return { base, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error('vite preview did not start');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
