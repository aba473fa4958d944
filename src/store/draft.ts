/**
 * The editor's own state: which tab is open and the JSON text being edited (null while the
 * text simply shows the current scenario). Kept out of the playback store: only the editor reads it
 * (an invalid upload writes it, ui/controls/open-file.ts).
 */
import { create } from 'zustand';

export type EditorTab = 'knobs' | 'json';

interface DraftState {
  tab: EditorTab;
  text: string | null;
  setTab(tab: EditorTab): void;
  setText(text: string | null): void;
  /** Opens the JSON tab on a text (a refused upload, to be fixed there). */
  showText(text: string): void;
}

export const useDraft = create<DraftState>()((set) => ({
  tab: 'knobs',
  text: null,
  setTab(tab) {
    set({ tab });
  },
  setText(text) {
    set({ text });
  },
  showText(text) {
    set({ tab: 'json', text });
  },
}));
