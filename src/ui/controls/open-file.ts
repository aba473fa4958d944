/**
 * Opening a scenario file's text (an upload): loaded on demand by FileButtons, so the JSON
 * reader and its error positions stay out of the first download.
 */
import { parseScenarioText } from '../../scenario/parse.ts';
import { useDraft } from '../../store/draft.ts';
import { usePage, type BannerReason } from '../../store/page.ts';
import { openChecked, shorterOffer } from './session.ts';

/**
 * Opens a file's text: played when valid, else shown in the editor with its problems and the
 * banner's message for their count (an upload's, or a link's: session.ts showLinkProblems).
 */
export function openFileText(text: string, message: (count: number) => BannerReason): void {
  const result = parseScenarioText(text);
  const state = usePage.getState();
  if (result.ok) {
    const { source } = result;
    // A valid file is refused only for the page's cost budget: say so, and offer its first minutes.
    const opened = openChecked(source, result);
    if (opened.ok) state.setBanner(null);
    // Its problem (the budget's) in both languages, for the banner to follow the toggle.
    else state.setBanner({ code: 'words', words: { en: opened.errors[0]!.message, zh: opened.errors[0]!.zh } }, { offer: shorterOffer(source, 0) });
    return;
  }
  useDraft.getState().showText(text);
  state.setEditorOpen(true);
  state.setBanner(message(result.errors.length));
}
