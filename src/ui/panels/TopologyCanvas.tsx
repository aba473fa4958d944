/**
 * The moving dots over the topology: one canvas drawn imperatively from the trace at each
 * time, outside React state (many moving marks on one canvas layer cost one draw per frame, not one
 * React render per mark); the dots are stamped into its pixels (topology-paint.ts). It is a chunk
 * of its own (TopologyPanel.tsx): the first paint has no dots in flight yet.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { TopologyLayout } from '../../viz/topology-layout.ts';
import type { TraceSource } from '../../sim/timeline.ts';
import { useReducedMotion } from '../use-reduced-motion.ts';
import { DOT_KINDS, dotsAt, type Dot, type DotKind } from './topology-geometry.ts';
import { NOTHING_PAINTED, paintDots, rgbOf, unionOf, type Painted, type Rgb } from './topology-paint.ts';
import { drawsDotStreams } from '../../viz/topology-density.ts';
import { streamDotsAt } from './topology-streams.ts';
import type { DotRouting } from './topology-model.ts';

interface TopologyCanvasProps {
  source: TraceSource;
  layout: TopologyLayout;
  /** The drawing is shown this much larger than its layout. */
  scale: number;
  /** Which node each event's broker is now (topologyModel's routing). */
  routing: DotRouting;
  timeMs: number;
  flightMs: number;
  /** The trace length at this time: a new value redraws even when the time did not change. */
  traceLength: number;
  maxDots?: number;
  /** Filled with the dots of the latest frame, so a click can find the message under the pointer. */
  drawnRef?: RefObject<Dot[]>;
}

const FALLBACK_COLORS: Record<DotKind, string> = {
  sent: '#2563eb', retried: '#c2410c', failed: '#dc2626', lost: '#9f1239', stored: '#0d9488', consumed: '#7c3aed', registered: '#64748b', route: '#d97706', heartbeat: '#db2777',
};

/** Dot colours from the panel's CSS custom properties (--rs-dot-sent ...), so themes apply to the canvas too. */
function dotColors(element: Element, context: CanvasRenderingContext2D): Record<DotKind, Rgb> {
  const style = getComputedStyle(element);
  return Object.fromEntries(DOT_KINDS.map((kind) => [kind, rgbOf(context, style.getPropertyValue(`--rs-dot-${kind}`).trim() || FALLBACK_COLORS[kind])])) as Record<DotKind, Rgb>;
}

/**
 * The frame's pixels, kept while the canvas keeps its size (a new image each frame would be
 * megabytes of garbage), and where the latest frame painted in them: the next clears and puts
 * only that and what it paints (a large drawing is millions of pixels, most of them empty).
 */
interface Kept {
  image: ImageData;
  painted: Painted;
}

function keptOf(context: CanvasRenderingContext2D, kept: { current: Kept | null }, width: number, height: number): Kept {
  // A new size clears the canvas, and a new image is empty.
  if (kept.current?.image.width !== width || kept.current.image.height !== height) kept.current = { image: context.createImageData(width, height), painted: NOTHING_PAINTED };
  return kept.current;
}

/** Bumped when the colour scheme changes (the dot colours are custom properties that follow it). */
function useColorScheme(): number {
  const [scheme, setScheme] = useState(0);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setScheme((n) => n + 1);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return scheme;
}

export function TopologyCanvas({ source, layout, scale, routing, timeMs, flightMs, traceLength, maxDots = 2_000, drawnRef }: TopologyCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  // Reduced motion: each dot jumps from its start to its end instead of gliding.
  const motion = useReducedMotion() ? 'jump' : 'fly';
  // Read once per colour scheme: computed style read right after React changed the DOM forces a
  // full style recalculation, which cost more than drawing every dot.
  const colors = useRef<{ scheme: number; byKind: Record<DotKind, Rgb> } | null>(null);
  const image = useRef<Kept | null>(null);
  const streams = drawsDotStreams(layout.density);
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = (window.devicePixelRatio || 1) * scale;
    const width = Math.round(layout.width * ratio);
    const height = Math.round(layout.height * ratio);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    if (colors.current?.scheme !== scheme) colors.current = { scheme, byKind: dotColors(canvas, context) };
    // A crowded cluster's dots are a few per line (topology-streams.ts); a classroom's, one per message.
    const dots = streams ? streamDotsAt(source, layout, routing, timeMs, flightMs, motion) : dotsAt(source, layout, routing, timeMs, flightMs, maxDots, motion);
    const kept = keptOf(context, image, width, height);
    const painted = paintDots(kept.image, dots, colors.current.byKind, ratio, kept.painted);
    const changed = unionOf(kept.painted, painted);
    kept.painted = painted;
    if (changed.x0 < changed.x1) context.putImageData(kept.image, 0, 0, changed.x0, changed.y0, changed.x1 - changed.x0, changed.y1 - changed.y0);
    // How many messages are in flight: read by the browser benchmark and by tests.
    canvas.dataset.dots = String(dots.length);
    if (drawnRef) drawnRef.current = dots;
  }, [source, layout, scale, routing, timeMs, flightMs, traceLength, maxDots, scheme, drawnRef, motion, streams]);
  return (
    <canvas ref={canvasRef} className="rs-topology-canvas" aria-hidden="true" data-testid="topology-canvas"
      style={{ width: layout.width * scale, height: layout.height * scale }} />
  );
}
