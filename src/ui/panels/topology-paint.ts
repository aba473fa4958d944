/**
 * Painting the dots in flight into the canvas's pixels: each mark is a stamp (the pixels it
 * covers and how much, antialiased), computed once per shape and size, and blended into one
 * image that is put on the canvas once per frame. A software canvas (headless Chromium, a
 * machine without GPU raster) paid about 10-30 ms a frame for a thousand arcs, each its own
 * path, fill and raster; stamping them costs 1-2 ms (test/bench/browser-inflight.ts measures the page).
 */
import { streamSize } from '../../viz/dot-streams.ts';
import { DOT_KINDS, type Dot, type DotKind } from './topology-geometry.ts';

/** Red, green, blue of a colour in 0-255. */
export type Rgb = readonly [number, number, number];

/** The pixels a mark covers around its centre and the share of each it covers (0-1]. */
interface Stamp {
  dx: Int16Array;
  dy: Int16Array;
  coverage: Float32Array;
  /** The coverage as an alpha byte, for a dot at full opacity (most of them). */
  alpha: Uint8Array;
  /** How far the stamp reaches from its centre, in device pixels. */
  reach: number;
  /** Each pixel's index from the centre's in an image `offsetsWidth` wide. */
  offsets: Int32Array;
  offsetsWidth: number;
}

function clamp01(value: number): number {
  return value <= 0 ? 0 : value >= 1 ? 1 : value;
}

/** Coverage of a pixel whose centre is `distance` device pixels inside an edge (0.5: on it). */
function edge(distance: number): number {
  return clamp01(distance + 0.5);
}

function distanceToSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = clamp01(((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy));
  return Math.hypot(x - x1 - t * dx, y - y1 - t * dy);
}

/**
 * Layout units: a message's dot 4, control traffic's 3; a retry a dot of 3 in a ring of 6; a
 * failed send a cross of 8; a lost message a cross of 6 in a ring of 6.5. A crowded drawing's dot
 * standing for many events (topology-streams.ts) is `size` units wider in radius (streamSize).
 */
function coverageAt(kind: DotKind, ring: number | undefined, size: number, x: number, y: number, unit: number): number {
  const distance = Math.hypot(x, y);
  const disc = (radius: number) => edge(radius * unit - distance);
  const circle = (radius: number, width: number) => edge((width * unit) / 2 - Math.abs(distance - radius * unit));
  const cross = (arm: number) => edge(1.25 * unit - Math.min(distanceToSegment(x, y, -arm, -arm, arm, arm), distanceToSegment(x, y, arm, -arm, -arm, arm)));
  // A failed send: a cross, never a dot, so it reads as "did not arrive" without its colour.
  if (kind === 'failed') return cross(4 * unit);
  // A lost message: a crossed-out circle, "gone", told from a failed send without its colour.
  if (kind === 'lost') return Math.max(cross(3 * unit), circle(6.5, 1.5));
  // A retry: a dot inside a ring (a second attempt), wherever colour is not seen.
  if (kind === 'retried') return Math.max(disc(3), circle(6, 1.5));
  // A store: a ring growing at its broker.
  if (ring !== undefined) return circle(ring, 2);
  return disc((kind === 'registered' || kind === 'route' || kind === 'heartbeat' ? 3 : 4) + size);
}

/** Rings grow continuously; their stamps are kept per half unit of radius. */
function ringSize(dot: Dot): number | undefined {
  return dot.ring === undefined ? undefined : Math.round(dot.ring * 2) / 2;
}

/** Stamps of the current device pixel ratio, by kind, ring size and dot size (see stampKey). */
const stamps = { unit: 0, byKey: new Map<number, Stamp>() };

function stampKey(kind: DotKind, ring: number | undefined, size: number): number {
  return (size * DOT_KINDS.length + DOT_KINDS.indexOf(kind)) * 64 + (ring === undefined ? 63 : ring * 2);
}

function stampOf(kind: DotKind, ring: number | undefined, size: number, unit: number): Stamp {
  if (stamps.unit !== unit) {
    stamps.unit = unit;
    stamps.byKey.clear();
  }
  const key = stampKey(kind, ring, size);
  const cached = stamps.byKey.get(key);
  if (cached) return cached;
  const reach = Math.ceil(((ring ?? 0) + 8) * unit);
  const dx: number[] = [];
  const dy: number[] = [];
  const coverage: number[] = [];
  for (let y = -reach; y <= reach; y++) {
    for (let x = -reach; x <= reach; x++) {
      const share = coverageAt(kind, ring, size, x, y, unit);
      if (share <= 0) continue;
      dx.push(x);
      dy.push(y);
      coverage.push(share);
    }
  }
  const stamp = { dx: Int16Array.from(dx), dy: Int16Array.from(dy), coverage: Float32Array.from(coverage), alpha: Uint8Array.from(coverage, (share) => Math.round(share * 255)), reach, offsets: new Int32Array(0), offsetsWidth: -1 };
  stamps.byKey.set(key, stamp);
  return stamp;
}

/** Source-over of a straight-alpha colour onto a straight-alpha RGBA pixel at byte index i. */
function blend(data: Uint8ClampedArray, i: number, color: Rgb, alpha: number): void {
  if (data[i + 3] === 255) {
    // Over an opaque pixel (a dot's inside): the same sums without dividing by an alpha of 1.
    const below = 1 - alpha;
    data[i] = color[0] * alpha + data[i]! * below;
    data[i + 1] = color[1] * alpha + data[i + 1]! * below;
    data[i + 2] = color[2] * alpha + data[i + 2]! * below;
    return;
  }
  const below = (data[i + 3]! / 255) * (1 - alpha);
  const out = alpha + below;
  data[i] = (color[0] * alpha + data[i]! * below) / out;
  data[i + 1] = (color[1] * alpha + data[i + 1]! * below) / out;
  data[i + 2] = (color[2] * alpha + data[i + 2]! * below) / out;
  data[i + 3] = out * 255;
}

/** Whether a 32-bit word holds RGBA with alpha in its high byte (a big-endian machine blends every pixel). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** The image's pixels as 32-bit words (signed: an opaque pixel's word stays a small integer to the compiler, never a double). */
const words = new WeakMap<ImageData, Int32Array>();

function wordsOf(image: ImageData): Int32Array {
  let view = words.get(image);
  if (!view) {
    view = new Int32Array(image.data.buffer, image.data.byteOffset, image.width * image.height);
    words.set(image, view);
  }
  return view;
}

/** The rectangle of device pixels a frame painted (empty when x0 >= x1). */
export interface Painted {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const NOTHING_PAINTED: Painted = { x0: 0, y0: 0, x1: 0, y1: 0 };

/** The smallest rectangle holding both (what a frame must put on the canvas: what was painted and what is now). */
export function unionOf(a: Painted, b: Painted): Painted {
  if (a.x0 >= a.x1 || a.y0 >= a.y1) return b;
  if (b.x0 >= b.x1 || b.y0 >= b.y1) return a;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Clears the rectangle `area` of the image (what the previous frame painted), row by row. */
function clear(pixels: Int32Array, width: number, area: Painted): void {
  if (area.x0 >= area.x1 || area.y0 >= area.y1) return;
  if (area.x0 === 0 && area.x1 === width) pixels.fill(0, area.y0 * width, area.y1 * width);
  else for (let y = area.y0; y < area.y1; y++) pixels.fill(0, y * width + area.x0, y * width + area.x1);
}

/** The stamp's pixels as index offsets in an image `width` wide, computed once per width. */
function offsetsOf(stamp: Stamp, width: number): Int32Array {
  if (stamp.offsetsWidth !== width) {
    stamp.offsets = Int32Array.from(stamp.dx, (dx, p) => stamp.dy[p]! * width + dx);
    stamp.offsetsWidth = width;
  }
  return stamp.offsets;
}

/**
 * Stamps one dot centred at device pixel (cx, cy). The common case, a dot at full opacity wholly
 * inside the image, walks the stamp's precomputed offsets and alpha bytes without bounds checks.
 */
function stampDot(image: ImageData, pixels: Int32Array, stamp: Stamp, cx: number, cy: number, color: Rgb, opacity: number): void {
  const { data, width, height } = image;
  const rgbWord = (color[2] << 16) | (color[1] << 8) | color[0];
  if (LITTLE_ENDIAN && opacity >= 1 && cx - stamp.reach >= 0 && cy - stamp.reach >= 0 && cx + stamp.reach < width && cy + stamp.reach < height) {
    const offsets = offsetsOf(stamp, width);
    const { alpha: alphas, coverage } = stamp;
    const centre = cy * width + cx;
    for (let p = 0; p < offsets.length; p++) {
      const at = centre + offsets[p]!;
      const alpha = alphas[p]!;
      // An empty pixel, or one a mark covers opaquely (a dot's inside over another dot), takes the colour as it is.
      if (alpha === 255 || pixels[at] === 0) pixels[at] = (alpha << 24) | rgbWord;
      else blend(data, at * 4, color, coverage[p]!);
    }
    return;
  }
  for (let p = 0; p < stamp.coverage.length; p++) {
    const x = cx + stamp.dx[p]!;
    const y = cy + stamp.dy[p]!;
    if (x < 0 || y < 0 || x >= width || y >= height) continue;
    const at = y * width + x;
    const alpha = stamp.coverage[p]! * opacity;
    if (LITTLE_ENDIAN && (alpha >= 1 || pixels[at] === 0)) pixels[at] = (Math.round(alpha * 255) << 24) | rgbWord;
    else blend(data, at * 4, color, alpha);
  }
}

/**
 * Paints the dots (layout units) into an RGBA image of `unit` device pixels per layout unit:
 * the oldest first, so that the newest are on top (the dots come newest first). The image is
 * cleared first where `before` says the previous frame painted (all of it by default); returns
 * where this frame painted, so that the next clears only that and the canvas takes only the
 * rectangle that changed. Most pixels a dot covers are still empty or covered opaquely: those
 * take one 32-bit write, the others a blend.
 */
export function paintDots(image: ImageData, dots: readonly Dot[], colors: Record<DotKind, Rgb>, unit: number, before: Painted = { x0: 0, y0: 0, x1: image.width, y1: image.height }): Painted {
  const { width, height } = image;
  const pixels = wordsOf(image);
  clear(pixels, width, before);
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  for (let index = dots.length - 1; index >= 0; index--) {
    const dot = dots[index]!;
    if (dot.opacity <= 0) continue;
    const stamp = stampOf(dot.kind, ringSize(dot), streamSize(dot.events), unit);
    const cx = Math.round(dot.x * unit);
    const cy = Math.round(dot.y * unit);
    stampDot(image, pixels, stamp, cx, cy, colors[dot.kind], dot.opacity);
    x0 = Math.min(x0, cx - stamp.reach);
    y0 = Math.min(y0, cy - stamp.reach);
    x1 = Math.max(x1, cx + stamp.reach + 1);
    y1 = Math.max(y1, cy + stamp.reach + 1);
  }
  const area = { x0: Math.max(0, x0), y0: Math.max(0, y0), x1: Math.min(width, x1), y1: Math.min(height, y1) };
  return area.x0 < area.x1 && area.y0 < area.y1 ? area : NOTHING_PAINTED;
}

/** A CSS colour as red, green, blue, the way the canvas reads it; black when it does not parse. */
export function rgbOf(context: CanvasRenderingContext2D, color: string): Rgb {
  context.fillStyle = '#000000';
  context.fillStyle = color;
  const parsed = String(context.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(parsed);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(parsed);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : [0, 0, 0];
}
