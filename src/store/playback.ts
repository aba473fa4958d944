/**
 * What the person controls: the scenario being played, the playhead, play/pause, speed,
 * selection, language and panel filters. Simulation data is never copied in here: panels derive
 * it from the Timeline at `timeMs` (see ui/use-sim.ts).
 */
import { create } from 'zustand';
import type { Scenario } from '../model/spec.ts';
import { Timeline } from '../sim/timeline.ts';

export type Selection = { kind: 'nameServer' | 'broker' | 'client'; id: string } | null;
export type Language = 'en' | 'zh';

export interface PlaybackState {
  scenario: Scenario | null;
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
  loadScenario(scenario: Scenario, atMs?: number): void;
  seek(timeMs: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  select(selection: Selection): void;
  setLanguage(language: Language): void;
  setBanner(banner: string | null): void;
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
  timelineVersion: 0,
  timeMs: 0,
  playing: false,
  speed: 1,
  selection: null,
  language: 'en',
  banner: null,
  loadScenario(scenario, atMs = 0) {
    current = new Timeline(scenario);
    current.seek(atMs);
    set({ scenario, timelineVersion: get().timelineVersion + 1, timeMs: current.now, playing: false, selection: null });
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
}));
