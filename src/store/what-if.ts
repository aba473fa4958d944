/**
 * The what-if the person asked for: one setting changed from a moment of the run (the share
 * link carries it as `w`, docs/links.md). Kept apart from the playback store: it moves no time;
 * the comparison itself is a named query (src/sim/queries/what-if.ts).
 */
import { create } from 'zustand';
import type { WhatIfChange } from '../sim/queries/what-if-change.ts';

export interface WhatIfState {
  change: WhatIfChange | null;
  setChange(change: WhatIfChange | null): void;
}

export const useWhatIf = create<WhatIfState>()((set) => ({
  change: null,
  setChange(change) {
    set({ change });
  },
}));
