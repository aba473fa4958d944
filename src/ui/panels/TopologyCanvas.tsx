/**
 * The moving dots over the topology: one canvas drawn imperatively from the trace at each
 * time, outside React state (many moving marks on one canvas layer cost one draw per frame, not one
 * React render per mark).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { TopologyLayout } from '../../viz/topology-layout.ts';
import type { TraceSource } from '../../sim/timeline.ts';
import { useReducedMotion } from '../use-reduced-motion.ts';
import { dotsAt, type Dot, type DotKind } from './topology-geometry.ts';
import type { DotRouting } from './topology-model.ts';

export interface TopologyCanvasProps {
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

const DOT_KINDS: DotKind[] = ['sent', 'retried', 'failed', 'stored', 'consumed', 'registered', 'route'];
const FALLBACK_COLORS: Record<DotKind, string> = {
  sent: '#2563eb', retried: '#c2410c', failed: '#dc2626', stored: '#0d9488', consumed: '#7c3aed', registered: '#64748b', route: '#d97706',
};

/** A failed send: a cross, never a dot, so it reads as "did not arrive" without its colour. */
function drawCross(context: CanvasRenderingContext2D, x: number, y: number, color: string): void {
  context.strokeStyle = color;
  context.lineWidth = 2.5;
  context.moveTo(x - 4, y - 4);
  context.lineTo(x + 4, y + 4);
  context.moveTo(x + 4, y - 4);
  context.lineTo(x - 4, y + 4);
  context.stroke();
}

/** Dot colours from the panel's CSS custom properties (--rs-dot-sent ...), so themes apply to the canvas too. */
function dotColors(element: Element): Record<DotKind, string> {
  const style = getComputedStyle(element);
  return Object.fromEntries(DOT_KINDS.map((kind) => [kind, style.getPropertyValue(`--rs-dot-${kind}`).trim() || FALLBACK_COLORS[kind]])) as Record<DotKind, string>;
}

function drawDot(context: CanvasRenderingContext2D, dot: Dot, color: string): void {
  context.globalAlpha = dot.opacity;
  context.beginPath();
  if (dot.kind === 'failed') {
    drawCross(context, dot.x, dot.y, color);
  } else if (dot.kind === 'retried') {
    // A retry: a dot inside a ring (a second attempt), wherever colour is not seen.
    context.fillStyle = color;
    context.strokeStyle = color;
    context.lineWidth = 1.5;
    context.arc(dot.x, dot.y, 3, 0, 2 * Math.PI);
    context.fill();
    context.beginPath();
    context.arc(dot.x, dot.y, 6, 0, 2 * Math.PI);
    context.stroke();
  } else if (dot.ring !== undefined) {
    context.strokeStyle = color;
    context.lineWidth = 2;
    context.arc(dot.x, dot.y, dot.ring, 0, 2 * Math.PI);
    context.stroke();
  } else {
    context.fillStyle = color;
    context.arc(dot.x, dot.y, dot.kind === 'registered' || dot.kind === 'route' ? 3 : 4, 0, 2 * Math.PI);
    context.fill();
  }
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
  const colors = useRef<{ scheme: number; byKind: Record<DotKind, string> } | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = (window.devicePixelRatio || 1) * scale;
    const width = Math.round(layout.width * ratio);
    const height = Math.round(layout.height * ratio);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, layout.width, layout.height);
    if (colors.current?.scheme !== scheme) colors.current = { scheme, byKind: dotColors(canvas) };
    const { byKind } = colors.current;
    // Oldest first, so the newest dots are drawn on top.
    const dots = dotsAt(source, layout, routing, timeMs, flightMs, maxDots, motion);
    for (let i = dots.length - 1; i >= 0; i--) drawDot(context, dots[i]!, byKind[dots[i]!.kind]);
    // How many messages are in flight: read by the browser benchmark and by tests.
    canvas.dataset.dots = String(dots.length);
    if (drawnRef) drawnRef.current = dots;
    context.globalAlpha = 1;
  }, [source, layout, scale, routing, timeMs, flightMs, traceLength, maxDots, scheme, drawnRef, motion]);
  return (
    <canvas ref={canvasRef} className="rs-topology-canvas" aria-hidden="true" data-testid="topology-canvas"
      style={{ width: layout.width * scale, height: layout.height * scale }} />
  );
}
