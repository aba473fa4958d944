#!/usr/bin/env node
// Browser tests: ensure Chromium, build the bundle if stale, serve it with
// `vite preview` on 127.0.0.1, run every test/e2e/*.e2e.ts with the tiny runner
// in test/e2e/harness.ts (loaded through tsx), print `N passed, N failed`.
//
//   node scripts/e2e.mjs [--grep TEXT] [--no-build | --build] [--port N] [--report FILE]
//
// Env: E2E_SKIP_BUILD=1 (same as --no-build), E2E_PORT, E2E_TIMEOUT_MS (per test,
// default 30000), E2E_INPAGE=1 (pages opened with ?inpage: the run on the page's thread).
// Results also go to test-results/e2e.json for scripts/test-all.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatDuration, summaryLine } from './summary-line.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { values: args } = parseArgs({
  options: {
    grep: { type: 'string' },
    build: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.E2E_PORT ?? '4173' },
    report: { type: 'string', default: 'test-results/e2e.json' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log('usage: node scripts/e2e.mjs [--grep TEXT] [--no-build | --build] [--port N] [--report FILE]');
  process.exit(0);
}

const RESULTS_DIR = 'test-results';
const E2E_DIR = 'test/e2e';
const VITE = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
/** What the bundle is built from; dist/ older than any of these is rebuilt. */
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
const skipBuild = args['no-build'] || ['1', 'true'].includes(process.env.E2E_SKIP_BUILD ?? '');
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);
const baseUrl = `http://127.0.0.1:${args.port}`;
const timings = {};

// ---- the preview server is always stopped, whatever happens -----------------
let server;
function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
}
process.on('exit', stopServer);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    console.error(`\ne2e: ${signal}, stopping the preview server`);
    stopServer();
    process.exit(code);
  });
}

async function timed(label, work) {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = performance.now() - started;
  }
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited with ${result.status ?? result.signal}`);
}

// ---- build ------------------------------------------------------------------
function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows as a newer directory
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsStale() {
  const built = path.join('dist', 'index.html');
  if (!existsSync(built)) return 'dist/ is missing';
  const sources = Math.max(...BUILD_INPUTS.map(newestMtime));
  return sources > statSync(built).mtimeMs ? 'sources are newer than dist/' : null;
}

function build() {
  const reason = args.build ? '--build' : buildIsStale();
  if (skipBuild) {
    if (!existsSync(path.join('dist', 'index.html'))) throw new Error('--no-build / E2E_SKIP_BUILD given but dist/ is missing');
    console.log('e2e: skipping the build (using dist/ as it is)');
    return;
  }
  if (!reason) {
    console.log('e2e: dist/ is up to date');
    return;
  }
  console.log(`e2e: building the bundle (${reason})`);
  run(process.execPath, [VITE, 'build', '--logLevel', 'warn']);
}

// ---- preview server ---------------------------------------------------------
/** Fails fast if something already listens there: we must not test another server's page. */
function assertPortFree() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) =>
      reject(new Error(`port ${args.port} on 127.0.0.1 is in use (${error.code}); stop that server or pass --port N`)));
    probe.listen(Number(args.port), '127.0.0.1', () => probe.close(resolve));
  });
}

function startServer() {
  const output = [];
  server = spawn(process.execPath, [VITE, 'preview', '--host', '127.0.0.1', '--port', args.port, '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk) => output.push(chunk));
  server.stderr.on('data', (chunk) => output.push(chunk));
  const exited = new Promise((resolve) => server.once('exit', resolve));
  return { output, exited };
}

async function waitForServer({ output, exited }, limitMs = 20_000) {
  const deadline = performance.now() + limitMs;
  let gone = false;
  exited.then(() => (gone = true));
  while (performance.now() < deadline) {
    if (gone) break;
    try {
      const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = Buffer.concat(output).toString().trim();
  throw new Error(`vite preview ${gone ? 'exited' : 'did not answer'} at ${baseUrl}${log ? `:\n${log}` : ''}`);
}

// ---- tests ------------------------------------------------------------------
async function runTests() {
  const files = readdirSync(E2E_DIR)
    .filter((name) => name.endsWith('.e2e.ts'))
    .sort()
    .map((name) => path.join(E2E_DIR, name));

  const { register } = await import('tsx/esm/api');
  register();
  const harness = await import(pathToFileURL(path.join(root, E2E_DIR, 'harness.ts')).href);

  const loadFailures = [];
  for (const file of files) {
    harness.setCurrentFile(file);
    try {
      await import(pathToFileURL(path.join(root, file)).href);
    } catch (error) {
      console.log(`  ✗ ${file} could not be loaded\n      ${String(error?.stack ?? error).split('\n').join('\n      ')}`);
      loadFailures.push({ name: '(load)', file, status: 'failed', durationMs: 0, error: String(error?.stack ?? error) });
    }
  }
  const results = await harness.runTests({ baseUrl, resultsDir: RESULTS_DIR, grep: args.grep, defaultTimeoutMs: timeoutMs });
  return [...loadFailures, ...results];
}

// ---- main -------------------------------------------------------------------
async function main() {
  const started = performance.now();
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Failure screenshots from an earlier run would mislead: only this run's stay.
  for (const name of readdirSync(RESULTS_DIR)) if (name.endsWith('-failed.png')) rmSync(path.join(RESULTS_DIR, name));
  rmSync(args.report, { force: true });
  await timed('chromium', () => run('bash', [path.join('scripts', 'ensure-chromium.sh')]));
  await timed('build', () => build());
  await timed('server', async () => {
    await assertPortFree();
    const handle = startServer();
    await waitForServer(handle);
  });
  console.log(`e2e: serving dist/ at ${baseUrl}; running browser tests${args.grep ? ` matching "${args.grep}"` : ''}`);
  const results = await timed('tests', runTests);
  stopServer();

  const count = (status) => results.filter((result) => result.status === status).length;
  const counts = { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
  writeFileSync(args.report, `${JSON.stringify({ ...counts, durationMs: Math.round(performance.now() - started), tests: results }, null, 2)}\n`);
  console.log(`e2e timings: ${Object.entries(timings).map(([label, ms]) => `${label} ${formatDuration(ms)}`).join(', ')}`);
  console.log(summaryLine(counts));
  return counts.failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    stopServer();
    process.exit(code);
  },
  (error) => {
    // Playwright's and our own messages say enough; E2E_DEBUG=1 shows where.
    console.error(`e2e: ${process.env.E2E_DEBUG ? (error?.stack ?? error) : (error?.message ?? error)}`);
    stopServer();
    process.exit(1);
  },
);
