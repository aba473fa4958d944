// @vitest-environment jsdom
/** Dismissing the banner by its own button leaves focus on the playback bar's Play, not on the page's body (WCAG 2.4.3). */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { Banner, loadBannerWords } from '../../../src/ui/controls/Banner.tsx';
import { ControlsBar } from '../../../src/ui/controls/ControlsBar.tsx';
import { freshRun } from '../shell/shell-harness.tsx';

// The banner's words load when a banner first shows (Banner.tsx): here they are there from the start.
beforeAll(() => loadBannerWords());
beforeEach(() => {
  freshRun();
  // The page's order: the banner, then the playback bar under it.
  render(<><Banner /><ControlsBar /></>);
  act(() => usePage.getState().setBanner({ code: 'linkTimeUnreadable' }));
});
afterEach(() => {
  cleanup();
  act(() => usePage.getState().setBanner(null));
});

describe('dismissing the banner', () => {
  it('by its × button (Enter presses it) moves focus to Play, under where the banner was', () => {
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    fireEvent.click(dismiss);
    expect(screen.queryByTestId('banner')).toBeNull();
    expect(screen.getByTestId('command-togglePlay')).toHaveFocus();
    expect(document.activeElement).not.toBe(document.body);
    // Moving focus presses nothing: the run stays paused.
    expect(usePlayback.getState().playing).toBe(false);
  });
});
