/**
 * The guided chapter a link opens (docs/links.md): `#ch=<chapter id>&st=<step>`, next to or
 * instead of the scenario's own `s` and `t`, and `&t=<ms>` when the run was moved off the step's
 * moment (a teacher scrubbed inside a lesson): the step opens, then the run goes there. A damaged
 * or unknown value is ignored, never an error: the page then opens as the rest of the link says.
 */
import { readLinkKey } from './link.ts';

export interface ChapterLink {
  chapter: string;
  /** 0-based step; the page clamps it to the chapter's last step. */
  step: number;
  /** The moment shown, when it is not the step's own. */
  timeMs?: number;
}

const CHAPTER_ID = /^[a-z0-9-]{1,40}$/;
const STEP = /^\d{1,4}$/;
/** As a scenario link's `t` (link.ts). */
const TIME = /^\d{1,9}$/;

export function decodeChapterLink(hash: string): ChapterLink | null {
  const chapter = readLinkKey(hash, 'ch');
  if (chapter === undefined || !CHAPTER_ID.test(chapter)) return null;
  const step = readLinkKey(hash, 'st');
  // Beside a scenario (`s`), `t` is that scenario's moment, not the chapter's.
  const time = readLinkKey(hash, 's') === undefined ? readLinkKey(hash, 't') : undefined;
  return {
    chapter, step: step !== undefined && STEP.test(step) ? Number(step) : 0,
    ...(time !== undefined && TIME.test(time) ? { timeMs: Number(time) } : {}),
  };
}

/** The fragment (without `#`) for a chapter at a step. */
export function encodeChapterLink(link: ChapterLink): string {
  const time = link.timeMs === undefined ? '' : `&t=${Math.max(0, Math.round(link.timeMs))}`;
  return `ch=${link.chapter}&st=${Math.max(0, Math.floor(link.step))}${time}`;
}
