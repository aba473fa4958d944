// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { BlankStage } from '../../../src/ui/controls/BlankStage.tsx';
import { CardHost } from '../../../src/ui/controls/CardHost.tsx';
import { PresentButton } from '../../../src/ui/controls/PresentButton.tsx';
import { EditorPanel } from '../../../src/ui/editor/EditorPanel.tsx';
import { freshRun, renderControls, time } from '../shell/shell-harness.tsx';

/** A key pressed where focus is (the page's shortcuts listen on window, as in the browser). */
function press(key: string, target: Element = document.activeElement ?? document.body): void {
  act(() => {
    fireEvent.keyDown(target, { key });
  });
}

/** The Edit button and the drawer it opens, as the page's header and main area have them. */
function EditorWithOpener() {
  const open = usePage((s) => s.editorOpen);
  return (
    <>
      <button type="button" data-testid="edit" onClick={() => usePage.getState().setEditorOpen(!open)}>Edit</button>
      {open && <EditorPanel />}
    </>
  );
}

/** Where the window is scrolled: jsdom lays nothing out, so the tests say. */
function scrolledTo(top: number): void {
  Object.defineProperty(window, 'scrollY', { value: top, configurable: true });
}

beforeEach(() => {
  freshRun();
  usePlayback.setState({ selection: null });
  usePage.setState({ presenting: false });
  // Leaving presentation mode scrolls the window back; jsdom implements no scrolling.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  renderControls();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  scrolledTo(0);
});

describe('Escape closes what is on top, one thing per press', () => {
  it('the help, then the message card, then the editor, then presentation mode', async () => {
    render(<><CardHost /><EditorWithOpener /><PresentButton /></>);
    act(() => {
      usePage.getState().setPresenting(true);
      usePlayback.setState({ selection: { kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 5 } });
      usePage.setState({ editorOpen: true, helpOpen: true });
    });
    await screen.findByTestId('message-card', {}, { timeout: 10_000 });
    press('Escape', document.body);
    expect(usePage.getState()).toMatchObject({ helpOpen: false, editorOpen: true, presenting: true });
    expect(screen.getByTestId('message-card')).toBeInTheDocument();
    press('Escape', document.body);
    expect(screen.queryByTestId('message-card')).toBeNull();
    expect(usePage.getState()).toMatchObject({ editorOpen: true, presenting: true });
    press('Escape', document.body);
    expect(usePage.getState()).toMatchObject({ editorOpen: false, presenting: true });
    press('Escape', document.body);
    expect(usePage.getState().presenting).toBe(false);
    expect(screen.getByTestId('present')).toHaveAttribute('aria-pressed', 'false');
  });

  it('closes the editor even while typing in its JSON field, and focus goes back to the Edit button', () => {
    render(<EditorWithOpener />);
    const edit = screen.getByTestId('edit');
    edit.focus();
    fireEvent.click(edit);
    const drawer = screen.getByTestId('editor');
    expect(drawer).toHaveFocus();
    fireEvent.click(screen.getByTestId('editor-tab-json'));
    screen.getByTestId('json-editor').focus();
    press('Escape');
    expect(screen.queryByTestId('editor')).toBeNull();
    expect(edit).toHaveFocus();
  });

  it('the message card takes focus when it opens and gives it back to what opened it', async () => {
    render(<><button type="button" data-testid="opener" onClick={() => usePlayback.getState().select({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 5 })}>queue 5</button><CardHost /></>);
    const opener = screen.getByTestId('opener');
    opener.focus();
    fireEvent.click(opener);
    expect(await screen.findByTestId('message-card', {}, { timeout: 10_000 })).toHaveFocus();
    press('Escape');
    expect(screen.queryByTestId('message-card')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('does nothing, and leaves the key alone, when nothing is open', () => {
    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    act(() => {
      document.body.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(false);
  });
});

describe('presentation mode', () => {
  it('P and the Present button switch it on and off; presenting closes the editor', () => {
    render(<PresentButton />);
    act(() => usePage.setState({ editorOpen: true }));
    press('p', document.body);
    expect(usePage.getState()).toMatchObject({ presenting: true, editorOpen: false });
    expect(screen.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
    press('P', document.body);
    expect(usePage.getState().presenting).toBe(false);
    fireEvent.click(screen.getByTestId('present'));
    expect(usePage.getState().presenting).toBe(true);
  });

  it('leaving it, by Esc, P or the button, scrolls the window back to where it was when it began', () => {
    render(<PresentButton />);
    const scrollTo = vi.mocked(window.scrollTo);
    const leaves = [() => press('Escape', document.body), () => press('p', document.body), () => fireEvent.click(screen.getByTestId('present'))];
    leaves.forEach((leave, i) => {
      scrolledTo(100 * i);
      press('p', document.body);
      // What presenting scrolled to (use-presenting-scroll.ts): the header is above the window.
      scrolledTo(310);
      leave();
      expect(usePage.getState().presenting).toBe(false);
      expect(scrollTo).toHaveBeenCalledTimes(i + 1);
      expect(scrollTo).toHaveBeenLastCalledWith({ top: 100 * i });
    });
  });

  it('a clicker\'s PageDown and PageUp step the run only while presenting', () => {
    press('PageDown', document.body);
    expect(time()).toBe(0);
    act(() => usePage.getState().setPresenting(true));
    press('PageDown', document.body);
    const first = time();
    expect(first).toBeGreaterThan(0);
    press('PageDown', document.body);
    expect(time()).toBeGreaterThan(first);
    press('PageUp', document.body);
    expect(time()).toBe(first);
  });

  it('a clicker\'s blank key (B or .) blanks the stage and pauses; the same key, a step key or Esc brings it back on the same moment', () => {
    const blanked = () => usePage.getState().blanked;
    press('b', document.body);
    expect(blanked()).toBe(false);
    act(() => usePage.getState().setPresenting(true));
    press('PageDown', document.body);
    const moment = time();
    act(() => usePlayback.getState().setPlaying(true));
    press('b', document.body);
    expect(usePlayback.getState()).toMatchObject({ playing: false });
    expect(usePage.getState()).toMatchObject({ blanked: true });
    press('B', document.body);
    expect(blanked()).toBe(false);
    press('.', document.body);
    expect(blanked()).toBe(true);
    press('PageDown', document.body);
    expect(blanked()).toBe(false);
    expect(time()).toBe(moment);
    press('.', document.body);
    press('Escape', document.body);
    expect(usePage.getState()).toMatchObject({ blanked: false, presenting: true });
    act(() => usePage.getState().setBlanked(true));
    act(() => usePage.getState().setPresenting(false));
    expect(blanked()).toBe(false);
  });

  it('the blanked stage says how to come back, in the page\'s language, and a click brings the page back', () => {
    act(() => { usePlayback.setState({ language: 'zh' }); usePage.setState({ presenting: true, blanked: true }); });
    render(<BlankStage />);
    expect(screen.getByTestId('blank-stage')).toHaveTextContent('按 B、. 或翻页键恢复');
    fireEvent.click(screen.getByTestId('blank-stage'));
    expect(usePage.getState().blanked).toBe(false);
    act(() => usePlayback.setState({ language: 'en' }));
    expect(screen.getByTestId('blank-stage')).toHaveTextContent('B, . or a step key brings it back');
  });
});
