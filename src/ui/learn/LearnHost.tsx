/** The guided chapters: the list when it is open, and the chapter being read. */
import { useEffect } from 'react';
import { useLesson } from '../../store/lesson.ts';
import { usePlayback, type Language } from '../../store/playback.ts';
import { inLanguage } from '../i18n/index.ts';
import { ChapterList } from './ChapterList.tsx';
import { LeftChapterNote } from './LeftChapterNote.tsx';
import { ChapterPlayer } from './ChapterPlayer.tsx';
import { findChapter } from './chapters/index.ts';
import { LEARN_STRINGS } from './learn-strings.ts';
import './learn.css';

export function LearnHost() {
  const listOpen = useLesson((s) => s.listOpen);
  const chapterId = useLesson((s) => s.chapterId);
  const left = useLesson((s) => s.leftChapter);
  const entry = chapterId === null ? undefined : findChapter(chapterId);
  return (
    <>
      {left && chapterId === null && <LeftChapterNote id={left.id} step={left.step} />}
      {entry && <ChapterPlayer key={entry.id} entry={entry} />}
      {chapterId !== null && !entry && <UnknownChapter id={chapterId} />}
      {listOpen && <ChapterList />}
    </>
  );
}

/**
 * A link named a chapter that does not exist (mistyped, or from another version): the banner names
 * it, as text, and the page keeps the run the rest of the link opened.
 */
function UnknownChapter({ id }: { id: string }) {
  useEffect(() => {
    // In both languages: the banner says it in the page's, and follows the toggle.
    const words = (language: Language) => inLanguage(LEARN_STRINGS, language).unknownChapter(id);
    usePlayback.getState().setBanner({ code: 'words', words: { en: words('en'), zh: words('zh') } });
    useLesson.getState().closeChapter();
  }, [id]);
  return null;
}
