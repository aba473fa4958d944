// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLesson } from '../../../src/store/lesson.ts';
import { usePlayback, type Language } from '../../../src/store/playback.ts';
import { App } from '../../../src/ui/App.tsx';

/** The free simulator in `language`, no chapter open: the header's Glossary button, focused as a click or Tab leaves it. */
function freeSimulatorButton(language: Language, label: string): HTMLElement {
  act(() => usePlayback.getState().setLanguage(language));
  render(<App />);
  expect(useLesson.getState().chapterId).toBeNull();
  expect(screen.queryByTestId('chapter')).toBeNull();
  const button = within(document.querySelector<HTMLElement>('.rs-header')!).getByRole('button', { name: label });
  button.focus();
  return button;
}

afterEach(() => {
  cleanup();
  act(() => usePlayback.getState().setLanguage('en'));
});

describe('the header\'s Glossary button, in the free simulator', () => {
  it('opens the glossary in English, and Esc gives focus back to the button', async () => {
    const button = freeSimulatorButton('en', 'Glossary');
    fireEvent.click(button);
    const glossary = await screen.findByRole('dialog', { name: 'Glossary' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    // One opens it to look a word up.
    expect(within(glossary).getByRole('searchbox', { name: 'Find a term' })).toHaveFocus();
    const removal = within(glossary).getByRole('cell', { name: 'broker removal' }).closest('tr')!;
    // RouteInfoManager.scanNotActiveBroker and the idle close count from the last registration, not from the crash.
    expect(removal).toHaveTextContent('a silent one 120 s after its last registration');
    fireEvent.keyDown(glossary, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('keeps Tab inside while open: past its last control to its first, before its first to its last; the run\'s keys do not reach the page behind', async () => {
    const button = freeSimulatorButton('en', 'Glossary');
    fireEvent.click(button);
    const glossary = await screen.findByRole('dialog', { name: 'Glossary' });
    const controls = [...glossary.querySelectorAll<HTMLElement>('button, input, [tabindex]:not([tabindex="-1"])')];
    expect(controls.length).toBeGreaterThanOrEqual(2);
    controls.at(-1)!.focus();
    fireEvent.keyDown(controls.at(-1)!, { key: 'Tab' });
    expect(controls[0]).toHaveFocus();
    fireEvent.keyDown(controls[0]!, { key: 'Tab', shiftKey: true });
    expect(controls.at(-1)).toHaveFocus();
    const before = usePlayback.getState().timeMs;
    fireEvent.keyDown(controls.at(-1)!, { key: 'ArrowRight' });
    expect(usePlayback.getState().timeMs).toBe(before);
    expect(usePlayback.getState().seekTarget).toBeNull();
    fireEvent.keyDown(glossary, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('opens it in Chinese, and its close button gives focus back to the button', async () => {
    const button = freeSimulatorButton('zh', '术语表');
    fireEvent.click(button);
    const glossary = await screen.findByRole('dialog', { name: '术语表' });
    expect(within(glossary).getByRole('cell', { name: '路由剔除' }).closest('tr')).toHaveTextContent('最后一次注册 120 秒后');
    fireEvent.click(within(glossary).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(button).toHaveFocus();
  });
});
