#!/usr/bin/env node
// `npm test`: typecheck, lint, unused code (knip), unit + component tests (vitest), browser tests
// (scripts/e2e.mjs), in that order, stopping at the first failing stage. Ends
// with one plain `N passed, N failed` line (vitest + browser tests summed),
// the line CI reads; a failing stage that counted no failing test (a type
// error, a lint warning, a server that would not start) counts as 1 failed so
// the line never reads as green when the run is red.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDuration, summaryLine } from './summary-line.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const RESULTS_DIR = 'test-results';
const VITEST_REPORT = path.join(RESULTS_DIR, 'vitest.json');
const E2E_REPORT = path.join(RESULTS_DIR, 'e2e.json');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Unit, scenario, property and component test files (vitest's include lives in vite.config.ts). */
function findTestFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'e2e' || entry.name === 'node_modules' ? [] : findTestFiles(full);
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Counts from vitest's JSON (jest-shaped) report; a file that failed to load counts as 1 failed. */
function vitestCounts() {
  const report = readJson(VITEST_REPORT);
  if (!report) return null;
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function e2eCounts() {
  const report = readJson(E2E_REPORT);
  return report ? { passed: report.passed, failed: report.failed, skipped: report.skipped } : null;
}

function vitestArgs() {
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`];
  if (findTestFiles('test').length === 0) {
    console.log('test-all: NOTE no *.test.ts(x) files under test/ yet: vitest runs with --passWithNoTests (0 unit tests)');
    args.push('--passWithNoTests');
  }
  return args;
}

const stages = [
  { name: 'typecheck', command: bin('tsc'), args: () => ['-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: () => ['.', '--max-warnings', '0'] },
  { name: 'unused', command: bin('knip'), args: () => ['--no-progress'] },
  { name: 'unit', command: bin('vitest'), args: vitestArgs, counts: vitestCounts },
  { name: 'e2e', command: process.execPath, args: () => [path.join('scripts', 'e2e.mjs')], counts: e2eCounts },
];

function main() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  rmSync(VITEST_REPORT, { force: true });
  rmSync(E2E_REPORT, { force: true });

  const total = { passed: 0, failed: 0, skipped: 0 };
  const timings = [];
  let failedStage = null;
  let stageCountedAsFailure = false;

  for (const stage of stages) {
    console.log(`\n=== ${stage.name} ===`);
    const started = performance.now();
    const result = spawnSync(stage.command, stage.args(), { stdio: 'inherit' });
    const ms = performance.now() - started;
    const ok = result.status === 0 && !result.error;
    if (result.error) console.error(`test-all: could not run ${stage.name}: ${result.error.message}`);

    const counts = stage.counts?.() ?? null;
    if (counts) for (const key of Object.keys(total)) total[key] += counts[key] ?? 0;
    const countText = counts ? ` (${summaryLine(counts)})` : '';
    timings.push(`  ${stage.name.padEnd(10)} ${formatDuration(ms).padStart(8)}  ${ok ? 'ok' : 'FAILED'}${countText}`);

    if (!ok) {
      failedStage = stage.name;
      stageCountedAsFailure = !counts || counts.failed === 0;
      if (stageCountedAsFailure) total.failed += 1;
      break;
    }
  }

  console.log('\n=== summary ===');
  for (const line of timings) console.log(line);
  if (failedStage) {
    console.log(`test-all: stopped at the failing stage "${failedStage}"${stageCountedAsFailure ? ' (counted as 1 failed)' : ''}`);
  }
  console.log(summaryLine(total));
  return failedStage ? 1 : 0;
}

process.exitCode = main();
