/**
 * The moving dots over the topology: one canvas drawn imperatively from the trace at each
 * time, outside React state (design.md: many moving marks go to one canvas layer).
 */
import { useEffect, useRef, useState } from 'react';
import type { TopologyLayout } from '../../viz/topology-layout.ts';
import type { TraceSource } from './event-filter.ts';
import { dotsAt, type Dot, type DotKind } from './topology-geometry.ts';

export interface TopologyCanvasProps {
  source: TraceSource;
  layout: TopologyLayout;
  timeMs: number;
  flightMs: number;
  /** The trace length at this time: a new value redraws even when the time did not change. */
  traceLength: number;
  maxDots?: number;
}

const DOT_KINDS: DotKind[] = ['sent', 'stored', 'consumed', 'registered', 'route'];
const FALLBACK_COLORS: Record<DotKind, string> = {
  sent: '#2563eb', stored: '#0d9488', consumed: '#7c3aed', registered: '#64748b', route: '#d97706',
};

/** Dot colours from the panel's CSS custom properties (--rs-dot-sent ...), so themes apply to the canvas too. */
function dotColors(element: Element): Record<DotKind, string> {
  const style = getComputedStyle(element);
  return Object.fromEntries(DOT_KINDS.map((kind) => [kind, style.getPropertyValue(`--rs-dot-${kind}`).trim() || FALLBACK_COLORS[kind]])) as Record<DotKind, string>;
}

/** Opacity steps of fading dots (a flight fades over about 100 ms of wall time: steps are not seen). */
const OPACITY_STEPS = 16;

function radiusOf(dot: Dot): number {
  return dot.ring ?? (dot.kind === 'registered' || dot.kind === 'route' ? 3 : 4);
}

/**
 * Draws the dots in one path per (opacity step, kind, ring or dot) rather than one per dot: two
 * thousand dots at high speed cost milliseconds a frame drawn one by one. The faintest groups
 * (the oldest dots, fading out) are drawn first, so newer dots stay on top; within a group of one
 * colour the order cannot be seen.
 */
function drawDots(context: CanvasRenderingContext2D, dots: Dot[], colors: Record<DotKind, string>): void {
  const groups = new Map<number, Dot[]>();
  for (const dot of dots) {
    const step = Math.round(dot.opacity * OPACITY_STEPS);
    const key = (step * DOT_KINDS.length + DOT_KINDS.indexOf(dot.kind)) * 2 + (dot.ring === undefined ? 0 : 1);
    const group = groups.get(key);
    if (group) group.push(dot);
    else groups.set(key, [dot]);
  }
  context.lineWidth = 2;
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(key)!;
    const first = group[0]!;
    context.globalAlpha = Math.round(first.opacity * OPACITY_STEPS) / OPACITY_STEPS;
    context.beginPath();
    for (const dot of group) {
      const radius = radiusOf(dot);
      context.moveTo(dot.x + radius, dot.y);
      context.arc(dot.x, dot.y, radius, 0, 2 * Math.PI);
    }
    if (first.ring !== undefined) {
      context.strokeStyle = colors[first.kind];
      context.stroke();
    } else {
      context.fillStyle = colors[first.kind];
      context.fill();
    }
  }
  context.globalAlpha = 1;
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

export function TopologyCanvas({ source, layout, timeMs, flightMs, traceLength, maxDots = 2_000 }: TopologyCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  // Read once per colour scheme: computed style read right after React changed the DOM forces a
  // full style recalculation, which cost more than drawing every dot.
  const colors = useRef<{ scheme: number; byKind: Record<DotKind, string> } | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(layout.width * ratio);
    const height = Math.round(layout.height * ratio);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, layout.width, layout.height);
    if (colors.current?.scheme !== scheme) colors.current = { scheme, byKind: dotColors(canvas) };
    const { byKind } = colors.current;
    const dots = dotsAt(source, layout, timeMs, flightMs, maxDots);
    drawDots(context, dots, byKind);
    // How many messages are in flight: read by the browser benchmark and by tests.
    canvas.dataset.dots = String(dots.length);
  }, [source, layout, timeMs, flightMs, traceLength, maxDots, scheme]);
  return (
    <canvas ref={canvasRef} className="rs-topology-canvas" aria-hidden="true" data-testid="topology-canvas"
      style={{ width: layout.width, height: layout.height }} />
  );
}
