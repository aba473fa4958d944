/**
 * Helpers of the shell's component tests: a fresh run of a library scenario (simulated to its
 * end once, so every seek in a test is synchronous) and the controls with their shortcuts.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { ControlsBar } from '../../../src/ui/controls/ControlsBar.tsx';
import { startDriver } from '../../../src/ui/controls/driver.ts';
import { HelpOverlay } from '../../../src/ui/controls/HelpOverlay.tsx';
import { encodeLink } from '../../../src/scenario/link.ts';
import { openLibraryEntry } from '../../../src/ui/controls/session.ts';
import { useKeyboardShortcuts } from '../../../src/ui/controls/use-keyboard.ts';
import { usePage } from '../../../src/store/page.ts';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';

export function freshRun(libraryId = 'write8-read4'): void {
  usePlayback.getState().cancelSeek();
  usePlayback.setState({ speed: 10, playing: false, language: 'en' });
  usePage.setState({ helpOpen: false, editorOpen: false, banner: null });
  openLibraryEntry(libraryId);
  usePlayback.getState().seek(getTimeline()!.durationMs);
  usePlayback.getState().seek(0);
}

/**
 * Each test of the file on a fresh run with the page's driver, which carries a seek past the
 * simulated time across frames (App starts it); `more` runs after, for a file's own setup.
 */
export function onFreshRuns(more: () => void = () => {}): void {
  let stopDriver = () => {};
  beforeEach(() => {
    stopDriver = startDriver();
    freshRun();
    more();
  });
  afterEach(() => {
    stopDriver();
    cleanup();
  });
}

function Keys() {
  useKeyboardShortcuts();
  return null;
}

export function renderControls() {
  return render(
    <>
      <Keys />
      <ControlsBar />
      <HelpOverlay />
    </>,
  );
}

export function time(): number {
  return usePlayback.getState().timeMs;
}

/**
 * Resolves once no seek is under way (the driver carries a link's seek across frames), however
 * long the frames take: on a busy machine (a load of 14 on two cores) 20 s of a run took longer
 * than a 5 s wait. Rejects after `capMs`, a guard against a seek that never ends, well inside
 * the test's own timeout (vite.config.ts).
 */
export function seekEnded(capMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const cap = setTimeout(() => {
      unsubscribe();
      reject(new Error(`the seek to ${String(usePlayback.getState().seekTarget)} had not ended after ${capMs} ms (at ${time()})`));
    }, capMs);
    const check = () => {
      if (usePlayback.getState().seekTarget !== null) return;
      clearTimeout(cap);
      unsubscribe();
      resolve();
    };
    const unsubscribe = usePlayback.subscribe(check);
    check();
  });
}

/** The address fragment of a share link to `scenario` at `timeMs` (docs/links.md). */
export function link(scenario: unknown, timeMs = 0): string {
  const encoded = encodeLink(scenario, timeMs);
  if (!encoded.ok) throw new Error('cannot encode');
  return `#${encoded.fragment}`;
}
