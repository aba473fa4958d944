// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLesson } from '../../../src/store/lesson.ts';
import { usePage } from '../../../src/store/page.ts';
import { CommandButton } from '../../../src/ui/controls/CommandButton.tsx';
import { Glossary } from '../../../src/ui/learn/Glossary.tsx';
import { LearnButton } from '../../../src/ui/learn/LearnButton.tsx';
import { LearnHost } from '../../../src/ui/learn/LearnHost.tsx';
import { freshRun, renderControls } from '../shell/shell-harness.tsx';

/** The header's Glossary button and the dialog it opens. */
function GlossaryWithOpener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="glossary-opener" onClick={() => setOpen(true)}>Glossary</button>
      {open && <Glossary onClose={() => setOpen(false)} />}
    </>
  );
}

interface DialogCase {
  name: string;
  testId: string;
  opener: () => HTMLElement;
  /** The control a keyboard user starts on. */
  first: (dialog: HTMLElement) => HTMLElement;
}

const DIALOGS: DialogCase[] = [
  { name: 'the help', testId: 'help-overlay', opener: () => screen.getByTestId('command-help'), first: (dialog) => within(dialog).getByRole('switch', { name: 'Single-key shortcuts' }) },
  { name: 'the chapter list', testId: 'chapter-list', opener: () => screen.getByTestId('learn'), first: (dialog) => within(dialog).getAllByRole('button')[0]! },
  { name: 'the glossary', testId: 'glossary', opener: () => screen.getByTestId('glossary-opener'), first: (dialog) => within(dialog).getByRole('searchbox') },
];

/** Opens the dialog from its button, as a person does: focus on the button, then a click. */
function openFrom(entry: DialogCase): { opener: HTMLElement; dialog: HTMLElement } {
  const opener = entry.opener();
  act(() => opener.focus());
  fireEvent.click(opener);
  return { opener, dialog: screen.getByTestId(entry.testId) };
}

beforeEach(() => {
  freshRun();
  useLesson.setState({ listOpen: false, chapterId: null });
  // Something under the dialog that the page's Escape would close (escape.ts).
  usePage.setState({ editorOpen: true });
  renderControls();
  // The header's buttons that open the three dialogs.
  render(<><CommandButton name="help" /><LearnButton /><LearnHost /><GlossaryWithOpener /></>);
});
afterEach(() => {
  cleanup();
  usePage.setState({ editorOpen: false });
});

describe.each(DIALOGS)('$name', (entry) => {
  it('is a modal dialog named by its heading, and starts focus on its first control', () => {
    const { dialog } = openFrom(entry);
    expect(dialog).toHaveAttribute('role', 'dialog');
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveClass('rs-dialog');
    expect(dialog).toHaveAccessibleName(dialog.querySelector('h2')!.textContent!);
    expect(entry.first(dialog)).toHaveFocus();
  });

  it('closes on Escape, which goes no further (the editor under it stays open), and gives focus back to the button that opened it', () => {
    const { opener, dialog } = openFrom(entry);
    fireEvent.keyDown(entry.first(dialog), { key: 'Escape' });
    expect(screen.queryByTestId(entry.testId)).toBeNull();
    expect(usePage.getState().editorOpen).toBe(true);
    expect(opener).toHaveFocus();
  });

  it('keeps Tab inside, closes on a click outside it but not inside, and gives focus back', () => {
    const { opener, dialog } = openFrom(entry);
    const controls = [...dialog.querySelectorAll<HTMLElement>('button, input')];
    act(() => controls.at(-1)!.focus());
    fireEvent.keyDown(controls.at(-1)!, { key: 'Tab' });
    expect(controls[0]).toHaveFocus();
    fireEvent.click(dialog);
    expect(screen.getByTestId(entry.testId)).toBe(dialog);
    fireEvent.click(dialog.parentElement!);
    expect(screen.queryByTestId(entry.testId)).toBeNull();
    expect(opener).toHaveFocus();
  });
});
