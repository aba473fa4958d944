/** The guided chapters: the list when it is open, and the chapter being read. */
import { useLesson } from '../../store/lesson.ts';
import { ChapterList } from './ChapterList.tsx';
import { LeftChapterNote } from './LeftChapterNote.tsx';
import { ChapterPlayer } from './ChapterPlayer.tsx';
import { findChapter } from './chapters/index.ts';
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
      {listOpen && <ChapterList />}
    </>
  );
}

