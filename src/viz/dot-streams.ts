/**
 * Dots of a crowded cluster as streams: at about a thousand messages a second, every message its
 * own dot is a solid band of colour over the brokers and a few thousand stamps a frame. Past the
 * density counts (topology-density.ts) each line carries at most STREAM_SLOTS dots along its
 * flight: one per slot of virtual time, standing for every event of that slot on that line, drawn
 * larger the more it carries. The slots are a fixed grid of virtual time, so a dot glides along
 * its line from frame to frame and the picture at a moment is the same however one came to it.
 */

/** Dots a line carries at most at once: one per sixth of a flight. */
export const STREAM_SLOTS = 6;

/** Trace events read at most per frame: past it, one in `stride` is read and stands for `stride`. */
export const STREAM_READ_BUDGET = 4_096;

/** The slot of virtual time an event at `t` falls in, for a flight of `flightMs`. */
export function streamSlot(t: number, flightMs: number): number {
  return Math.floor(t / (flightMs / STREAM_SLOTS));
}

/**
 * The moment a slot's dot stands for: the slot's end (the newest of its events), or now while
 * the slot is still filling, so the dot leaves the start of its line once its slot is complete.
 */
export function streamSlotTime(slot: number, flightMs: number, timeMs: number): number {
  return Math.min((slot + 1) * (flightMs / STREAM_SLOTS), timeMs);
}

/**
 * One in how many events of a window of `events` is read, a power of two so that it changes
 * rarely while the window slides (the events read are the trace indexes that are multiples of it).
 */
export function streamStride(events: number, budget = STREAM_READ_BUDGET): number {
  let stride = 1;
  while (events > budget * stride) stride *= 2;
  return stride;
}

/** How much larger a dot is drawn for the events it carries: 1, 2-9, 10-99, 100 or more. */
const STREAM_SIZES = 4;

export function streamSize(events: number | undefined): number {
  if (events === undefined || events <= 1) return 0;
  return Math.min(STREAM_SIZES - 1, Math.floor(Math.log10(events)) + 1);
}
