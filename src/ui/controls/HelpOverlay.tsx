/** The `?` overlay: every registered command with its keys, read from ui/commands.ts. */
import { useId, useRef } from 'react';
import { inChapter, useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { COMMANDS, type Command, type KeyBinding } from '../commands.ts';
import { useT } from '../i18n/index.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { STEP_KEYS, takenByChapter } from '../learn/use-step-keys.ts';

/**
 * A command's keys, those bound only while presenting last, set apart by a dot and labelled once:
 * a label after each ran into the next key ("B (while presenting). (while presenting)"), and
 * without the dot "← PageUp (while presenting)" read as if ← too worked only while presenting.
 */
function KeyCaps({ keys }: { keys: readonly KeyBinding[] }) {
  const t = useT();
  const caps = (bindings: readonly KeyBinding[]) => bindings.map((binding) => <kbd key={binding.label}>{binding.label}</kbd>);
  const presentingOnly = keys.filter((binding) => binding.presenting);
  return (
    <>
      {caps(keys.filter((binding) => !binding.presenting))}
      {presentingOnly.length > 0 && (
        <>{presentingOnly.length < keys.length && <span className="rs-muted"> · </span>}{caps(presentingOnly)}<span className="rs-muted"> ({t('whilePresenting')})</span></>
      )}
    </>
  );
}

/**
 * The commands as their keys work now: in a chapter ← → PageUp PageDown move between its steps
 * (learn/use-step-keys.ts), so a command is offered only with the keys left to it, and not at all
 * when none are (step back and forward one event keep their buttons).
 */
function commandsNow(chapterOpen: boolean): readonly Command[] {
  if (!chapterOpen) return COMMANDS;
  return COMMANDS.map((command) => ({ ...command, keys: command.keys.filter((binding) => !takenByChapter(binding)) }))
    .filter((command) => command.keys.length > 0);
}

export function HelpOverlay() {
  const t = useT();
  const titleId = useId();
  const open = usePlayback((s) => s.helpOpen);
  const setHelpOpen = usePlayback((s) => s.setHelpOpen);
  const chapterOpen = useLesson(inChapter);
  const closeRef = useRef<HTMLButtonElement>(null);
  if (!open) return null;
  const close = () => setHelpOpen(false);
  // The close button is the dialog's only control: it has focus, and Tab stays on it while the dialog is open.
  return (
    <ModalDialog titleId={titleId} onClose={close} initialFocus={closeRef} className="rs-help" testId="help-overlay">
      <h2 id={titleId}>{t('helpTitle')}</h2>
      <table className="rs-help-table">
        <thead>
          <tr><th scope="col">{t('key')}</th><th scope="col">{t('action')}</th></tr>
        </thead>
        <tbody>
          {chapterOpen && (
            <tr data-testid="help-lessonStep">
              <td><KeyCaps keys={STEP_KEYS} /></td>
              <td>{t('lessonStep')}</td>
            </tr>
          )}
          {commandsNow(chapterOpen).map((command) => (
            <tr key={command.name} data-testid={`help-${command.name}`}>
              <td><KeyCaps keys={command.keys} /></td>
              <td>{t(command.name)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="rs-help-note">{t('helpNote')}</p>
      <p className="rs-help-note">{t('escapeNote')}</p>
      <button ref={closeRef} type="button" className="rs-button" onClick={close}>{t('close')}</button>
    </ModalDialog>
  );
}
