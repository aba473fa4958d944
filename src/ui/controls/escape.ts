/**
 * Escape closes what is on top, one thing per press, wherever focus is (also in a field of the
 * editor): a blanked stage, the help, then the message card, then the editor, then presentation mode. Each view
 * gives focus back to what opened it as it closes (see use-focus-return.ts).
 */
import { usePage } from '../../store/page.ts';
import { isCardSelection, usePlayback } from '../../store/playback.ts';

/** Closes the topmost open thing; false when nothing was open. */
export function closeTopmost(): boolean {
  const page = usePage.getState();
  const { selection, select } = usePlayback.getState();
  if (page.blanked) page.setBlanked(false);
  else if (page.helpOpen) page.setHelpOpen(false);
  else if (isCardSelection(selection)) select(null);
  else if (page.editorOpen) page.setEditorOpen(false);
  else if (page.presenting) page.setPresenting(false);
  else return false;
  return true;
}
