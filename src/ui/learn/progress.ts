/**
 * How far the person has read each chapter, remembered in this browser (localStorage) across
 * visits: the furthest step whose moment the run reached, and how many steps the chapter has (the
 * list knows only titles; a chapter's steps load with it). The chapter list marks a chapter read to
 * its end and opens a started one where the reader left it. What storage holds that is not a known
 * chapter with a step inside it (hand-edited, or from an older page) is ignored; storage refused
 * (private mode, a sandbox) remembers nothing.
 */
import { readStored, writeStored } from '../../store/stored.ts';
import { CHAPTERS } from './chapters/index.ts';
import { PROGRESS_STORAGE_KEY } from './progress-key.ts';

/** Steps counted from 0, as the lesson store counts them. */
export interface ChapterProgress {
  step: number;
  count: number;
}

/** A chapter has a few steps; anything past this is not a value the page wrote. */
const MOST_STEPS = 100;

function readStoredProgress(): unknown {
  try {
    return JSON.parse(readStored(PROGRESS_STORAGE_KEY) ?? '{}');
  } catch {
    // Not JSON (hand-edited): nothing remembered.
    return null;
  }
}

function isProgress(value: unknown): value is ChapterProgress {
  if (typeof value !== 'object' || value === null) return false;
  const { step, count } = value as Record<string, unknown>;
  return Number.isInteger(count) && (count as number) <= MOST_STEPS && Number.isInteger(step) && (step as number) >= 0 && (step as number) < (count as number);
}

/** Each known chapter the person has started, by id. */
export function readProgress(): ReadonlyMap<string, ChapterProgress> {
  const stored = readStoredProgress();
  const progress = new Map<string, ChapterProgress>();
  if (typeof stored !== 'object' || stored === null) return progress;
  for (const { id } of CHAPTERS) {
    const entry = Object.hasOwn(stored, id) ? (stored as Record<string, unknown>)[id] : undefined;
    if (isProgress(entry)) progress.set(id, { step: entry.step, count: entry.count });
  }
  return progress;
}

/** Remembers that the run reached `step` of a chapter of `count` steps, unless a later one was reached before. */
export function recordStep(id: string, step: number, count: number): void {
  const progress = new Map(readProgress());
  const before = progress.get(id);
  if (before && before.count === count && before.step >= step) return;
  progress.set(id, { step, count });
  // Storage refused or full: nothing is remembered; the chapter itself goes on.
  writeStored(PROGRESS_STORAGE_KEY, JSON.stringify(Object.fromEntries(progress)));
}

/** Whether the chapter was read to its last step. */
export function isFinished(progress: ChapterProgress): boolean {
  return progress.step + 1 === progress.count;
}
