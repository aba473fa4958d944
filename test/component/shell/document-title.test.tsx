// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePlayback } from '../../../src/store/playback.ts';
import { App } from '../../../src/ui/App.tsx';
import { openLibraryEntry, openSource } from '../../../src/ui/controls/session.ts';

afterEach(() => {
  cleanup();
  act(() => usePlayback.getState().setLanguage('en'));
});

describe('the browser tab\'s title', () => {
  it('names a built-in scenario as the picker does, in the page\'s language', () => {
    act(() => openLibraryEntry('write8-read4'));
    render(<App />);
    expect(document.title).toBe('Write 8 / read 4 · RocketScope');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(document.title).toBe('写 8 / 读 4 · RocketScope');
  });

  it('says a built-in scenario was edited: its title may no longer hold', () => {
    act(() => openLibraryEntry('write8-read4'));
    render(<App />);
    const source = usePlayback.getState().source as { seed: number };
    act(() => void openSource({ ...source, seed: source.seed + 1 }, { keepSelection: true }));
    expect(document.title).toBe('Write 8 / read 4 (edited) · RocketScope');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(document.title).toBe('写 8 / 读 4（已修改） · RocketScope');
  });
});
