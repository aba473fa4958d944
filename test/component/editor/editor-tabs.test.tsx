// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { EditorPanel } from '../../../src/ui/editor/EditorPanel.tsx';
import { useDraft } from '../../../src/store/draft.ts';
import { onFreshRuns, renderControls, time } from '../shell/shell-harness.tsx';

onFreshRuns(() => {
  useDraft.setState({ text: null, tab: 'knobs' });
  usePage.setState({ editorOpen: true });
});

/** The editor beside the page's controls, whose shortcuts listen on window as in the browser. */
function renderEditor(): { knobs: HTMLElement; json: HTMLElement } {
  renderControls();
  render(<EditorPanel />);
  return { knobs: screen.getByTestId('editor-tab-knobs'), json: screen.getByTestId('editor-tab-json') };
}

describe('the editor\'s tabs', () => {
  it('are one stop in the Tab order: the open tab', () => {
    const { knobs, json } = renderEditor();
    expect(knobs).toHaveAttribute('tabindex', '0');
    expect(json).toHaveAttribute('tabindex', '-1');
    fireEvent.click(json);
    expect(knobs).toHaveAttribute('tabindex', '-1');
    expect(json).toHaveAttribute('tabindex', '0');
  });

  it('move with → and ←, wrapping around, and open the tab they reach; the run does not step', () => {
    const { knobs, json } = renderEditor();
    const before = time();
    act(() => knobs.focus());
    fireEvent.keyDown(knobs, { key: 'ArrowRight' });
    // The page's → (step one event) does not also fire.
    expect(time()).toBe(before);
    expect(useDraft.getState().tab).toBe('json');
    expect(json).toHaveFocus();
    expect(json).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(json, { key: 'ArrowRight' });
    expect(useDraft.getState().tab).toBe('knobs');
    expect(knobs).toHaveFocus();
    fireEvent.keyDown(knobs, { key: 'ArrowLeft' });
    expect(useDraft.getState().tab).toBe('json');
    expect(time()).toBe(before);
  });

  it('go to the first and the last with Home and End; Home does not restart the run', () => {
    const { knobs, json } = renderEditor();
    act(() => usePlayback.getState().seek(30_000));
    act(() => knobs.focus());
    fireEvent.keyDown(knobs, { key: 'End' });
    expect(useDraft.getState().tab).toBe('json');
    expect(json).toHaveFocus();
    fireEvent.keyDown(json, { key: 'Home' });
    expect(useDraft.getState().tab).toBe('knobs');
    expect(knobs).toHaveFocus();
    expect(time()).toBe(30_000);
    expect(usePlayback.getState().seekTarget).toBeNull();
  });
});
