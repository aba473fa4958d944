/** The chapter player's own words, in English and Simplified Chinese (RocketMQ's terms stay in Latin script). */
import { type Bilingual } from '../i18n/index.ts';

export interface LearnStrings {
  chaptersTitle: string;
  chaptersIntro: string;
  chapterLabel(number: number): string;
  stepOf(step: number, count: number): string;
  /** The list's mark of a chapter read to its end. */
  read: string;
  /** The list's mark of a chapter started: where it opens again. */
  resumeAt(step: number, count: number): string;
  back: string;
  next: string;
  /** The last step's way on: the next chapter. */
  nextChapter: string;
  tryIt: string;
  tryItHint: string;
  /** Another run ended the chapter: which one, at which step (1-based), and the way back. */
  leftChapter: (chapter: number, step: number) => string;
  /** After "Try it yourself": the chapter's own run, played freely. */
  tryingChapter: (chapter: number, step: number) => string;
  backToChapterStep: (chapter: number, step: number) => string;
  /** The run was moved away from the step's moment (scrubbed, stepped): the step's words may not match the drawing. */
  leftStep: (time: string) => string;
  backToStep: string;
  glossary: string;
  meaning: string;
  /** The glossary's filter: its label, its placeholder, and what it says when no term matches. */
  findTerm: string;
  findTermHint: string;
  noTerm: (query: string) => string;
  chapters: string;
  close: string;
  loading: string;
  loadFailed(message: string): string;
  unmet(step: number): string;
  /** A link named a chapter the page does not have. */
  unknownChapter(id: string): string;
  predict: string;
  pickOne: string;
  wrong(answer: string): string;
  skipped(answer: string): string;
  /** The verdict on the right pick, naming it: once answered, the verdict stands where the choices were. */
  right(answer: string): string;
  /** The last step of the last chapter: back to the list of chapters. */
  backToChapters: string;
  correction: string;
  why: string;
}

export const LEARN_STRINGS: Bilingual<LearnStrings> = {
  en: {
    chaptersTitle: 'Learn RocketMQ, one chapter at a time',
    chaptersIntro: 'Nine chapters in the order of the study note. Each plays a real run and pauses at every step; ← → or PageUp / PageDown move between steps.',
    chapterLabel: (number) => `Chapter ${number}`,
    stepOf: (step, count) => `Step ${step} of ${count}`,
    read: '✓ Finished',
    resumeAt: (step, count) => `Continue at step ${step} of ${count}`,
    back: 'Back',
    next: 'Next',
    nextChapter: 'Next chapter',
    tryIt: 'Try it yourself',
    leftChapter: (chapter, step) => `You left chapter ${chapter} at step ${step}: another run was loaded (an edit, the version switch, a file or the picker). The chapter's own run is unchanged.`,
    backToChapterStep: (chapter, step) => `Back to chapter ${chapter}, step ${step}`,
    tryingChapter: (chapter, step) => `You left chapter ${chapter} at step ${step} and are playing its run yourself.`,
    tryItHint: 'Leave the chapter and play this run freely from this moment',
    leftStep: (time) => `The run has left this step's moment (${time}): what the step says may not match the drawing.`,
    backToStep: 'Back to the step',
    glossary: 'Glossary',
    meaning: 'Meaning',
    findTerm: 'Find a term',
    findTermHint: 'a word in English or Chinese: 刷盘, offset, Slave …',
    noTerm: (query) => `No term has "${query}".`,
    chapters: 'Chapters',
    close: 'Close',
    loading: 'Preparing the chapter…',
    loadFailed: (message) => `The chapter could not be opened: ${message}`,
    unmet: (step) => `This run ended before step ${step} happened.`,
    unknownChapter: (id) => `This link names no chapter of the page: “${id}”. The Learn button lists the chapters.`,
    predict: 'Predict, then run:',
    pickOne: 'Pick an answer: the simulation then runs to show what happens.',
    wrong: (answer) => `Not quite: the run shows “${answer}”.`,
    skipped: (answer) => `The answer: “${answer}”.`,
    right: (answer) => `Right: “${answer}”.`,
    backToChapters: 'Back to the chapters',
    correction: 'A common mistake in notes',
    why: 'Why RocketMQ is built this way',
  },
  zh: {
    chaptersTitle: '一章一章学 RocketMQ',
    chaptersIntro: '九章，顺序与学习笔记相同。每章播放一次真实的运行，并在每一步暂停；用 ← → 或 PageUp / PageDown 前后翻步。',
    chapterLabel: (number) => `第 ${number} 章`,
    stepOf: (step, count) => `第 ${step} 步，共 ${count} 步`,
    read: '✓ 已读完',
    resumeAt: (step, count) => `从第 ${step} 步继续（共 ${count} 步）`,
    back: '上一步',
    next: '下一步',
    nextChapter: '下一章',
    tryIt: '自己试试',
    leftChapter: (chapter, step) => `已离开第 ${chapter} 章第 ${step} 步：载入了另一个运行（编辑、切换版本、打开文件或选择场景）。本章的运行没有改变。`,
    backToChapterStep: (chapter, step) => `回到第 ${chapter} 章第 ${step} 步`,
    tryingChapter: (chapter, step) => `已离开第 ${chapter} 章第 ${step} 步，现在由你自己操作本章的运行。`,
    tryItHint: '离开本章，从此刻起自由操作这次运行',
    leftStep: (time) => `画面已离开本步的时刻（${time}）：这一步说的可能与画面不符。`,
    backToStep: '回到本步',
    glossary: '术语表',
    meaning: '含义',
    findTerm: '查找术语',
    findTermHint: '英文或中文的词：刷盘、offset、Slave……',
    noTerm: (query) => `没有包含“${query}”的术语。`,
    chapters: '章节',
    close: '关闭',
    loading: '正在准备本章……',
    loadFailed: (message) => `无法打开本章：${message}`,
    unmet: (step) => `运行在第 ${step} 步发生之前就结束了。`,
    unknownChapter: (id) => `找不到这一章：“${id}”。链接可能写错了，“学习”按钮里列出了全部章节。`,
    predict: '先预测，再运行：',
    pickOne: '选一个答案，模拟随后运行，给出结果。',
    wrong: (answer) => `不对：运行的结果是“${answer}”。`,
    skipped: (answer) => `答案是：“${answer}”。`,
    right: (answer) => `答对了：“${answer}”。`,
    backToChapters: '回到章节列表',
    correction: '笔记里常见的错误',
    why: 'RocketMQ 为什么这样设计',
  },
};
