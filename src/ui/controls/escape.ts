/**
 * Escape closes what is on top, one thing per press, wherever focus is (also in a field of the
 * editor): a blanked stage, the help, then the message card, then the editor, then presentation mode. Each view
 * gives focus back to what opened it as it closes (see use-focus-return.ts).
 */
import { isCardSelection, usePlayback } from '../../store/playback.ts';

/** Closes the topmost open thing; false when nothing was open. */
export function closeTopmost(): boolean {
  const state = usePlayback.getState();
  if (state.blanked) state.setBlanked(false);
  else if (state.helpOpen) state.setHelpOpen(false);
  else if (isCardSelection(state.selection)) state.select(null);
  else if (state.editorOpen) state.setEditorOpen(false);
  else if (state.presenting) state.setPresenting(false);
  else return false;
  return true;
}
