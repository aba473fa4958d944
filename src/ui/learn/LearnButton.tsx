/** The header's "Learn" button: opens the list of guided chapters (loaded on demand). */
import { useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

const LABEL: Bilingual<string> = { en: 'Learn', zh: '学习' };

export function LearnButton() {
  const language = usePlayback((s) => s.language);
  const listOpen = useLesson((s) => s.listOpen);
  return (
    <button
      type="button"
      className="rs-button"
      aria-haspopup="dialog"
      aria-expanded={listOpen}
      data-testid="learn"
      onClick={() => useLesson.getState().setListOpen(!listOpen)}
    >
      {inLanguage(LABEL, language)}
    </button>
  );
}
