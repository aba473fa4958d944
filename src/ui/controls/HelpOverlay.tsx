/**
 * The `?` overlay: every registered command with its keys, read from ui/commands.ts, and the switch
 * that turns the single-character ones off (WCAG 2.1.4 Character Key Shortcuts).
 */
import { useId, useRef, type RefObject } from 'react';
import type { Bilingual } from '../../scenario/language.ts';
import { inChapter, useLesson } from '../../store/lesson.ts';
import { usePage } from '../../store/page.ts';
import { COMMANDS, typesCharacter, type Command, type KeyBinding } from '../commands.ts';
import { useT, useWords } from '../i18n/index.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { STEP_KEYS, takenByChapter } from '../learn/use-step-keys.ts';
import { UNIT_SPACE } from '../../viz/format.ts';

/**
 * A command's keys, those bound only while presenting last, set apart by a dot and labelled once:
 * a label after each ran into the next key ("B (while presenting). (while presenting)"), and
 * without the dot "← PageUp (while presenting)" read as if ← too worked only while presenting.
 */
function KeyCaps({ keys }: { keys: readonly KeyBinding[] }) {
  const words = useWords(HELP_WORDS);
  const caps = (bindings: readonly KeyBinding[]) => bindings.map((binding) => <kbd key={binding.label}>{binding.label}</kbd>);
  const presentingOnly = keys.filter((binding) => binding.presenting);
  return (
    <>
      {caps(keys.filter((binding) => !binding.presenting))}
      {presentingOnly.length > 0 && (
        <>{presentingOnly.length < keys.length && <span className="rs-muted"> · </span>}{caps(presentingOnly)}<span className="rs-muted"> ({words.whilePresenting})</span></>
      )}
    </>
  );
}

/** The help's words, here in its own chunk, not in ui/i18n: the page's first script has no room for them. */
interface HelpWords {
  title: string;
  close: string;
  keys: string;
  action: string;
  whilePresenting: string;
  lessonStep: string;
  note: string;
  escapeNote: string;
  singleKeys: string;
  singleKeysNote: (keys: string) => string;
}

const HELP_WORDS: Bilingual<HelpWords> = {
  en: {
    title: 'Keyboard shortcuts',
    close: 'Close',
    keys: 'Keys',
    action: 'Action',
    whilePresenting: 'while presenting',
    lessonStep: 'Previous / next step of the lesson',
    note: `Shortcuts do nothing while you type in a field. Space on a focused button presses that button, and arrows in a widget that moves by them (a slider, tabs, the version radios) stay that widget's (on the playhead: 1${UNIT_SPACE}s per arrow, 10${UNIT_SPACE}s per Page key).`,
    escapeNote: 'Esc closes the help, the message card and the editor, then leaves presentation mode. In the event log ↑ ↓ Home End move between events; in the inspector Esc closes it.',
    singleKeys: 'Single-key shortcuts',
    singleKeysNote: (keys) => `Off: the keys ${keys} do nothing, so a word said to speech input or a stray key press sets nothing off. The arrows, Space, Home, PageUp, PageDown and Esc still work, and the ? button at the top of the page opens this list.`,
  },
  zh: {
    title: '键盘快捷键',
    close: '关闭',
    keys: '按键',
    action: '操作',
    whilePresenting: '演示模式下',
    lessonStep: '课程的上一步 / 下一步',
    note: `在输入框中输入时快捷键不起作用。焦点在按钮上时按空格会按下该按钮；焦点在会用方向键移动的控件上（滑块、标签页、版本单选按钮）时，方向键归该控件使用（播放位置滑块：方向键每次 1${UNIT_SPACE}秒，Page 键每次 10${UNIT_SPACE}秒）。`,
    escapeNote: 'Esc 依次关闭帮助、消息卡片和编辑器，最后退出演示模式。在事件日志中 ↑ ↓ Home End 在事件之间移动；在检查器中 Esc 关闭检查器。',
    singleKeys: '单键快捷键',
    singleKeysNote: (keys) => `关闭后，按键 ${keys} 不再起作用，语音输入说出的词或误按的键都不会触发操作。方向键、空格、Home、PageUp、PageDown 和 Esc 照常可用，页面顶部的 ? 按钮仍可打开此列表。`,
  },
};

/** The keys the switch turns off, as the help writes them: P ? [ ] - + = B . */
const CHARACTER_KEYS = COMMANDS.flatMap((command) => command.keys.filter(typesCharacter).map((binding) => binding.label)).join(' ');

/**
 * The commands as their keys work now: in a chapter ← → PageUp PageDown move between its steps
 * (learn/use-step-keys.ts), and with single-key shortcuts off the keys that type a character do
 * nothing, so a command is offered only with the keys left to it, and not at all when none are
 * (its button stays: step one event, help, present ...).
 */
function commandsNow(chapterOpen: boolean, singleKeys: boolean): readonly Command[] {
  if (!chapterOpen && singleKeys) return COMMANDS;
  const works = (binding: KeyBinding) => !(chapterOpen && takenByChapter(binding)) && (singleKeys || !typesCharacter(binding));
  return COMMANDS.map((command) => ({ ...command, keys: command.keys.filter(works) }))
    .filter((command) => command.keys.length > 0);
}

/** The switch, first in the dialog, under its title: a native checkbox announced as a switch. */
function SingleKeySwitch({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const words = useWords(HELP_WORDS);
  const noteId = useId();
  const on = usePage((s) => s.singleKeyShortcuts);
  return (
    <div className="rs-help-switch">
      <label>
        <input ref={inputRef} type="checkbox" role="switch" checked={on} aria-describedby={noteId} data-testid="single-key-switch"
          onChange={(event) => usePage.getState().setSingleKeyShortcuts(event.currentTarget.checked)} />
        {' '}{words.singleKeys}
      </label>
      <p id={noteId} className="rs-help-note">{words.singleKeysNote(CHARACTER_KEYS)}</p>
    </div>
  );
}

export function HelpOverlay() {
  const t = useT();
  const words = useWords(HELP_WORDS);
  const titleId = useId();
  const open = usePage((s) => s.helpOpen);
  const setHelpOpen = usePage((s) => s.setHelpOpen);
  const chapterOpen = useLesson(inChapter);
  const singleKeys = usePage((s) => s.singleKeyShortcuts);
  const switchRef = useRef<HTMLInputElement>(null);
  if (!open) return null;
  const close = () => setHelpOpen(false);
  // Focus starts on the switch under the title, as the chapter list and the glossary start on
  // their first control: focus on Close, the only control before, was below the dialog's scroll
  // box at 1280x800, not on screen. Close is at the foot as in them, and in the title's row, which
  // stays at the top while the list scrolls: a tablet has no Esc, and at 150 % zoom the foot was
  // 460 px of scrolling away.
  return (
    <ModalDialog titleId={titleId} onClose={close} initialFocus={switchRef} className="rs-help" testId="help-overlay">
      <div className="rs-help-head">
        <h2 id={titleId}>{words.title}</h2>
        <button type="button" className="rs-button rs-button-small rs-help-close" aria-label={words.close} title={words.close} data-testid="help-close-top" onClick={close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <SingleKeySwitch inputRef={switchRef} />
      <table className="rs-help-table">
        <thead>
          <tr><th scope="col">{words.keys}</th><th scope="col">{words.action}</th></tr>
        </thead>
        <tbody>
          {chapterOpen && (
            <tr data-testid="help-lessonStep">
              <td><KeyCaps keys={STEP_KEYS} /></td>
              <td>{words.lessonStep}</td>
            </tr>
          )}
          {commandsNow(chapterOpen, singleKeys).map((command) => (
            <tr key={command.name} data-testid={`help-${command.name}`}>
              <td><KeyCaps keys={command.keys} /></td>
              <td>{t(command.name)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="rs-help-note">{words.note}</p>
      <p className="rs-help-note">{words.escapeNote}</p>
      <button type="button" className="rs-button" onClick={close}>{words.close}</button>
    </ModalDialog>
  );
}
