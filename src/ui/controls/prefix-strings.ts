/**
 * What a shorter run offered for a too heavy scenario leaves out, and what the second choice moves
 * (src/scenario/prefix.ts), in English and Simplified Chinese: said by the banner before and after
 * the offer is taken, and by the JSON editor beside its Apply buttons. Loaded with those (the
 * banner's chunk, the editor's), never with the first script. Names from the file (broker-03, a
 * consumer's id) go in as plain text, as every value the page shows.
 */
import type { TimelineAction } from '../../sim/index.ts';
import type { Language } from '../../scenario/language.ts';
import type { BannerOffer, MovedTimeline } from '../../store/page.ts';
import { formatPeriod, formatTime } from '../../viz/format.ts';
import { actionSaid, isFault } from '../i18n/action-strings.ts';
import { inLanguage, type Bilingual } from '../i18n/index.ts';
import { actionTarget } from './Scrubber.tsx';

interface PrefixWords {
  /** `count` actions left out, the first at `at` (`said`: what it does). */
  leftOut: (count: number, at: string, said: string) => string;
  /** Before the offer is taken. */
  firstMinutesLeaveOut: (minutes: number, leftOut: string) => string;
  /** Once the first minutes are open. */
  openedFirstMinutes: (minutes: number, leftOut: string | null) => string;
  /** One action of a moved timeline: where it is now, where the file has it. */
  movedAction: (at: string, fileAt: string, said: string) => string;
  movedJoined: string;
  /** Between two sentences. */
  sentenceGap: string;
  andMore: (count: number) => string;
  /** What a moved window still leaves out. */
  stillLeftOut: (count: number, minutes: number, fileAt: string, said: string) => string;
  /** Before the second choice is taken: `shift` is how much earlier. */
  storyOffer: (minutes: number, shift: string, moved: string, left: string) => string;
  /** Once it is open. */
  openedStory: (minutes: number, shift: string, moved: string, left: string) => string;
  openStory: (minutes: number, aroundFault: boolean) => string;
  applyStory: (minutes: number, aroundFault: boolean) => string;
}

const en: PrefixWords = {
  leftOut: (count, at, said) => (count === 1 ? `its timeline action at ${at}: ${said}` : `its ${count} timeline actions after that, the first at ${at}: ${said}`),
  firstMinutesLeaveOut: (minutes, leftOut) => `Its first ${minutes} min leave out ${leftOut}.`,
  openedFirstMinutes: (minutes, leftOut) => `This is the scenario's first ${minutes} minutes: the whole is too heavy for the page.${leftOut === null ? '' : ` They leave out ${leftOut}.`} The command-line runner (npm run sim) runs all of it.`,
  movedAction: (at, fileAt, said) => `at ${at} (${fileAt} in the file): ${said}`,
  movedJoined: '; ',
  sentenceGap: ' ',
  andMore: (count) => `and ${count} more`,
  stillLeftOut: (count, minutes, fileAt, said) => (count === 1
    ? ` Its action at ${fileAt} in the file still falls after ${minutes} min and is left out: ${said}.`
    : ` ${count} actions still fall after ${minutes} min and are left out, the first at ${fileAt} in the file: ${said}.`),
  storyOffer: (minutes, shift, moved, left) => `Or ${minutes} min with its whole timeline moved ${shift} earlier, order and gaps kept, ${moved}.${left}`,
  openedStory: (minutes, shift, moved, left) => `This is ${minutes} minutes of the scenario with its whole timeline moved ${shift} earlier, order and gaps kept, ${moved}.${left} The whole is too heavy for the page; the command-line runner (npm run sim) runs all of it.`,
  openStory: (minutes, aroundFault) => (aroundFault ? `Open ${minutes} min around its first fault` : `Open ${minutes} min with its timeline moved earlier`),
  applyStory: (minutes, aroundFault) => (aroundFault ? `Apply ${minutes} min around its first fault` : `Apply ${minutes} min with its timeline moved earlier`),
};

const zh: PrefixWords = {
  leftOut: (count, at, said) => (count === 1 ? `此后的 1 个时间线动作（${at}：${said}）` : `此后的 ${count} 个时间线动作（第一个在 ${at}：${said}）`),
  firstMinutesLeaveOut: (minutes, leftOut) => `它的前 ${minutes} 分钟不包含${leftOut}。`,
  openedFirstMinutes: (minutes, leftOut) => `这是该场景的前 ${minutes} 分钟：整个场景对页面来说太重。${leftOut === null ? '' : `其中不包含${leftOut}。`}命令行运行器（npm run sim）可以运行全部。`,
  movedAction: (at, fileAt, said) => `${at}（文件中为 ${fileAt}）：${said}`,
  movedJoined: '；',
  sentenceGap: '',
  andMore: (count) => `另有 ${count} 个`,
  stillLeftOut: (count, minutes, fileAt, said) => (count === 1
    ? `文件中 ${fileAt} 的动作仍落在 ${minutes} 分钟之后，不包含在内：${said}。`
    : `仍有 ${count} 个动作落在 ${minutes} 分钟之后，不包含在内，第一个在文件中的 ${fileAt}：${said}。`),
  storyOffer: (minutes, shift, moved, left) => `也可以打开整条时间线提前 ${shift}、顺序和间隔不变的 ${minutes} 分钟：${moved}。${left}`,
  openedStory: (minutes, shift, moved, left) => `这是该场景的 ${minutes} 分钟，整条时间线提前了 ${shift}，顺序和间隔不变：${moved}。${left}整个场景对页面来说太重，命令行运行器（npm run sim）可以运行全部。`,
  openStory: (minutes, aroundFault) => (aroundFault ? `打开围绕第一个故障的 ${minutes} 分钟` : `打开时间线提前的 ${minutes} 分钟`),
  applyStory: (minutes, aroundFault) => (aroundFault ? `应用围绕第一个故障的 ${minutes} 分钟` : `应用时间线提前的 ${minutes} 分钟`),
};

const PREFIX_WORDS: Bilingual<PrefixWords> = { en, zh };

export function prefixWords(language: Language): PrefixWords {
  return inLanguage(PREFIX_WORDS, language);
}

/** How many moved actions are named; the rest are counted. */
const MOVED_SHOWN = 3;

function said(action: TimelineAction, language: Language): string {
  return actionSaid(action.action, actionTarget(action), language);
}

/** "its 3 timeline actions after that, the first at 20:00.000: broker-03 crashes (crashBroker)"; null when nothing is left out. */
function leftOutPhrase(dropped: readonly TimelineAction[], language: Language): string | null {
  const first = dropped[0];
  return first ? prefixWords(language).leftOut(dropped.length, formatTime(first.at), said(first, language)) : null;
}

function movedList(moved: MovedTimeline, language: Language): string {
  const words = prefixWords(language);
  const listed = moved.brought.slice(0, MOVED_SHOWN).map((action) => words.movedAction(formatTime(action.at - moved.shiftMs), formatTime(action.at), said(action, language)));
  const more = moved.brought.length - listed.length;
  return [...listed, ...(more > 0 ? [words.andMore(more)] : [])].join(words.movedJoined);
}

function stillLeftOut(dropped: readonly TimelineAction[], minutes: number, language: Language): string {
  const first = dropped[0];
  return first ? prefixWords(language).stillLeftOut(dropped.length, minutes, formatTime(first.at), said(first, language)) : '';
}

/** What taking `offer` leaves out, and what its second choice moves; empty when it leaves nothing out. */
export function describeOfferLeavesOut(offer: BannerOffer, language: Language): string {
  const words = prefixWords(language);
  const leftOut = leftOutPhrase(offer.dropped, language);
  if (leftOut === null) return '';
  const sentences = [words.firstMinutesLeaveOut(offer.minutes, leftOut)];
  const { story } = offer;
  if (story?.moved) {
    const shift = formatPeriod(story.moved.shiftMs, language);
    sentences.push(words.storyOffer(story.minutes, shift, movedList(story.moved, language), stillLeftOut(story.dropped, story.minutes, language)));
  }
  return sentences.join(words.sentenceGap);
}

/** The banner once an offer is open: the first minutes and what they leave out, or the moved window and what it moved. */
export function describeOpenedOffer(minutes: number, dropped: readonly TimelineAction[], moved: MovedTimeline | undefined, language: Language): string {
  const words = prefixWords(language);
  if (!moved) return words.openedFirstMinutes(minutes, leftOutPhrase(dropped, language));
  return words.openedStory(minutes, formatPeriod(moved.shiftMs, language), movedList(moved, language), stillLeftOut(dropped, minutes, language));
}

/** Whether the second choice brings a fault in first (a crash, a partition), as the large scale test's does. */
export function storyAroundFault(story: BannerOffer): boolean {
  const first = story.moved?.brought[0];
  return first !== undefined && isFault(first.action);
}
