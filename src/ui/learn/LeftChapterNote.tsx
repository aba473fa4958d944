/**
 * The chapter was left: by "Try it yourself" (the chapter's own run is still loaded, played
 * freely), or because another run ended it (an edit, the version switch, a file, the picker). The
 * page says which chapter and step were left and offers them back, as a banner does, until dismissed.
 */
import { useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { inLanguage } from '../i18n/index.ts';
import { CHAPTERS } from './chapters/index.ts';
import { LEARN_STRINGS } from './learn-strings.ts';

export function LeftChapterNote({ id, step }: { id: string; step: number }) {
  const words = inLanguage(LEARN_STRINGS, usePlayback((s) => s.language));
  const number = CHAPTERS.findIndex((chapter) => chapter.id === id) + 1;
  // Still the run the chapter loaded (the lesson store keeps its runVersion once it is left): "Try it yourself".
  const trying = usePlayback((s) => s.runVersion) === useLesson((s) => s.chapterRunVersion);
  if (number === 0) return null;
  return (
    <div className="rs-banner rs-banner-note" role="status" data-testid="left-chapter">
      <p className="rs-banner-text">{trying ? words.tryingChapter(number, step + 1) : words.leftChapter(number, step + 1)}</p>
      <button type="button" className="rs-button rs-button-primary" data-testid="left-chapter-back" onClick={() => useLesson.getState().openChapter(id, step)}>
        {words.backToChapterStep(number, step + 1)}
      </button>
      <button type="button" className="rs-button rs-banner-close" aria-label={words.close} title={words.close} onClick={() => useLesson.getState().forgetLeftChapter()}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
