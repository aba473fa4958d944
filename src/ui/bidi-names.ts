/**
 * Right-to-left names in the page's sentences. A sentence is laid out left to right, and an Arabic
 * or Hebrew name in it takes its neighbours along by the Unicode bidirectional algorithm: a queue
 * id after it joins its run, so "وسيط:3" shows as "3:وسيط". Such a name is isolated (U+2068 FIRST
 * STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE): it reads as it was written and the sentence
 * keeps its order. A scenario refuses these characters inside names (src/scenario/fields.ts), so
 * they only ever come from here; a name without a right-to-left letter is left as it is.
 */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** Longer text than any name (RocketMQ's topic limit is 127 characters): a description, not a name. */
const LONGEST_NAME = 255;

const patterns = new WeakMap<object, RegExp | null>();

function collectNames(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.length <= LONGEST_NAME && RIGHT_TO_LEFT.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectNames(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collectNames(item, into);
  }
}

/** One pattern for the scenario's names that hold a right-to-left letter (the longest first), or null when none does. */
export function rtlNamesOf(scenario: object): RegExp | null {
  const known = patterns.get(scenario);
  if (known !== undefined) return known;
  const names = new Set<string>();
  collectNames(scenario, names);
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const pattern = sorted.length === 0 ? null : new RegExp(sorted.map((name) => name.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|'), 'gu');
  patterns.set(scenario, pattern);
  return pattern;
}

/** The sentence with each of the pattern's names isolated. */
export function isolateNames(text: string, pattern: RegExp | null): string {
  return pattern === null ? text : text.replace(pattern, (name) => `\u2068${name}\u2069`);
}
