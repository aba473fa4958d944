/**
 * The guided chapter a link opens (docs/links.md): `#ch=<chapter id>&st=<step>`, next to or
 * instead of the scenario's own `s` and `t`. A damaged or unknown value is ignored, never an
 * error: the page then opens as the rest of the link says.
 */
import { readLinkKey } from './link.ts';

export interface ChapterLink {
  chapter: string;
  /** 0-based step; the page clamps it to the chapter's last step. */
  step: number;
}

const CHAPTER_ID = /^[a-z0-9-]{1,40}$/;
const STEP = /^\d{1,4}$/;

export function decodeChapterLink(hash: string): ChapterLink | null {
  const chapter = readLinkKey(hash, 'ch');
  if (chapter === undefined || !CHAPTER_ID.test(chapter)) return null;
  const step = readLinkKey(hash, 'st');
  return { chapter, step: step !== undefined && STEP.test(step) ? Number(step) : 0 };
}

/** The fragment (without `#`) for a chapter at a step. */
export function encodeChapterLink(link: ChapterLink): string {
  return `ch=${link.chapter}&st=${Math.max(0, Math.floor(link.step))}`;
}
