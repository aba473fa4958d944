/**
 * A link's geometry as a dot travels it, computed once per link: the straight run's points and
 * lengths and the curve's control points in typed arrays. pointOnTrack writes the position into
 * a point it is given, so moving a thousand dots a frame allocates nothing for their positions
 * (pointOnLink rebuilt the run's points, its lengths and d3's control points for every dot).
 */
import { curveControls, distance, type Link, type Point } from './paths.ts';

export interface LinkTrack {
  /** Source, first control point, second control point, target: x and y of each. */
  curve: Float64Array;
  /** The straight run before the curve (x, y of each point, the curve's source last), and each segment's length. */
  runPoints: Float64Array;
  runLengths: Float64Array;
  /** The run's length, and the curve's (near enough: the mean of its chord and its control polygon). */
  straight: number;
  curveLength: number;
}

const tracks = new WeakMap<Link, LinkTrack>();

function makeTrack(link: Link): LinkTrack {
  const [c1, c2] = curveControls(link);
  const { source: s, target: t } = link;
  const points: Point[] = link.via?.length ? [...link.via, s] : [];
  const runLengths = Float64Array.from(points.slice(1), (point, i) => distance(points[i]!, point));
  let straight = 0;
  for (const length of runLengths) straight += length;
  return {
    curve: Float64Array.of(s.x, s.y, c1.x, c1.y, c2.x, c2.y, t.x, t.y),
    runPoints: Float64Array.from(points.flatMap((point) => [point.x, point.y])),
    runLengths,
    straight,
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

/** The point at progress p in [0, 1] along the track (clamped), written into `out`: its straight run first, by length, then its curve. */
export function pointOnTrack(track: LinkTrack, progress: number, out: Point): Point {
  const p = Math.min(1, Math.max(0, progress));
  const { runLengths, runPoints } = track;
  if (runLengths.length === 0) return curveAt(track.curve, p, out);
  let along = p * (track.straight + track.curveLength);
  for (let i = 0; i < runLengths.length; i++) {
    const length = runLengths[i]!;
    if (along <= length && length > 0) {
      const ax = runPoints[2 * i]!;
      const ay = runPoints[2 * i + 1]!;
      out.x = ax + ((runPoints[2 * i + 2]! - ax) * along) / length;
      out.y = ay + ((runPoints[2 * i + 3]! - ay) * along) / length;
      return out;
    }
    along -= length;
  }
  return curveAt(track.curve, track.curveLength > 0 ? Math.min(1, along / track.curveLength) : 1, out);
}

/** The point at progress p along a link (a new point; the canvas's dots use pointOnTrack). */
export function pointOnLink(link: Link, progress: number): Point {
  return pointOnTrack(trackOf(link), progress, { x: 0, y: 0 });
}
