// The one closing line CI reads: `N passed, N failed` (optionally `, N skipped`),
// alone on a line. Vitest's and Playwright's own summaries are not recognised,
// so scripts/test-all.mjs and scripts/e2e.mjs both print this, via this module.

/** @param {{ passed: number, failed: number, skipped?: number }} counts */
export function summaryLine({ passed, failed, skipped = 0 }) {
  const line = `${passed} passed, ${failed} failed`;
  return skipped > 0 ? `${line}, ${skipped} skipped` : line;
}

export const SUMMARY_PATTERN = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/;

/** Milliseconds as a short human duration: `840 ms`, `12.3 s`. */
export function formatDuration(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
