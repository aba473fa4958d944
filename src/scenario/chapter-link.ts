/**
 * The guided chapter a link opens (docs/links.md): `#ch=<chapter id>&st=<step>`, next to or
 * instead of the scenario's own `s` and `t`; `&a=<choice>` when the step's question was answered
 * (a teacher shares the explanation, not the quiz again); and `&t=<ms>` when the run was moved off
 * the step's moment (a teacher scrubbed inside a lesson): the step opens, then the run goes there.
 * A damaged or unknown value is ignored, never an error: the page then opens as the rest of the
 * link says.
 */
import { readLinkKey } from './link.ts';

export interface ChapterLink {
  chapter: string;
  /** 0-based step; the page clamps it to the chapter's last step. */
  step: number;
  /** The choice picked for the step's question (0-based), or -1 for going on without one. */
  answer?: number;
  /** The moment shown, when it is not the step's own. */
  timeMs?: number;
}

const CHAPTER_ID = /^[a-z0-9-]{1,40}$/;
/** Any number of digits: past the last step is the last, however far past (the page clamps it). */
const STEP = /^\d+$/;
/** As a scenario link's `t` (link.ts). */
const TIME = /^\d{1,9}$/;
/** A choice's index, or -1 (the learner went on without picking). The page ignores one the step's question does not have. */
const ANSWER = /^(-1|\d{1,2})$/;

export function decodeChapterLink(hash: string): ChapterLink | null {
  const chapter = readLinkKey(hash, 'ch');
  if (chapter === undefined || !CHAPTER_ID.test(chapter)) return null;
  const step = readLinkKey(hash, 'st');
  // Beside a scenario (`s`), `t` is that scenario's moment, not the chapter's.
  const time = readLinkKey(hash, 's') === undefined ? readLinkKey(hash, 't') : undefined;
  const answer = readLinkKey(hash, 'a');
  return {
    chapter, step: step !== undefined && STEP.test(step) ? Math.min(Number(step), Number.MAX_SAFE_INTEGER) : 0,
    ...(answer !== undefined && ANSWER.test(answer) ? { answer: Number(answer) } : {}),
    ...(time !== undefined && TIME.test(time) ? { timeMs: Number(time) } : {}),
  };
}

/** The fragment (without `#`) for a chapter at a step. */
export function encodeChapterLink(link: ChapterLink): string {
  const answer = link.answer === undefined ? '' : `&a=${Math.max(-1, Math.floor(link.answer))}`;
  const time = link.timeMs === undefined ? '' : `&t=${Math.max(0, Math.round(link.timeMs))}`;
  return `ch=${link.chapter}&st=${Math.max(0, Math.floor(link.step))}${answer}${time}`;
}
