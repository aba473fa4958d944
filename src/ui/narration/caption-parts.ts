/**
 * A caption in two parts: what happened, in its first sentence, and why, in the rest, which the
 * caption shows behind a disclosure (NarrationCaption.tsx). Nine lines of sendMsgTimeout and
 * channelClosed for each send into a partition pushed the canvas below the fold, and moved it at
 * every step. The split is one rule for every caption, not a short text written for each: the
 * captions say what happened first, the mechanism after. A sentence that begins "But" ("但") is
 * still what happened (a send to a broker whose master is down: the send, then that it cannot
 * arrive), and stays in the first part. The second part continues the first where it stopped, so
 * the caption opened reads as it always did; closed, a first part cut at a colon ends on a full stop
 * instead, so what is shown is a whole sentence in either language.
 */
import type { Language } from '../../scenario/language.ts';
import { inLanguage, type Bilingual } from '../i18n/index.ts';

export interface CaptionParts {
  head: string;
  /** '' when the caption is one sentence. */
  why: string;
  /** The head shown while why is closed: a sentence, its cut colon a full stop (the head itself otherwise). */
  closedHead: string;
}

interface Rules {
  /** Where a sentence ends: after its full stop, and in English the space before the next. */
  sentenceEnd: RegExp;
  /** A sentence that turns what happened ("But broker-b's master is cut off…"): it belongs to the first part. */
  turn: RegExp;
  colon: RegExp;
  /** What ends a sentence: a head cut at a colon ends on it while why is closed. */
  fullStop: string;
}

const RULES: Bilingual<Rules> = {
  en: { sentenceEnd: /[.!?]\s+/g, turn: /^But /, colon: /: /g, fullStop: '.' },
  zh: { sentenceEnd: /[。！？]\s*/g, turn: /^但/, colon: /：/g, fullStop: '。' },
};

/**
 * The widest first part with what follows it on its lines, in pixels of the caption's 13.5 px
 * text: two lines of the caption at 1280 px (767 px each) less its time ("0:03.005 ", 68 px) and
 * its "Why ▸" (about 48). A wider one ends at its last colon within that width, where the captions
 * turn from what happened to how ("sent its heartbeat to broker-a/1 (HEART_BEAT): every 30 s a
 * client…"). Counted in letters, a Chinese character two, a Chinese caption naming a class
 * ("RebalancePushImpl.messageQueueChanged") and its "(and 1 more event)" took a third line.
 */
const MOST_HEAD = 2 * 767 - 68 - 48;

/**
 * How wide a character is, in pixels at 13.5 px, as the caption's sans-serif draws it (DejaVu Sans,
 * Debian's, is the widest of the usual ones): a Chinese character or a full-width mark is an em;
 * capitals and digits, of which class names, msgIds and group names are made, are wider than the
 * prose's small letters; spaces, stops and i, l, t, r are narrow.
 */
function charWidth(char: string): number {
  if (WIDE.test(char)) return 14;
  if (/[mwMW%@]/.test(char)) return 12.7;
  if (/[\s.,:;'|!ijlIftr()[\]/-]/.test(char)) return 4.6;
  if (/[A-Z]/.test(char)) return 9.3;
  return /\d/.test(char) ? 9 : 8.6;
}
/** A Chinese character or full-width punctuation. */
const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

function widthOf(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** How far into `text` its first `most` pixels reach. */
function within(text: string, most: number): number {
  let width = 0;
  for (let index = 0; index < text.length; index++) {
    width += charWidth(text[index]!);
    if (width > most) return index;
  }
  return text.length;
}

/** Where each sentence after the first begins. */
function sentenceStarts(text: string, rules: Rules): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(rules.sentenceEnd)) {
    const start = match.index + match[0].length;
    if (start < text.length) starts.push(start);
  }
  return starts;
}

/**
 * Whether `at` is inside brackets opened since `from`: a colon there glosses ("perm RW- (R:
 * consumers may read it, W: …)") and is no place to end a sentence.
 */
function inBrackets(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let index = from; index < at; index++) {
    const char = text[index];
    if (char === '(' || char === '（') depth++;
    else if ((char === ')' || char === '）') && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * Where a first part wider than `most` pixels ends: after the last colon of its last sentence
 * within them (so that a "But" sentence stays); else, a "But" sentence being too wide, where the
 * sentence before it ended; else after its first colon, however far: shorter than the whole
 * sentence. Else where it ended.
 */
function shortened(text: string, from: number, end: number, rules: Rules, most: number): number {
  const reach = within(text, most);
  if (end <= reach) return end;
  const colons = [...text.slice(from, end).matchAll(rules.colon)].map((match) => from + match.index + 1).filter((colon) => !inBrackets(text, from, colon));
  return colons.findLast((colon) => colon <= reach) ?? (from > 0 ? from : colons[0] ?? end);
}

/**
 * The caption's first sentence (through a "But" that follows it), at most about two lines with
 * `besides` (the count of the instant's other events, shown after it on its lines), and the rest.
 */
export function captionParts(text: string, language: Language, besides = ''): CaptionParts {
  const rules = inLanguage(RULES, language);
  const starts = sentenceStarts(text, rules);
  const turns = starts[0] !== undefined && rules.turn.test(text.slice(starts[0]));
  const end = (turns ? starts[1] : starts[0]) ?? text.length;
  const cut = shortened(text, turns ? starts[0]! : 0, end, rules, MOST_HEAD - widthOf(besides && ` ${besides}`));
  if (cut >= text.length) return { head: text, why: '', closedHead: text };
  const head = text.slice(0, cut).trimEnd();
  return { head, why: text.slice(cut).trimStart(), closedHead: /[:：]$/.test(head) ? `${head.slice(0, -1)}${rules.fullStop}` : head };
}
