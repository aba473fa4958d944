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
 * The widest first part, in widths of a Latin letter: about two lines of the caption at 1280 px. A
 * wider one ends at its last colon within that width, where the captions turn from what happened
 * to how ("sent its heartbeat to broker-a/1 (HEART_BEAT): every 30 s a client…").
 */
const MOST_HEAD = 200;
/** A Chinese character (or full-width punctuation) is about two Latin letters wide. */
const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

/** How many widths of a Latin letter `text` takes. */
function widthOf(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** How far into `text` its first `most` widths reach. */
function within(text: string, most: number): number {
  let width = 0;
  for (let index = 0; index < text.length; index++) {
    width += WIDE.test(text[index]!) ? 2 : 1;
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
 * Where a first part too wide for its `most` widths ends: after the last colon of its last sentence
 * within them (so that a "But" sentence stays), else where it ended.
 */
function shortened(text: string, from: number, end: number, rules: Rules, most: number): number {
  const reach = within(text, most);
  if (end <= reach) return end;
  let cut = end;
  for (const match of text.slice(from, reach).matchAll(rules.colon)) cut = from + match.index + 1;
  return cut;
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
  const cut = shortened(text, turns ? starts[0]! : 0, end, rules, MOST_HEAD - widthOf(besides));
  if (cut >= text.length) return { head: text, why: '', closedHead: text };
  const head = text.slice(0, cut).trimEnd();
  const atColon = cut < end;
  return { head, why: text.slice(cut).trimStart(), closedHead: atColon ? `${head.slice(0, -1)}${rules.fullStop}` : head };
}
