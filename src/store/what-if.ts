/**
 * The what-if the person asked for: one setting changed from a moment of the run, kept as the
 * share link writes it (`w`, docs/links.md: `<at>~<path>~<value>`), so the shell carries it to
 * and from the address without loading the what-if code; the What-if view reads it with
 * whatIfFromLink (src/sim/queries/what-if-change.ts). Kept apart from the playback store: it
 * moves no time; the comparison itself is a named query (src/sim/queries/what-if.ts).
 */
import { create } from 'zustand';

interface WhatIfState {
  /** The change as a link's `w`; null when none was asked for. */
  change: string | null;
  setChange(change: string | null): void;
}

export const useWhatIf = create<WhatIfState>()((set) => ({
  change: null,
  setChange(change) {
    set({ change });
  },
}));
