/**
 * Another run ended the chapter (an edit, the version switch, a file, the picker): the page says
 * which chapter and step were left and offers them back, as a banner does, until dismissed.
 */
import { useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { inLanguage } from '../i18n/index.ts';
import { CHAPTERS } from './chapters/index.ts';
import { LEARN_STRINGS } from './learn-strings.ts';

export function LeftChapterNote({ id, step }: { id: string; step: number }) {
  const words = inLanguage(LEARN_STRINGS, usePlayback((s) => s.language));
  const number = CHAPTERS.findIndex((chapter) => chapter.id === id) + 1;
  if (number === 0) return null;
  return (
    <div className="rs-banner rs-banner-note" role="status" data-testid="left-chapter">
      <p className="rs-banner-text">{words.leftChapter(number, step + 1)}</p>
      <button type="button" className="rs-button rs-button-primary" data-testid="left-chapter-back" onClick={() => useLesson.getState().openChapter(id, step)}>
        {words.backToChapterStep(number, step + 1)}
      </button>
      <button type="button" className="rs-button rs-banner-close" aria-label={words.close} title={words.close} onClick={() => useLesson.getState().forgetLeftChapter()}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
