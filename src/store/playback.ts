/**
 * What the person controls of the run: the scenario being played, the playhead, play/pause, speed,
 * selection and language. The page around it (the banner, the help and the editor, presentation
 * mode) is ./page.ts.
 * Simulation data is never copied in here: panels derive it from the Timeline at `timeMs`
 * (see ui/use-sim.ts).
 *
 * The store is the one owner of time: it alone moves the run. The animation driver, the event
 * log, the scrubber and the commands (buttons and keys) ask it to (`seek`, `requestSeek`,
 * `playTo`, `step`); everyone else reads the Timeline through a TimelineView, which has no way
 * to move it.
 */
import { create } from 'zustand';
import type { Language } from '../scenario/language.ts';
import type { LinkSelection } from '../scenario/selection-link.ts';
// By its own path, not the door (sim/index.ts): the door's re-exports would follow it into the page's first script.
import { clampToRun } from '../sim/clamp-to-run.ts';
import type { Scenario } from '../sim/index.ts';
import type { Timeline, TimelineView } from '../sim/timeline.ts';
import type { FrameArrival, RemoteRun, RemoteRunListener } from './remote-run.ts';
import { writeStored } from './stored.ts';
import { usePage } from './page.ts';
import { boundedSeek, seekPercent } from './seek-budget.ts';
import type { StepDirection } from './worker/protocol.ts';

/** What is selected (the same as a share link can carry), or nothing. */
export type Selection = LinkSelection | null;
export type ProcessSelection = Extract<NonNullable<Selection>, { id: string }>;

/** Whether a process (a NameServer, a broker, a client) is selected, not a message or a queue or nothing. */
export function isProcessSelection(selection: Selection): selection is ProcessSelection {
  return selection !== null && 'id' in selection;
}

export type CardSelection = Extract<NonNullable<Selection>, { kind: 'message' | 'queue' }>;

/** Whether a message or a queue is selected: what opens the card beside the page. */
export function isCardSelection(selection: Selection): selection is CardSelection {
  return selection?.kind === 'message' || selection?.kind === 'queue';
}
export type { Language };

export interface LoadOptions {
  /** The scenario file as the person wrote it (what a link or a download carries); defaults to `scenario`. */
  source?: unknown;
  /** The built-in library entry it came from, or null for an edited, uploaded or shared one. */
  libraryId?: string | null;
  /** Times where the person changed the run (shown on the scrubber); none by default. */
  forks?: number[];
  /** Keep the selected process (a fork of the same run); cleared by default. */
  keepSelection?: boolean;
}

export interface PlaybackState {
  scenario: Scenario | null;
  /** The scenario file as written, before defaults were filled in: what is shared and edited. */
  source: unknown;
  libraryId: string | null;
  forks: number[];
  /**
   * Bumped whenever the panels switch to a new run (new scenario or an edit that forks the run):
   * at once on the page, with the run's first frame when it lives in the worker.
   */
  timelineVersion: number;
  /** Bumped by every loadScenario at once, wherever the run lives: who loaded a run knows it by this. */
  runVersion: number;
  /**
   * Bumped by a load that is not an edit of the run on screen (the editor's Apply, keepSelection,
   * keeps it): the panels keep what the person set in them (the log's filter, a chart's metric)
   * across an edit, and start afresh with another scenario.
   */
  lineage: number;
  /** The playhead: the time every panel shows. */
  timeMs: number;
  /**
   * The time of the run's summary: the playhead's, except while a run in the worker plays (a play
   * move's frames leave the summary out; it comes with the frame where the run rests).
   */
  summaryMs: number;
  /** Where a seek carried out across frames is going (the driver continues it); null when none. */
  seekTarget: number | null;
  /** How much of that seek is done, 0-99, from the playhead it started at (seekPercent), for the progress display; null when none. */
  seekProgress: number | null;
  playing: boolean;
  /** Virtual milliseconds per wall millisecond, 0.1 to 1000 on a log scale. */
  speed: number;
  selection: Selection;
  language: Language;
  loadScenario(scenario: Scenario, atMs?: number, options?: LoadOptions): void;
  /** Moves the playhead to timeMs at once, however much must be simulated; ends a seek under way. */
  seek(timeMs: number): void;
  /** Moves the playhead to timeMs: at once when that is cheap, else across the next frames. */
  requestSeek(timeMs: number): void;
  /**
   * Moves the playhead by byMs from where it is going (the target of a seek under way, else where
   * the run is): with the run in the worker, the worker works out the target (right after a step,
   * only it knows the step's moment) and says it at once.
   */
  jump(byMs: number): void;
  /** One frame's share of the seek under way (the driver calls it once per frame). */
  continueSeek(): void;
  /** Ends a seek under way where it has got to, so the panels and the Timeline agree. */
  cancelSeek(): void;
  /** Playing: moves forward toward timeMs within a frame's budget; returns the time reached. */
  playTo(timeMs: number): number;
  /** Pauses and moves to the previous or next trace event. */
  step(direction: StepDirection): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  select(selection: Selection): void;
  /** The person's choice of language: the page switches, and the choice is kept for the next visit. */
  setLanguage(language: Language): void;
  /**
   * The language the page opens in (a link's, else the one kept, else the browser's:
   * ui/i18n/language-choice.ts): shown, not kept, so a link in another language does not change
   * what the learner picked.
   */
  openInLanguage(language: Language): void;
  /** The simulator failed (it threw, or its worker stopped): stops playing, ends any seek and says so in the banner (./page.ts). */
  fail(message: string): void;
}

/** Builds the run on the page's own thread (runOnPage: tests, `?inpage`, a browser without Worker). */
let makeTimeline: ((scenario: Scenario) => Timeline) | null = null;
/** The run on the page's own thread. */
let current: Timeline | null = null;
/** The run in the simulation's worker, when the page runs it there (runInWorker, the page's default). */
let remote: RemoteRun | null = null;

/** The Timeline of the loaded scenario, positioned at the store's timeMs: to read, never to move. */
export function getTimeline(): TimelineView | null {
  return remote ? remote.latest : current;
}

/** The run in the worker, for named queries (src/store/sim-query.ts); null when the run is on the page. */
export function getRemoteRun(): RemoteRun | null {
  return remote;
}

/** While a long seek is under way, how often the page shows where it has got to. */
const PUBLISH_EVERY_MS = 250;
/** Wall time the playhead was last published during a long seek. */
let publishedAt = 0;
/**
 * Where the seek under way started: the playhead shown when it was asked (0 for a link's moment).
 * Its progress is the share of the jump done, so a jump from 40:00 to 50:00 starts at 0 %.
 */
let seekFrom = 0;

/**
 * Jumps sent to the worker whose target it has not said yet, and the target the store last took
 * for a seek: a progress message with another target is the next jump's word (the worker says it
 * at once, before any frame of the jump), one with the same is the seek before it still going.
 */
const jumps = { unannounced: 0, lastTarget: null as number | null };

/** Where the playhead is going: the target of a seek under way, else where it is. Relative moves start here. */
export function playheadTarget(): number {
  const { seekTarget, timeMs } = usePlayback.getState();
  return seekTarget ?? timeMs;
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;

/** Where the person's choice of language is kept between visits (./stored.ts: a preference, not part of a run). */
export const LANGUAGE_STORAGE_KEY = 'rocketscope.language';

type Setter = (partial: Partial<PlaybackState>) => void;

/** Seeking: the playhead moved to a time, at once when that is cheap, else across frames (the driver continues it). */
function seekActions(set: Setter, get: () => PlaybackState): Pick<PlaybackState, 'seek' | 'requestSeek' | 'jump' | 'continueSeek' | 'cancelSeek'> {
  return {
    seek(timeMs) {
      if (remote) return get().requestSeek(timeMs);
      if (!current) return;
      current.seek(timeMs);
      publish(set, current, { seekTarget: null, seekProgress: null });
    },
    requestSeek(timeMs) {
      const durationMs = get().scenario?.durationMs;
      seekFrom = get().timeMs;
      if (remote && durationMs !== undefined) {
        const target = clampToRun(timeMs, durationMs);
        remote.move(target, 'seek');
        Object.assign(jumps, { unannounced: 0, lastTarget: target });
        return set({ seekTarget: target, seekProgress: 0 });
      }
      if (!current) return;
      set({ seekTarget: clampToRun(timeMs, current.durationMs), seekProgress: 0 });
      publishedAt = performance.now();
      get().continueSeek();
    },
    jump(byMs) {
      const durationMs = get().scenario?.durationMs;
      if (!remote || durationMs === undefined) return get().requestSeek(playheadTarget() + byMs);
      remote.jump(byMs);
      jumps.unannounced++;
      seekFrom = get().timeMs;
      // Until the worker says its target, the page's own guess (the same unless a step is under way).
      set({ seekTarget: clampToRun(playheadTarget() + byMs, durationMs), seekProgress: 0 });
    },
    continueSeek() {
      // A run in the worker continues by itself and reports with its frames.
      if (remote) return;
      const target = get().seekTarget;
      if (target === null || !current) return;
      const reached = boundedSeek(current, target);
      // The chunks on the way are not all shown: redrawing every panel for each would cost far more
      // than simulating it, so the page shows the playhead every PUBLISH_EVERY_MS and at the target.
      const now = performance.now();
      if (reached === target) return publish(set, current, { seekTarget: null, seekProgress: null });
      const seekProgress = seekPercent(seekFrom, reached, target);
      if (now - publishedAt >= PUBLISH_EVERY_MS) {
        publishedAt = now;
        publish(set, current, { seekProgress });
      } else if (seekProgress !== get().seekProgress) set({ seekProgress });
    },
    cancelSeek() {
      if (remote && get().seekTarget !== null) {
        remote.cancel();
        jumps.unannounced = 0;
        return set({ seekTarget: null, seekProgress: null });
      }
      if (get().seekTarget === null || !current) return;
      publish(set, current, { seekTarget: null, seekProgress: null });
    },
  };
}

/** Playing and stepping: forward within a frame's budget, or to the previous or next trace event. */
function playActions(set: Setter, get: () => PlaybackState): Pick<PlaybackState, 'playTo' | 'step' | 'setPlaying'> {
  return {
    playTo(timeMs) {
      if (remote) {
        // The worker moves there and answers with a frame; the playhead follows the frames.
        remote.move(timeMs, 'play');
        return timeMs;
      }
      if (!current) return get().timeMs;
      const reached = boundedSeek(current, timeMs);
      publish(set, current, {});
      return reached;
    },
    step(direction) {
      // From where the run is going: a seek under way (a jump, announced or not) goes on to its
      // target and the step is taken from there, so the moment reached does not depend on how far
      // it had come. In the worker, the frame that ends the seek shows the step (run-service.ts step).
      // Stepping pauses.
      if (remote) {
        remote.step(direction);
        return set({ playing: false });
      }
      if (!current) return;
      current.seek(playheadTarget());
      if (direction === 'forward') current.seekNextTraceEvent();
      else current.seek(current.previousTraceTime());
      publish(set, current, { playing: false, seekTarget: null, seekProgress: null });
    },
    setPlaying(playing) {
      // The worker's frames while playing leave the summary out: pausing asks for a frame with it.
      if (remote && !playing && get().playing) settle(remote, get());
      set({ playing });
    },
  };
}

export const usePlayback = create<PlaybackState>()((set, get) => ({
  scenario: null,
  source: null,
  libraryId: null,
  forks: [],
  timelineVersion: 0,
  runVersion: 0,
  lineage: 0,
  timeMs: 0,
  summaryMs: 0,
  seekTarget: null,
  seekProgress: null,
  playing: false,
  speed: 10,
  selection: null,
  language: 'en',
  loadScenario(scenario, atMs = 0, options = {}) {
    const chosen = {
      runVersion: get().runVersion + 1,
      lineage: options.keepSelection ? get().lineage : get().lineage + 1,
      scenario,
      source: options.source ?? scenario,
      libraryId: options.libraryId ?? null,
      forks: options.forks ?? [],
      playing: false,
      ...(options.keepSelection ? {} : { selection: null }),
    };
    if (remote) {
      // The panels switch to the new run with its first frame (onFrame bumps timelineVersion).
      remote.load(scenario, atMs);
      const target = clampToRun(atMs, scenario.durationMs);
      Object.assign(jumps, { unannounced: 0, lastTarget: target });
      seekFrom = 0;
      return set({ ...chosen, timeMs: 0, seekTarget: target > 0 ? target : null, seekProgress: target > 0 ? 0 : null });
    }
    if (!makeTimeline) throw new Error('The run has nowhere to live: call runInWorker or runOnPage first.');
    current = makeTimeline(scenario);
    current.seek(atMs);
    set({ ...chosen, timelineVersion: get().timelineVersion + 1, timeMs: current.now, summaryMs: current.now, seekTarget: null, seekProgress: null });
  },
  ...seekActions(set, get),
  ...playActions(set, get),
  setSpeed(speed) {
    set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) });
  },
  select(selection) {
    set({ selection });
  },
  setLanguage(language) {
    writeStored(LANGUAGE_STORAGE_KEY, language);
    set({ language });
  },
  openInLanguage(language) {
    set({ language });
  },
  fail(message) {
    set({ playing: false, seekTarget: null, seekProgress: null });
    usePage.getState().setBanner({ code: 'pageFailed', message });
  },
}));

// Blanking the stage pauses the run: nothing runs on unseen, and the class finds the run where it
// was when the stage comes back (setPlaying settles a run in the worker at the moment shown).
usePage.subscribe((page, previous) => {
  if (page.blanked && !previous.blanked) usePlayback.getState().setPlaying(false);
});

/**
 * Playing has stopped: the run in the worker rests at the moment the page shows, the one the
 * person paused on (and the address will carry), not where the worker's play moves have got to
 * meanwhile (the page's frames trail them by a message). A seek under way rests at its end.
 */
function settle(run: RemoteRun, { timeMs, seekTarget }: PlaybackState): void {
  run.settle(seekTarget === null ? timeMs : null);
}

/**
 * Runs the simulation on the page's own thread from now on (src/store/page-run.ts passes the
 * Timeline, so that the model's code is not in the page's first load when the run is in a worker).
 */
export function runOnPage(make: (scenario: Scenario) => Timeline): void {
  makeTimeline = make;
  remote = null;
}

/**
 * Runs the simulation in a Web Worker from now on (the page calls this once, before loading):
 * the store's commands go to the worker, and the playhead is the time of its latest frame.
 */
export function runInWorker(start: (listener: RemoteRunListener) => RemoteRun): void {
  const failed = (message: string) => usePlayback.getState().fail(message);
  // Started by the caller, so that the worker's code loads only for a page that uses it.
  remote = start({ frame: onFrame, progress: onProgress, failed });
  current = null;
}

/**
 * A long seek under way in the worker: only its progress shows; the panels wait for its frame.
 * A jump's first progress says the target the worker chose: the seek the store follows from now on.
 */
function onProgress(target: number, timeMs: number): void {
  const progress = seekPercent(seekFrom, timeMs, target);
  if (jumps.unannounced > 0 && target !== jumps.lastTarget) {
    Object.assign(jumps, { unannounced: jumps.unannounced - 1, lastTarget: target });
    return usePlayback.setState({ seekTarget: target, seekProgress: progress });
  }
  if (usePlayback.getState().seekTarget !== target) return;
  usePlayback.setState({ seekProgress: progress });
}

/** A frame from the worker: the playhead moves to it, and a seek under way shows how far it has come. */
function onFrame({ view, first, move }: FrameArrival): void {
  const state = usePlayback.getState();
  const changes: Partial<PlaybackState> = { timeMs: view.now, summaryMs: view.summaryMs };
  if (first) changes.timelineVersion = state.timelineVersion + 1;
  if (move?.kind === 'seek' && move.done && move.target === state.seekTarget) Object.assign(changes, { seekTarget: null, seekProgress: null });
  if (view.now >= view.durationMs) changes.playing = false;
  usePlayback.setState(changes);
}

/** The playhead becomes the Timeline's time; playing stops at the end of the run. */
function publish(set: Setter, timeline: Timeline, changes: Partial<PlaybackState>): void {
  const atEnd = timeline.now >= timeline.durationMs;
  set({ timeMs: timeline.now, summaryMs: timeline.now, ...changes, ...(atEnd ? { playing: false } : {}) });
}
