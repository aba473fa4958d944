import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';
import fc from 'fast-check';
import { startPageRun } from '../src/store/page-run.ts';

// findBy*/waitFor wait for a condition; the first import of a lazily loaded panel is transformed
// on demand and can take seconds on a busy two-core machine, longer than the 1 s default.
configure({ asyncUtilTimeout: 10_000 });

// Tests call the store directly with the run on their own thread (src/store/page-run.ts); a
// test of the worker path replaces it with runInWorker.
startPageRun();

// Every property test draws from one fixed seed, so `npm test` checks the same generated inputs
// on every machine and a CI run cannot fail on a case no one has seen. A search for new cases is
// a deliberate act: ROCKETSCOPE_PROPERTY_SEED=<n> (with ROCKETSCOPE_PROPERTY_RUNS=<n> for more);
// fast-check prints the seed and path of any failure, which repeats it.
const propertySeed = Number(process.env.ROCKETSCOPE_PROPERTY_SEED ?? 20_261_202);
fc.configureGlobal({ seed: Number.isInteger(propertySeed) ? propertySeed : 20_261_202 });
