/**
 * A link's geometry as a dot travels it, computed once per link: its straight runs' points and
 * lengths and the curve's control points in typed arrays. pointOnTrack writes the position into
 * a point it is given, so moving a thousand dots a frame allocates nothing for their positions
 * (pointOnLink rebuilt the run's points, its lengths and d3's control points for every dot).
 */
import { curveControls, distance, type Link, type Point } from './paths.ts';

export interface LinkTrack {
  /** Source, first control point, second control point, target: x and y of each. */
  curve: Float64Array;
  /** The straight run before the curve (x, y of each point, the curve's source last), and each segment's length. */
  before: Run;
  /** The straight run after the curve (the curve's target first). */
  after: Run;
  /** The curve's length (near enough: the mean of its chord and its control polygon). */
  curveLength: number;
}

/** Straight segments: x, y of each point, each segment's length and their sum. */
interface Run {
  points: Float64Array;
  lengths: Float64Array;
  length: number;
}

const tracks = new WeakMap<Link, LinkTrack>();

function runThrough(points: Point[]): Run {
  const lengths = Float64Array.from(points.slice(1), (point, i) => distance(points[i]!, point));
  let length = 0;
  for (const segment of lengths) length += segment;
  return { points: Float64Array.from(points.flatMap((point) => [point.x, point.y])), lengths, length };
}

function makeTrack(link: Link): LinkTrack {
  const [c1, c2] = curveControls(link);
  const { source: s, target: t } = link;
  return {
    curve: Float64Array.of(s.x, s.y, c1.x, c1.y, c2.x, c2.y, t.x, t.y),
    before: runThrough(link.via?.length ? [...link.via, s] : []),
    after: runThrough(link.then?.length ? [t, ...link.then] : []),
    curveLength: (distance(s, t) + distance(s, c1) + distance(c1, c2) + distance(c2, t)) / 2,
  };
}

/** The track of a link, made on its first use (a layout's links keep their identity while it lives). */
export function trackOf(link: Link): LinkTrack {
  let track = tracks.get(link);
  if (!track) {
    track = makeTrack(link);
    tracks.set(link, track);
  }
  return track;
}

/** The cubic curve at p in [0, 1], written into `out`. */
function curveAt(curve: Float64Array, p: number, out: Point): Point {
  const q = 1 - p;
  const w0 = q * q * q;
  const w1 = 3 * q * q * p;
  const w2 = 3 * q * p * p;
  const w3 = p * p * p;
  out.x = w0 * curve[0]! + w1 * curve[2]! + w2 * curve[4]! + w3 * curve[6]!;
  out.y = w0 * curve[1]! + w1 * curve[3]! + w2 * curve[5]! + w3 * curve[7]!;
  return out;
}

/** The point `along` (0 to run.length) a straight run, written into `out`. */
function runAt(run: Run, along: number, out: Point): Point {
  const { points, lengths } = run;
  let i = 0;
  while (i < lengths.length - 1 && along > lengths[i]!) along -= lengths[i++]!;
  const length = lengths[i]!;
  const share = length > 0 ? Math.min(1, along / length) : 1;
  out.x = points[2 * i]! + (points[2 * i + 2]! - points[2 * i]!) * share;
  out.y = points[2 * i + 1]! + (points[2 * i + 3]! - points[2 * i + 1]!) * share;
  return out;
}

/** The point at progress p in [0, 1] along the track (clamped), written into `out`: by length, its run before the curve, the curve, its run after. */
export function pointOnTrack(track: LinkTrack, progress: number, out: Point): Point {
  const p = Math.min(1, Math.max(0, progress));
  const { before, after, curveLength } = track;
  if (before.length === 0 && after.length === 0) return curveAt(track.curve, p, out);
  let along = p * (before.length + curveLength + after.length);
  if (along < before.length) return runAt(before, along, out);
  along -= before.length;
  if (along <= curveLength || after.length === 0) return curveAt(track.curve, curveLength > 0 ? Math.min(1, along / curveLength) : 1, out);
  return runAt(after, along - curveLength, out);
}

/** The point at progress p along a link (a new point; the canvas's dots use pointOnTrack). */
export function pointOnLink(link: Link, progress: number): Point {
  return pointOnTrack(trackOf(link), progress, { x: 0, y: 0 });
}
