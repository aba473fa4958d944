/**
 * A frame's trace events as they cross to the page: each event as its shape's number and its
 * values in one Int32Array (strings as numbers in a table of the frame's distinct strings), the
 * shapes, the strings and any event that does not fit as one small JSON text. A fresh tail of
 * 3,300 events as one JSON array cost the worker its JSON.stringify, the structured clone about
 * 600 KB of text and the page its JSON.parse: most of those bytes are the same keys and the same
 * names again, and a message's id comes back in its sent, stored, answered and consumed events.
 * Unpacked, each event has the same keys in the same order and the same values, so its JSON is
 * the same bytes; an event with a value JSON would change or drop (an array, an object, a number
 * that is not finite, undefined) crosses as JSON, as before.
 */
import type { TraceEvent } from '../../model/events.ts';
import { Names, type TraceSink } from '../packed-trace.ts';

/** A value's kind in a shape: an int32, another finite number, a string, or a constant. */
const INT = 0;
const FLOAT = 1;
const STRING = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;
/** The word that stands for the next event carried as JSON (`objects`). */
const OBJECT = -1;
/** Each kind's value in a shape's template: the constants themselves, a placeholder of the same representation for the others. */
const TEMPLATE_VALUES = ['0', '0.5', '""', 'true', 'false', 'null'];

/** The keys of events of one type, in their order, and each value's kind. */
interface Shape {
  keys: string[];
  kinds: number[];
}

export interface PackedTail {
  /** Per event its shape's number (or OBJECT), then a word per value of a kind that is not a constant. */
  words: Int32Array;
  /** The FLOAT values, in order. */
  floats: Float64Array;
  /** JSON of the shapes (keys and kinds), the strings and the events carried whole, in that order. */
  text: string;
}

type Values = Record<string, unknown>;

function kindOf(value: unknown): number | undefined {
  if (typeof value === 'string') return STRING;
  if (typeof value === 'number') return (value | 0) === value ? INT : Number.isFinite(value) ? FLOAT : undefined;
  if (value === true) return TRUE;
  if (value === false) return FALSE;
  return value === null ? NULL : undefined;
}

/** Packs a tail's events as they come, objects (add) or a packed segment's values (addValues) alike. */
export class TailPacker implements TraceSink {
  private words = new Int32Array(1_024);
  private at = 0;
  private readonly floats: number[] = [];
  private readonly shapes: Shape[] = [];
  /** The shapes seen of each event type, by their numbers. */
  private readonly shapesByType = new Map<string, number[]>();
  private readonly strings = new Names();
  private readonly objects: TraceEvent[] = [];

  add(event: TraceEvent): void {
    const values = event as Values;
    for (const shape of this.shapesByType.get(event.type) ?? []) if (this.write(shape, values)) return;
    const shape = this.newShape(event);
    if (shape === undefined || !this.write(shape, values)) {
      this.reserve(1);
      this.words[this.at++] = OBJECT;
      this.objects.push(event);
    }
  }

  /** The event whose keys and values these are, packed as add packs that object. */
  addValues(type: TraceEvent['type'], keys: readonly string[], values: readonly (string | number)[]): void {
    for (const shape of this.shapesByType.get(type) ?? []) if (this.writeValues(shape, keys, values)) return;
    const kinds = values.map(kindOf);
    if (kinds.includes(undefined) || keys.includes('__proto__')) {
      this.add(Object.fromEntries(keys.map((key, i) => [key, values[i]])) as TraceEvent);
      return;
    }
    this.writeValues(this.addShape(type, [...keys], kinds as number[]), keys, values);
  }

  packed(): PackedTail {
    return {
      words: this.words.slice(0, this.at),
      floats: Float64Array.from(this.floats),
      text: JSON.stringify([this.shapes.map(({ keys, kinds }) => [keys, kinds]), this.strings.all(), this.objects]),
    };
  }

  /** Writes the event as shape n, or false (nothing written) when its keys or kinds differ. */
  private write(n: number, values: Values): boolean {
    const { keys, kinds } = this.shapes[n]!;
    this.reserve(keys.length + 1);
    const start = this.at;
    const floats = this.floats.length;
    this.words[this.at++] = n;
    let i = 0;
    let same = true;
    for (const key in values) {
      const value = values[key];
      if (i === keys.length || key !== keys[i] || kindOf(value) !== kinds[i]) {
        same = false;
        break;
      }
      this.writeValue(kinds[i]!, value);
      i++;
    }
    if (same && i === keys.length) return true;
    this.at = start;
    this.floats.length = floats;
    return false;
  }

  /** Writes the values as shape n, or false (nothing written) when their keys or kinds differ. */
  private writeValues(n: number, keys: readonly string[], values: readonly (string | number)[]): boolean {
    const shape = this.shapes[n]!;
    if (shape.keys.length !== keys.length) return false;
    for (let i = 0; i < keys.length; i++) if (shape.keys[i] !== keys[i] || shape.kinds[i] !== kindOf(values[i])) return false;
    this.reserve(keys.length + 1);
    this.words[this.at++] = n;
    for (let i = 0; i < keys.length; i++) this.writeValue(shape.kinds[i]!, values[i]);
    return true;
  }

  private writeValue(kind: number, value: unknown): void {
    if (kind === INT) this.words[this.at++] = value as number;
    else if (kind === STRING) this.words[this.at++] = this.strings.numberOf(value as string);
    else if (kind === FLOAT) {
      this.words[this.at++] = this.floats.length;
      this.floats.push(value as number);
    }
  }

  /**
   * A new shape for the event, or undefined when one of its values has no kind or a key would
   * set the unpacked object's prototype (the event crosses as JSON).
   */
  private newShape(event: TraceEvent): number | undefined {
    const keys = Object.keys(event);
    const kinds = keys.map((key) => kindOf((event as Values)[key]));
    if (kinds.includes(undefined) || keys.includes('__proto__')) return undefined;
    return this.addShape(event.type, keys, kinds as number[]);
  }

  private addShape(type: string, keys: string[], kinds: number[]): number {
    const n = this.shapes.length;
    this.shapes.push({ keys, kinds });
    this.shapesByType.set(type, [...this.shapesByType.get(type) ?? [], n]);
    return n;
  }

  private reserve(words: number): void {
    if (this.at + words <= this.words.length) return;
    const larger = new Int32Array(2 * (this.at + words));
    larger.set(this.words.subarray(0, this.at));
    this.words = larger;
  }
}

export function unpackTail(packed: PackedTail): TraceEvent[] {
  const [shapes, strings, objects] = JSON.parse(packed.text) as [[string[], number[]][], string[], TraceEvent[]];
  const templates = shapes.map(([keys, kinds]) => templateOf(keys, kinds));
  const { words, floats } = packed;
  const events: TraceEvent[] = [];
  let object = 0;
  for (let at = 0; at < words.length;) {
    const n = words[at++]!;
    if (n === OBJECT) {
      events.push(objects[object++]!);
      continue;
    }
    const [keys, kinds] = shapes[n]!;
    const event: Values = { ...templates[n] };
    for (let i = 0; i < keys.length; i++) {
      const kind = kinds[i]!;
      if (kind === INT) event[keys[i]!] = words[at++];
      else if (kind === STRING) event[keys[i]!] = strings[words[at++]!];
      else if (kind === FLOAT) event[keys[i]!] = floats[words[at++]!];
    }
    events.push(event as TraceEvent);
  }
  return events;
}

/** A shape's object as JSON.parse makes it: an event copied from it has its keys in place, and only their values change. */
function templateOf(keys: string[], kinds: number[]): Values {
  return JSON.parse(`{${keys.map((key, i) => `${JSON.stringify(key)}:${TEMPLATE_VALUES[kinds[i]!]!}`).join(',')}}`) as Values;
}
