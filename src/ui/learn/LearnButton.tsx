/** The header's "Learn" button: opens the list of guided chapters (loaded on demand). */
import { useLesson } from '../../store/lesson.ts';
import { usePlayback, type Language } from '../../store/playback.ts';

const LABEL: Record<Language, string> = { en: 'Learn', zh: '学习' };

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
      {LABEL[language]}
    </button>
  );
}
