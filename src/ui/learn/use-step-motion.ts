/**
 * Keeps the run at the moment of the step on screen: a step forward plays there, anything else
 * (back, a link, the first step) jumps; a prediction not yet answered holds the run at the
 * previous step's moment, and answering it plays on. Reports when the panels show the step's moment, and then
 * points at what the step is about (a process's inspector, a message's card, the topic on the canvas).
 * The moment it shows is the lesson store's (stepMomentOf): a link made elsewhere says its own `t`.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChapterMoments } from '../../sim/queries/chapter-moments.ts';
import { useInsight } from '../../store/insight.ts';
import { stepMomentOf, useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import type { ChapterStep } from './chapter.ts';
import { glideTo, jumpTo } from './glide.ts';

export type Motion = 'glide' | 'jump';

/** On a phone the message card is a sheet over most of the screen: the learner opens it from the canvas. */
function cardFits(): boolean {
  return typeof window.matchMedia !== 'function' || !window.matchMedia('(max-width: 640px)').matches;
}

function pointAt(step: ChapterStep | undefined, msgId: string | null): void {
  const { select } = usePlayback.getState();
  useInsight.getState().setCanvasTopic(step?.topic ?? null);
  const focus = step?.focus;
  if (!focus) return select(null);
  if (focus.kind === 'message') return select(msgId === null || !cardFits() ? null : { kind: 'message', msgId });
  select({ kind: focus.kind, id: focus.id });
}

export function useStepMotion(steps: readonly ChapterStep[], moments: ChapterMoments, step: number, revealed: boolean) {
  const motion = useRef<Motion>('jump');
  const [arrivedAt, setArrivedAt] = useState<number | null>(null);
  const target = useLesson(stepMomentOf);
  // With the run in the worker the playhead reaches the target with the worker's frame, a moment
  // after the jump was asked for: the step has arrived only when the panels show its moment.
  // A boolean, not the time: the chapter is drawn again when the run reaches the moment or leaves it, not at every frame.
  const atTarget = usePlayback((s) => target !== null && s.timeMs === target);
  // The moment the step last showed: once shown, a playhead moved elsewhere (scrubbed, stepped, played) has left the step.
  const [shown, setShown] = useState<number | null>(null);
  useEffect(() => {
    if (target === null) return undefined;
    const how = motion.current;
    motion.current = 'jump';
    const arrive = () => {
      setArrivedAt(target);
      pointAt(revealed ? steps[step] : undefined, moments.moments[step]?.msgId ?? null);
      // A link made off the step's moment shows the step, then the moment it was made at: left, as
      // its sender's page said, though the jump there may land before a frame showed the step's own.
      const linked = useLesson.getState().takePendingTime();
      if (linked === null) return;
      setShown(target);
      jumpTo(linked);
    };
    if (how === 'glide') return glideTo(target, arrive);
    jumpTo(target);
    arrive();
    return undefined;
  }, [target, step, revealed, steps, moments]);
  const arrived = target !== null && arrivedAt === target && atTarget;
  if (arrived && shown !== target) setShown(target);
  return {
    target,
    arrived,
    left: target !== null && shown === target && !arrived,
    /** How the next change of step or answer moves the run. */
    setMotion(how: Motion) {
      motion.current = how;
    },
  };
}
