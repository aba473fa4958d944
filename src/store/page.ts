/**
 * The page around the run: the banner, whether the help and the editor are open, presentation
 * mode and its blanked stage, whether single-key shortcuts are on, and which voice says a move. What the person controls
 * of the page, not of the run: the run, its playhead, speed, selection and the language are
 * ./playback.ts. Blanking the stage pauses the run (playback.ts follows `blanked`), and a failed
 * run says so here (playback.ts `fail`).
 */
import { create } from 'zustand';
import type { Bilingual } from '../scenario/language.ts';
import type { LinkProblem } from '../scenario/link.ts';
import type { TimelineAction } from '../sim/index.ts';
import { readStored, writeStored } from './stored.ts';

/** A run the banner offers instead of the one refused: a too heavy scenario's first minutes, as written, at the moment asked for. */
export interface BannerOffer {
  source: object;
  minutes: number;
  atMs: number;
  /** The file's timeline actions the run leaves out, in time order, at their times in the file (src/scenario/prefix.ts). */
  dropped: TimelineAction[];
  /** A window with the timeline moved earlier: by how much, and the actions left out of the first minutes it keeps. */
  moved?: MovedTimeline;
  /** The second choice, when the first minutes leave actions out: as many minutes with the timeline moved to keep the first. */
  story?: BannerOffer;
}

export interface MovedTimeline {
  shiftMs: number;
  /** At their times in the file. */
  brought: TimelineAction[];
}

/**
 * Why the banner shows, kept as what happened and its values, not as words: the banner
 * (src/ui/controls/Banner.tsx) says it in the page's language, and again after the EN / 中文 toggle.
 */
export type BannerReason =
  /** A link the page could not open, and opened the default scenario instead. */
  | { code: 'link'; problem: Exclude<LinkProblem, { code: 'none' }> }
  /** A link's `t` could not be read: its scenario opened at 0:00. */
  | { code: 'linkTimeUnreadable' }
  /** The run is a too heavy scenario's first minutes (or as many with its timeline moved earlier), the banner's offer taken. */
  | { code: 'firstMinutes'; minutes: number; dropped: TimelineAction[]; moved?: MovedTimeline }
  /** A link's invalid scenario is open in the JSON editor, its problems (count) listed there. */
  | { code: 'linkInEditor'; count: number }
  /** An uploaded file's invalid scenario is open in the JSON editor, its problems (count) listed there. */
  | { code: 'uploadInEditor'; file: string; count: number }
  /** An uploaded file whose bytes could not be read as text. */
  | { code: 'uploadUnreadable'; file: string }
  /** The simulator failed (a bug): `message` is the error's own, in the language it was thrown in. */
  | { code: 'pageFailed'; message: string }
  /** Words written where they are known, in both languages (a missing chapter's, a refused file's problem). */
  | { code: 'words'; words: Bilingual<string> };

/** How the banner reads: an alert says what went wrong, a note what the page did instead (opened a scenario's first minutes). */
export type BannerTone = 'alert' | 'note';

/** What the banner offers, and how it reads; an alert with nothing to offer when not said. */
interface BannerOptions {
  offer?: BannerOffer | null;
  tone?: BannerTone;
}

interface PageState {
  /** What the banner says (a damaged link, an invalid upload); null when none. */
  banner: BannerReason | null;
  /** What the banner offers to open instead (a too heavy scenario's first minutes); null when nothing. */
  bannerOffer: BannerOffer | null;
  bannerTone: BannerTone;
  helpOpen: boolean;
  editorOpen: boolean;
  /** Presentation mode: large type, side panels hidden, for a teacher at a projector. */
  presenting: boolean;
  /** The stage blanked while presenting (a clicker's blank key): black, the run paused. */
  blanked: boolean;
  /** Whether the keys that type a character (P, ?, [ ...) are shortcuts: the person can turn them off, remembered. */
  singleKeyShortcuts: boolean;
  /**
   * How many narration captions speak politely now (aria-live polite): the playhead's output keeps
   * quiet while one does, so a move is said once (src/ui/narration/caption-voice.ts).
   */
  politeCaptions: number;
  /** Shows a message, or none, with what it offers to open instead. */
  setBanner(banner: BannerReason | null, options?: BannerOptions): void;
  setHelpOpen(open: boolean): void;
  setEditorOpen(open: boolean): void;
  setPresenting(presenting: boolean): void;
  setBlanked(blanked: boolean): void;
  setSingleKeyShortcuts(on: boolean): void;
  /** A polite caption shown (+1) or gone (-1). */
  countPoliteCaption(by: 1 | -1): void;
}

/** Where the choice of single-key shortcuts is kept between visits (a preference, as the language is). */
export const SINGLE_KEYS_STORAGE_KEY = 'rocketscope.singleKeyShortcuts';

export const usePage = create<PageState>()((set) => ({
  banner: null,
  bannerOffer: null,
  bannerTone: 'alert',
  helpOpen: false,
  editorOpen: false,
  presenting: false,
  blanked: false,
  // On unless the person turned them off; on too where storage is refused (private mode, a sandbox, Node).
  singleKeyShortcuts: readStored(SINGLE_KEYS_STORAGE_KEY) !== 'off',
  politeCaptions: 0,
  setBanner(banner, { offer = null, tone = 'alert' } = {}) {
    set({ banner, bannerOffer: banner === null ? null : offer, bannerTone: tone });
  },
  setHelpOpen(helpOpen) {
    set({ helpOpen });
  },
  setEditorOpen(editorOpen) {
    set({ editorOpen });
  },
  setPresenting(presenting) {
    // The editor is for the teacher's desk, not the projector: presenting closes it.
    set(presenting ? { presenting, editorOpen: false } : { presenting, blanked: false });
  },
  setBlanked(blanked) {
    set({ blanked });
  },
  setSingleKeyShortcuts(singleKeyShortcuts) {
    writeStored(SINGLE_KEYS_STORAGE_KEY, singleKeyShortcuts ? 'on' : 'off');
    set({ singleKeyShortcuts });
  },
  countPoliteCaption(by) {
    set(({ politeCaptions }) => ({ politeCaptions: politeCaptions + by }));
  },
}));
