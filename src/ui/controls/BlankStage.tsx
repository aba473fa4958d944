/**
 * The blanked stage (B or '.' while presenting, what a clicker's blank button sends): the whole
 * page black under a small hint, so a teacher can talk without the projector pulling eyes away.
 * A click brings the page back, as the keys do (use-keyboard.ts, escape.ts). A chunk of its own:
 * App shows the black without the hint until it has loaded.
 */
import type { Bilingual } from '../../scenario/language.ts';
import { usePage } from '../../store/page.ts';
import { useWords } from '../i18n/index.ts';

const BLANK_WORDS: Bilingual<{ hint: string }> = {
  en: { hint: 'B, . or a step key brings it back' },
  zh: { hint: '按 B、. 或翻页键恢复' },
};

export function BlankStage() {
  const words = useWords(BLANK_WORDS);
  return (
    <div className="rs-blank" data-testid="blank-stage" onClick={() => usePage.getState().setBlanked(false)}>
      <p className="rs-blank-hint">{words.hint}</p>
    </div>
  );
}
