import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait for a condition; the first import of a lazily loaded panel is transformed
// on demand and can take seconds on a busy two-core machine, longer than the 1 s default.
configure({ asyncUtilTimeout: 10_000 });
