import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';
import { startPageRun } from '../src/store/page-run.ts';

// findBy*/waitFor wait for a condition; the first import of a lazily loaded panel is transformed
// on demand and can take seconds on a busy two-core machine, longer than the 1 s default.
configure({ asyncUtilTimeout: 10_000 });

// Tests call the store directly with the run on their own thread (src/store/page-run.ts); a
// test of the worker path replaces it with runInWorker.
startPageRun();
