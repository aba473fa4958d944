/**
 * Helpers of the shell's component tests: a fresh run of a library scenario (simulated to its
 * end once, so every seek in a test is synchronous) and the controls with their shortcuts.
 */
import { render } from '@testing-library/react';
import { ControlsBar } from '../../../src/ui/controls/ControlsBar.tsx';
import { HelpOverlay } from '../../../src/ui/controls/HelpOverlay.tsx';
import { openLibraryEntry } from '../../../src/ui/controls/session.ts';
import { useKeyboardShortcuts } from '../../../src/ui/controls/use-keyboard.ts';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';

export function freshRun(libraryId = 'write8-read4'): void {
  usePlayback.getState().cancelSeek();
  usePlayback.setState({ speed: 10, playing: false, helpOpen: false, editorOpen: false, banner: null, language: 'en' });
  openLibraryEntry(libraryId);
  usePlayback.getState().seek(getTimeline()!.durationMs);
  usePlayback.getState().seek(0);
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
