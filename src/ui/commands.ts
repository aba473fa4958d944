/**
 * Every playback command, registered once: the control bar's buttons, the keyboard shortcuts
 * and the help overlay all read this list, so a key shown in the help is the key that works.
 */
import { usePage } from '../store/page.ts';
import { MAX_SPEED, MIN_SPEED, playheadTarget, usePlayback } from '../store/playback.ts';
import type { MessageKey } from './i18n/index.ts';

/** Every command, in the order the help lists them: a name without its entry in COMMAND_TABLE does not compile. */
const COMMAND_NAMES = [
  'restart', 'jumpBack10', 'jumpBack1', 'stepBack', 'togglePlay', 'stepForward', 'jumpForward1', 'jumpForward10',
  'previousMark', 'nextMark', 'slower', 'faster', 'help', 'present', 'blank',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export interface KeyBinding {
  /** KeyboardEvent.key. */
  key: string;
  shift?: boolean;
  alt?: boolean;
  /** How the help overlay writes it. */
  label: string;
  /**
   * Bound only in presentation mode: the keys a presentation clicker sends (PageDown, PageUp),
   * which elsewhere keep scrolling the page.
   */
  presenting?: boolean;
}

export interface Command {
  /** Also the key of its label in the page's words (ui/i18n). */
  name: CommandName & MessageKey;
  /** A short symbol for the button (the label is its accessible name). */
  icon: string;
  keys: readonly KeyBinding[];
  perform(): void;
}

/** Speeds that + and - step through: 1-2-5 per decade, 0.1x to 1000x. */
const SPEED_STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;

/** Relative to where the playhead is going (the worker says where, right after a step), so three quick presses of +10 s make 30 s. */
function jump(deltaMs: number): void {
  usePlayback.getState().jump(deltaMs);
}

function togglePlay(): void {
  const state = usePlayback.getState();
  if (!state.scenario) return;
  if (state.playing) return state.setPlaying(false);
  // Play at the end of the run starts it again.
  if (state.timeMs >= state.scenario.durationMs) state.requestSeek(0);
  state.setPlaying(true);
}

function nextSpeed(speed: number, direction: 1 | -1): number {
  const steps: readonly number[] = SPEED_STEPS;
  const next = direction > 0 ? steps.find((s) => s > speed * 1.0001) : [...steps].reverse().find((s) => s < speed / 1.0001);
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, next ?? speed));
}

function changeSpeed(direction: 1 | -1): void {
  const state = usePlayback.getState();
  state.setSpeed(nextSpeed(state.speed, direction));
}

/**
 * Whether ← or → was pressed during the seek under way: the worker takes the step at the seek's
 * target (run-service.ts), and the keys after it count from where the step leads.
 */
let stepWaits = false;
usePlayback.subscribe((state) => {
  if (state.seekTarget === null) stepWaits = false;
});

function step(direction: 'back' | 'forward'): void {
  const state = usePlayback.getState();
  if (state.seekTarget !== null) stepWaits = true;
  state.step(direction);
}

/**
 * To the nearest tick after (or before) where the playhead is going: the marks a mouse clicks
 * (mark-times.ts), for the keyboard. With a step waiting, from where the step leads, once it is
 * known (null: jump-to-mark.ts waits for it); from the seek's target, the step was lost.
 */
function jumpToMark(direction: 1 | -1): void {
  const from = stepWaits ? null : playheadTarget();
  void import('./controls/jump-to-mark.ts').then((module) => module.jumpToMark(from, direction));
}

const COMMAND_TABLE = {
  restart: { icon: '|<<', keys: [{ key: 'Home', label: 'Home' }], perform: () => usePlayback.getState().requestSeek(0) },
  jumpBack10: { icon: '−10s', keys: [{ key: 'ArrowLeft', shift: true, label: 'Shift+←' }], perform: () => jump(-10_000) },
  jumpBack1: { icon: '−1s', keys: [{ key: 'ArrowLeft', alt: true, label: 'Alt+←' }], perform: () => jump(-1_000) },
  stepBack: { icon: '|<', keys: [{ key: 'ArrowLeft', label: '←' }, { key: 'PageUp', label: 'PageUp', presenting: true }], perform: () => step('back') },
  togglePlay: { icon: '>', keys: [{ key: ' ', label: 'Space' }], perform: togglePlay },
  stepForward: { icon: '>|', keys: [{ key: 'ArrowRight', label: '→' }, { key: 'PageDown', label: 'PageDown', presenting: true }], perform: () => step('forward') },
  jumpForward1: { icon: '+1s', keys: [{ key: 'ArrowRight', alt: true, label: 'Alt+→' }], perform: () => jump(1_000) },
  jumpForward10: { icon: '+10s', keys: [{ key: 'ArrowRight', shift: true, label: 'Shift+→' }], perform: () => jump(10_000) },
  previousMark: { icon: '[', keys: [{ key: '[', label: '[' }], perform: () => jumpToMark(-1) },
  nextMark: { icon: ']', keys: [{ key: ']', label: ']' }], perform: () => jumpToMark(1) },
  slower: { icon: '−', keys: [{ key: '-', label: '-' }], perform: () => changeSpeed(-1) },
  faster: { icon: '+', keys: [{ key: '+', label: '+' }, { key: '=', label: '=' }], perform: () => changeSpeed(1) },
  help: {
    icon: '?', keys: [{ key: '?', label: '?' }],
    perform: () => usePage.getState().setHelpOpen(!usePage.getState().helpOpen),
  },
  present: {
    icon: 'P', keys: [{ key: 'p', label: 'P' }],
    perform: () => usePage.getState().setPresenting(!usePage.getState().presenting),
  },
  blank: {
    // A clicker's blank button sends B or '.'; while the stage is blank any command key only brings it back (use-keyboard.ts).
    icon: 'B', keys: [{ key: 'b', label: 'B', presenting: true }, { key: '.', label: '.', presenting: true }],
    perform: () => usePage.getState().setBlanked(true),
  },
} satisfies Record<CommandName, Omit<Command, 'name'>>;

export function commandNamed(name: CommandName): Command {
  return { name, ...COMMAND_TABLE[name] };
}

export const COMMANDS: readonly Command[] = COMMAND_NAMES.map(commandNamed);

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * A key that types a character (a letter, a digit, punctuation), Space aside: WCAG 2.1.4's character
 * key shortcuts, which a speech-input user sets off by saying a word, and the person can turn off.
 */
export function typesCharacter(binding: KeyBinding): boolean {
  return binding.key.length === 1 && binding.key !== ' ';
}

/**
 * The command a key press means, if any. Ctrl and Meta chords stay the browser's; with
 * `singleKeys` off, so do the keys that type a character (P, ?, [ ...), and only the arrows,
 * Space, Home, PageUp and PageDown remain.
 */
export function commandForKey(event: KeyLike, presenting = false, singleKeys = true): Command | undefined {
  if (event.ctrlKey || event.metaKey) return undefined;
  // A letter means the same with Shift or Caps Lock.
  const key = /^[A-Z]$/.test(event.key) ? event.key.toLowerCase() : event.key;
  return COMMANDS.find((command) =>
    command.keys.some((binding) => {
      if (binding.key !== key || Boolean(binding.alt) !== event.altKey) return false;
      if (binding.presenting && !presenting) return false;
      if (!singleKeys && typesCharacter(binding)) return false;
      // Symbols such as + and ? need Shift on some keyboards and not on others.
      return typesCharacter(binding) || Boolean(binding.shift) === event.shiftKey;
    }));
}

