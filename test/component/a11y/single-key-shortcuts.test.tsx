// @vitest-environment jsdom
/**
 * WCAG 2.1.4 Character Key Shortcuts: the keys that type a character (P, ?, [ ] - + = B .) can be
 * turned off in the keyboard help, and the choice is remembered in this browser; the arrows,
 * Space, Home and the Page keys keep working.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SINGLE_KEYS_STORAGE_KEY, usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { PresentButton } from '../../../src/ui/controls/PresentButton.tsx';
import { freshRun, renderControls, time } from '../shell/shell-harness.tsx';

function press(key: string, modifiers: { shiftKey?: boolean } = {}, target: Element = document.activeElement ?? document.body): void {
  act(() => {
    fireEvent.keyDown(target, { key, ...modifiers });
  });
}

const turnOff = () => act(() => usePage.getState().setSingleKeyShortcuts(false));

beforeEach(() => {
  window.localStorage.clear();
  freshRun();
  usePage.setState({ presenting: false, blanked: false, singleKeyShortcuts: true });
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  renderControls();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  usePage.setState({ presenting: false, singleKeyShortcuts: true });
  window.localStorage.clear();
});

describe('with single-key shortcuts off', () => {
  it('P does not switch presentation mode, ? does not open the help, + and ] do nothing', () => {
    turnOff();
    press('p');
    press('P', { shiftKey: true });
    press('?', { shiftKey: true });
    press('+', { shiftKey: true });
    press(']');
    expect(usePlayback.getState()).toMatchObject({ speed: 10, timeMs: 0 });
    expect(usePage.getState()).toMatchObject({ presenting: false, helpOpen: false });
  });

  it('the arrows still step, Space still plays, Home still restarts', () => {
    turnOff();
    press('ArrowRight');
    const first = time();
    expect(first).toBeGreaterThan(0);
    press('ArrowRight', { shiftKey: true });
    expect(time()).toBe(first + 10_000);
    press('Home');
    expect(time()).toBe(0);
    press(' ');
    expect(usePlayback.getState().playing).toBe(true);
  });

  it('while presenting, a clicker\'s PageDown still steps but B no longer blanks', () => {
    act(() => usePage.getState().setPresenting(true));
    turnOff();
    press('b');
    expect(usePage.getState().blanked).toBe(false);
    press('PageDown');
    expect(time()).toBeGreaterThan(0);
  });

  it('the buttons no longer offer the keys in their tooltips', () => {
    expect(screen.getByTestId('command-faster')).toHaveAttribute('title', 'Faster (+, =)');
    turnOff();
    expect(screen.getByTestId('command-faster')).toHaveAttribute('title', 'Faster');
    expect(screen.getByTestId('command-stepForward')).toHaveAttribute('title', 'Step forward one event (→, PageDown)');
  });

  it('the Present button no longer offers P in its tooltip', () => {
    render(<PresentButton />);
    expect(screen.getByTestId('present').title).toMatch(/ \(P\)$/);
    turnOff();
    expect(screen.getByTestId('present').title).not.toMatch(/\(P\)/);
  });

  it('turned on again, P works again', () => {
    turnOff();
    act(() => usePage.getState().setSingleKeyShortcuts(true));
    press('p');
    expect(usePage.getState().presenting).toBe(true);
  });
});

describe('the switch in the keyboard help', () => {
  it('is the dialog\'s first control, under its title, and has focus as the dialog opens', () => {
    press('?', { shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const toggle = within(dialog).getByRole('switch', { name: 'Single-key shortcuts' });
    expect(toggle).toBeChecked();
    expect(toggle).toHaveFocus();
    // Before the table and the notes: on screen with the title, whatever the dialog's height.
    expect(toggle.compareDocumentPosition(within(dialog).getByRole('table')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(toggle).toHaveAccessibleDescription(/the keys \[ \] - \+ = \? P B \. do nothing/);
  });

  it('turns them off and on, remembered in the browser; the help then lists only the keys that work', () => {
    press('?', { shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const toggle = within(dialog).getByRole('switch');
    fireEvent.click(toggle);
    expect(usePage.getState().singleKeyShortcuts).toBe(false);
    expect(window.localStorage.getItem(SINGLE_KEYS_STORAGE_KEY)).toBe('off');
    expect(toggle).not.toBeChecked();
    expect(within(dialog).queryByTestId('help-present')).toBeNull();
    expect(within(dialog).queryByTestId('help-nextMark')).toBeNull();
    expect(within(dialog).getByTestId('help-stepForward')).toHaveTextContent('→');
    fireEvent.click(toggle);
    expect(window.localStorage.getItem(SINGLE_KEYS_STORAGE_KEY)).toBe('on');
    expect(within(dialog).getByTestId('help-present')).toHaveTextContent('P');
  });

  it('speaks Chinese when the page does', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    act(() => usePage.getState().setHelpOpen(true));
    const toggle = screen.getByRole('switch', { name: '单键快捷键' });
    expect(toggle).toHaveAccessibleDescription(/^关闭后，按键 \[ \] - \+ = \? P B \. 不再起作用/);
    act(() => usePlayback.getState().setLanguage('en'));
  });
});

describe('the choice survives a reload', () => {
  /** The store as a newly loaded page makes it. */
  async function reloadedStore() {
    vi.resetModules();
    return (await import('../../../src/store/page.ts')).usePage.getState();
  }

  it('off stays off, on stays on, and nothing remembered means on', async () => {
    turnOff();
    expect((await reloadedStore()).singleKeyShortcuts).toBe(false);
    act(() => usePage.getState().setSingleKeyShortcuts(true));
    expect((await reloadedStore()).singleKeyShortcuts).toBe(true);
    window.localStorage.clear();
    expect((await reloadedStore()).singleKeyShortcuts).toBe(true);
  });

  it('on where storage is refused (private mode, a sandbox)', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => { throw new Error('SecurityError'); });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => { throw new Error('SecurityError'); });
    expect(() => turnOff()).not.toThrow();
    expect(usePage.getState().singleKeyShortcuts).toBe(false);
    expect((await reloadedStore()).singleKeyShortcuts).toBe(true);
  });
});
