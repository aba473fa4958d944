/**
 * Shareable links (docs/links.md): `#s=<payload>&t=<ms>` in the URL fragment, so a static host
 * serves any run. The payload is `1.<data>.<check>`: the format version, the scenario file as
 * the person wrote it (JSON, lz-string compressed into URL-safe characters), and the FNV-1a
 * hash of that JSON, so a damaged or truncated link is recognized instead of half-read.
 *
 * Decoding is an edge: any text gives a result naming what is wrong, never an exception, and
 * every size is bounded before work proportional to it is done.
 */
import { compressToEncodedURIComponent } from 'lz-string';
import type { Scenario } from '../model/spec.ts';
import { checkBudget, PAGE_BUDGET, type OverBudget } from './budget.ts';
import { decompressFromEncodedURIComponent, URI_SAFE_ALPHABET } from './link-decompress.ts';
import { validateScenario, type ValidationError } from './validate.ts';

const LINK_VERSION = '1';
/** The longest fragment we read or write: browsers and chat tools cut longer URLs. */
export const MAX_FRAGMENT_CHARS = 64 * 1024;
/** The largest scenario JSON a link may carry once decompressed. */
export const MAX_SCENARIO_JSON_CHARS = 1024 * 1024;

const CHECK_LENGTH = 8;
const DATA_CHARS = new RegExp(`^[${URI_SAFE_ALPHABET.replace(/[-$+]/g, '\\$&')}]*$`);

export type LinkProblem =
  /** The fragment carries no scenario at all (`#`, `#about`): not an error, open the default. */
  | { code: 'none' }
  | { code: 'unknownVersion'; version: string }
  | { code: 'damaged'; detail: 'characters' | 'checksum' | 'decompression' | 'json' }
  | { code: 'truncated' }
  | { code: 'tooLarge'; what: 'link' | 'scenario'; limit: number }
  /**
   * Every problem, and the scenario's JSON text to mend them in: the page offers it in the JSON
   * editor, as Open JSON… opens an invalid file, since the address it came in is soon replaced.
   */
  | { code: 'invalidScenario'; errors: ValidationError[]; text: string }
  /** Valid, but over the page's cost budget (src/scenario/budget.ts); the file and the moment it asks for, to offer its first minutes. */
  | { code: 'tooHeavy'; over: OverBudget; source: object; timeMs: number };

/**
 * The page's other keys (`v`: the open view, `w`: a what-if, `tq`: the Message tab's query by
 * topic and time (src/scenario/topic-query-link.ts), and the keys docs/links.md reserves), by name:
 * the first value of each key other than `s` and `t`, as text. A dictionary without a prototype;
 * the page checks each value and ignores one it does not know.
 */
export type LinkExtras = Readonly<Record<string, string>>;

export type DecodedLink =
  /** timeUnreadable: the link's `t` was not a time, so the scenario, intact, opens at 0:00 (the page says so). */
  | { ok: true; scenarioJson: unknown; scenario: Scenario; timeMs: number; timeUnreadable: boolean; extra: LinkExtras }
  | { ok: false; reason: LinkProblem };

export type EncodedLink = { ok: true; fragment: string } | { ok: false; reason: Extract<LinkProblem, { code: 'tooLarge' }> };

/** FNV-1a (32 bits) over UTF-16 code units, as 8 hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(CHECK_LENGTH, '0');
}

/** The last payload made: the address follows a playing run, and only its time changes. */
let lastPayload = { json: '', payload: '' };

function payloadOf(json: string): string {
  if (lastPayload.json !== json) {
    lastPayload = { json, payload: `${LINK_VERSION}.${compressToEncodedURIComponent(json)}.${fnv1a(json)}` };
  }
  return lastPayload.payload;
}

/** The fragment (without `#`) for a scenario file, a moment of its run and the page's other keys (after `t`, in order). */
export function encodeLink(scenarioJson: unknown, timeMs: number, extra: LinkExtras = {}): EncodedLink {
  const json = JSON.stringify(scenarioJson);
  if (json.length > MAX_SCENARIO_JSON_CHARS) return tooLarge('scenario', MAX_SCENARIO_JSON_CHARS);
  const extras = Object.entries(extra).map(([key, value]) => `&${key}=${encodeURIComponent(value)}`).join('');
  const fragment = `s=${payloadOf(json)}&t=${Math.max(0, Math.round(timeMs))}${extras}`;
  return fragment.length > MAX_FRAGMENT_CHARS ? tooLarge('link', MAX_FRAGMENT_CHARS) : { ok: true, fragment };
}

/**
 * What chat tools and mail clients do to a link, undone: line breaks and tabs inserted where
 * they wrap it, zero-width characters, `&amp;`, percent-encoded `=`, `&` and `#` (even twice),
 * and punctuation glued to its end (`...&t=5000).`, `。`). Neither the data nor the check nor
 * `t` can end in punctuation, so nothing of the link itself is lost; the `=` of a last key left
 * empty is kept, so a link cut right after `#s=` still reads as one.
 */
export function cleanFragment(hash: string): string {
  let text = hash.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/[ \u00a0]*[\r\n\t][\s\u00a0]*/g, '').trim();
  for (let i = 0; i < 2 && /%25/i.test(text); i++) text = text.replace(/%25/gi, '%');
  text = text.replace(/&amp;/gi, '&').replace(/%26/gi, '&').replace(/%3d/gi, '=').replace(/%23/gi, '#');
  return text.replace(/^[^0-9A-Za-z]*#/, '').replace(/[^0-9A-Za-z]+$/, (tail) => (tail.startsWith('=') ? '=' : ''));
}

/** A fragment that is no link of ours at all (`#about`, `#t=100`): opened as the default, quietly. */
function looksLikeScenario(fragment: string): boolean {
  return /(^|&)\s*s\s*[=%]/i.test(fragment) || /\b1\.[0-9A-Za-z+$-]{16,}/.test(fragment);
}

/** Reads `#s=...&t=...` (with or without the `#`), after undoing what chat tools do to links. */
export function decodeLink(hash: string): DecodedLink {
  if (hash.length > MAX_FRAGMENT_CHARS + 1) return refuse(tooLarge('link', MAX_FRAGMENT_CHARS).reason);
  const fragment = cleanFragment(hash);
  const params = readParams(fragment);
  if (params === undefined) return refuse({ code: 'damaged', detail: 'characters' });
  const payload = params.get('s');
  if (payload === undefined || payload === '') {
    if (!looksLikeScenario(fragment)) return refuse({ code: 'none' });
    // An empty `s` (`#s=`, or beside the other keys of a scenario link) was cut short; it has no odd characters.
    return refuse(payload === '' ? { code: 'truncated' } : { code: 'damaged', detail: 'characters' });
  }
  const timeMs = readTime(params.get('t'));
  const json = readPayload(payload);
  if (typeof json !== 'string') return refuse(json);
  let scenarioJson: unknown;
  try {
    scenarioJson = JSON.parse(json);
  } catch {
    return refuse({ code: 'damaged', detail: 'json' });
  }
  const result = validateScenario(scenarioJson);
  if (!result.ok) return refuse({ code: 'invalidScenario', errors: result.errors, text: readableText(json, scenarioJson) });
  const over = checkBudget(result.scenario, PAGE_BUDGET);
  if (over) return refuse({ code: 'tooHeavy', over, source: scenarioJson as object, timeMs: timeMs ?? 0 });
  return {
    ok: true, scenarioJson, scenario: result.scenario, timeMs: Math.min(timeMs ?? 0, result.scenario.durationMs),
    timeUnreadable: timeMs === undefined, extra: extrasOf(params),
  };
}

/**
 * The value of one key of a link's fragment (`lang`, ...), read as decodeLink reads `s` and `t`;
 * undefined when the key is absent or the fragment unreadable. What the value means is the caller's.
 */
export function readLinkKey(hash: string, key: string): string | undefined {
  if (hash.length > MAX_FRAGMENT_CHARS + 1) return undefined;
  return readParams(cleanFragment(hash))?.get(key);
}

/** `1.<data>.<check>` -> the JSON text, or what is wrong with it. */
function readPayload(payload: string): string | LinkProblem {
  const firstDot = payload.indexOf('.');
  const version = firstDot === -1 ? payload : payload.slice(0, firstDot);
  if (version !== LINK_VERSION) {
    // Any number is a version (a later one, or one that never was); the banner quotes at most 12 digits of it.
    return /^\d+$/.test(version) ? { code: 'unknownVersion', version: version.length > 12 ? `${version.slice(0, 12)}…` : version } : { code: 'damaged', detail: 'characters' };
  }
  // A link cut anywhere before its check value loses the last dot.
  const lastDot = payload.lastIndexOf('.');
  if (firstDot === -1 || lastDot === firstDot) return { code: 'truncated' };
  const data = payload.slice(firstDot + 1, lastDot);
  const check = payload.slice(lastDot + 1);
  if (!DATA_CHARS.test(data)) return { code: 'damaged', detail: 'characters' };
  if (!/^[0-9a-f]*$/.test(check)) return { code: 'damaged', detail: 'characters' };
  if (check.length < CHECK_LENGTH) return { code: 'truncated' };
  if (check.length > CHECK_LENGTH) return { code: 'damaged', detail: 'checksum' };
  const decompressed = decompressFromEncodedURIComponent(data, MAX_SCENARIO_JSON_CHARS);
  if (!decompressed.ok) {
    return decompressed.reason === 'tooLarge'
      ? tooLarge('scenario', MAX_SCENARIO_JSON_CHARS).reason
      : { code: 'damaged', detail: 'decompression' };
  }
  return fnv1a(decompressed.text) === check ? decompressed.text : { code: 'damaged', detail: 'checksum' };
}

/**
 * A link's JSON as the person will read and mend it: a link the page wrote holds it on one line
 * (JSON.stringify), shown indented as the JSON editor shows a scenario; any other text (a repeated
 * field, `-0`, `1e3`, which writing it again would change or drop) as it was written.
 */
function readableText(json: string, value: unknown): string {
  try {
    return JSON.stringify(value) === json ? JSON.stringify(value, null, 2) : json;
  } catch {
    // Nested too deeply to write again (the stack runs out; validateScenario refuses the depth): as written.
    return json;
  }
}

/**
 * `k=v&k=v`, first value of each key kept. Parsed by hand because URLSearchParams turns `+`
 * (a character of the compressed data) into a space. Tools that percent-encode `$` or `+` are
 * undone here; undefined when the percent-encoding of `s` itself is broken.
 */
function readParams(fragment: string): Map<string, string> | undefined {
  const params = new Map<string, string>();
  for (const part of fragment.split('&')) {
    const equals = part.indexOf('=');
    if (equals === -1) continue;
    const key = part.slice(0, equals).trim();
    let value = part.slice(equals + 1);
    if (value.includes('%')) {
      try {
        value = decodeURIComponent(value);
      } catch {
        // Only the scenario makes a link unusable: a damaged `t` is kept as it is, to be read as no time; a damaged page key is just ignored.
        if (key === 's') return undefined;
        if (key !== 't') continue;
      }
    }
    // Some tools turn `+` into a space on the way; lz-string's own decoder undoes the same.
    if (!params.has(key)) params.set(key, value.replace(/ /g, '+'));
  }
  return params;
}

function extrasOf(params: Map<string, string>): LinkExtras {
  const extra: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of params) if (key !== 's' && key !== 't') extra[key] = value;
  return extra;
}

function readTime(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return 0;
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

function tooLarge(what: 'link' | 'scenario', limit: number): { ok: false; reason: { code: 'tooLarge'; what: 'link' | 'scenario'; limit: number } } {
  return { ok: false, reason: { code: 'tooLarge', what, limit } };
}

function refuse(reason: LinkProblem): DecodedLink {
  return { ok: false, reason };
}
