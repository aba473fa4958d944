/**
 * What the person controls: the scenario being played, the playhead, play/pause, speed,
 * selection, language and panel filters. Simulation data is never copied in here: panels derive
 * it from the Timeline at `timeMs` (see ui/use-sim.ts).
 */
import { create } from 'zustand';
import type { Scenario } from '../model/spec.ts';
import { Timeline } from '../sim/timeline.ts';

/** A process for the inspector, a message for its card, or a queue for its latest messages. */
export type Selection =
  | { kind: 'nameServer' | 'broker' | 'client'; id: string }
  | { kind: 'message'; msgId: string }
  | { kind: 'queue'; topic: string; broker: string; queueId: number }
  | null;
export type ProcessSelection = Extract<NonNullable<Selection>, { id: string }>;
export type Language = 'en' | 'zh';

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
  /** Bumped whenever a new Timeline is built (new scenario or an edit that forks the run). */
  timelineVersion: number;
  timeMs: number;
  playing: boolean;
  /** Virtual milliseconds per wall millisecond, 0.1 to 1000 on a log scale. */
  speed: number;
  selection: Selection;
  language: Language;
  /** A message for the banner (a damaged link, an invalid upload); null when none. */
  banner: string | null;
  helpOpen: boolean;
  editorOpen: boolean;
  loadScenario(scenario: Scenario, atMs?: number, options?: LoadOptions): void;
  seek(timeMs: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  select(selection: Selection): void;
  setLanguage(language: Language): void;
  setBanner(banner: string | null): void;
  setHelpOpen(open: boolean): void;
  setEditorOpen(open: boolean): void;
}

let current: Timeline | null = null;

/** The Timeline of the loaded scenario, positioned at the store's timeMs. */
export function getTimeline(): Timeline | null {
  return current;
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;

export const usePlayback = create<PlaybackState>()((set, get) => ({
  scenario: null,
  source: null,
  libraryId: null,
  forks: [],
  timelineVersion: 0,
  timeMs: 0,
  playing: false,
  speed: 10,
  selection: null,
  language: 'en',
  banner: null,
  helpOpen: false,
  editorOpen: false,
  loadScenario(scenario, atMs = 0, options = {}) {
    current = new Timeline(scenario);
    current.seek(atMs);
    set({
      scenario,
      source: options.source ?? scenario,
      libraryId: options.libraryId ?? null,
      forks: options.forks ?? [],
      timelineVersion: get().timelineVersion + 1,
      timeMs: current.now,
      playing: false,
      ...(options.keepSelection ? {} : { selection: null }),
    });
  },
  seek(timeMs) {
    if (!current) return;
    current.seek(timeMs);
    const atEnd = current.now >= current.durationMs;
    set({ timeMs: current.now, ...(atEnd ? { playing: false } : {}) });
  },
  setPlaying(playing) {
    set({ playing });
  },
  setSpeed(speed) {
    set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) });
  },
  select(selection) {
    set({ selection });
  },
  setLanguage(language) {
    set({ language });
  },
  setBanner(banner) {
    set({ banner });
  },
  setHelpOpen(helpOpen) {
    set({ helpOpen });
  },
  setEditorOpen(editorOpen) {
    set({ editorOpen });
  },
}));
