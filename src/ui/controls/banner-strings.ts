/**
 * What the banner says (Banner.tsx) in English and Simplified Chinese: a link the page could not
 * open, a refused file, the first minutes of one too heavy and what they leave out (prefix-strings.ts,
 * in this chunk too). A chunk of its own, fetched after the first paint: the default page opens
 * without a banner, so its first script does not carry them.
 */
import type { LinkProblem } from '../../scenario/link.ts';
import { messageIn } from '../../scenario/validate.ts';
import type { BannerReason } from '../../store/page.ts';
import type { Language } from '../../scenario/language.ts';
import { formatBytes } from '../../viz/format.ts';
import { type Bilingual, inLanguage, labelled, translate } from '../i18n/index.ts';
import { describeOverBudget } from './budget-text.ts';
import { describeOfferLeavesOut, describeOpenedOffer, prefixWords, storyAroundFault } from './prefix-strings.ts';

export { describeOfferLeavesOut, prefixWords, storyAroundFault };

type Damage = Extract<LinkProblem, { code: 'damaged' }>['detail'];

interface BannerWords {
  linkUnknownVersion: (version: string) => string;
  linkDamaged: (detail: string) => string;
  linkTruncated: string;
  linkTooLargeLink: (limit: string) => string;
  linkTooLargeScenario: (limit: string) => string;
  linkInvalid: (errors: string) => string;
  linkMoreErrors: (count: number) => string;
  /** How an invalid link's problems are run together. */
  errorsJoined: string;
  linkShowProblems: string;
  linkInEditor: (count: number) => string;
  linkTooHeavy: (reason: string) => string;
  linkTimeUnreadable: string;
  openFirstMinutes: (minutes: number) => string;
  damaged: Record<Damage, string>;
  uploadFailed: (file: string, count: number) => string;
  uploadUnreadable: (file: string) => string;
  dismiss: string;
}

const en: BannerWords = {
  linkUnknownVersion: (version) => `This link was written by another version of RocketScope (link format ${version}), so it cannot be opened here. The default scenario is open instead.`,
  linkDamaged: (detail) => `This link is damaged: ${detail}. The default scenario is open instead.`,
  linkTruncated: 'This link is cut short: it was probably truncated when it was copied or sent. The default scenario is open instead.',
  linkTooLargeLink: (limit) => `This link is too long to open (over ${limit}). The default scenario is open instead.`,
  linkTooLargeScenario: (limit) => `The scenario in this link is too large (over ${limit} once unpacked). The default scenario is open instead.`,
  linkInvalid: (errors) => `The scenario in this link is not valid: ${errors}. The default scenario is open instead.`,
  linkMoreErrors: (count) => `and ${count} more`,
  errorsJoined: '; ',
  linkShowProblems: 'Show all problems in the JSON editor',
  linkInEditor: (count) => `The scenario in this link was not opened: problems (${count}), listed in the editor. The default scenario is open instead.`,
  linkTooHeavy: (reason) => `${reason} The default scenario is open instead.`,
  linkTimeUnreadable: 'The time in this link (t=) could not be read: its scenario opened at 0:00.',
  openFirstMinutes: (minutes) => `Open its first ${minutes} min`,
  damaged: {
    characters: 'it contains characters a RocketScope link never has',
    checksum: 'its check value does not match its content',
    decompression: 'its data cannot be unpacked',
    json: 'its content is not JSON',
  },
  uploadFailed: (file, count) => `${file} was not opened: problems (${count}), listed in the editor.`,
  uploadUnreadable: (file) => `${file} could not be read.`,
  dismiss: 'Dismiss',
};

const zh: BannerWords = {
  linkUnknownVersion: (version) => `此链接由其他版本的 RocketScope 生成（链接格式 ${version}），无法在此打开。已改为打开默认场景。`,
  linkDamaged: (detail) => `此链接已损坏：${detail}。已改为打开默认场景。`,
  linkTruncated: '此链接不完整：可能在复制或发送时被截断。已改为打开默认场景。',
  linkTooLargeLink: (limit) => `此链接太长，无法打开（超过 ${limit}）。已改为打开默认场景。`,
  linkTooLargeScenario: (limit) => `此链接中的场景太大（解压后超过 ${limit}）。已改为打开默认场景。`,
  linkInvalid: (errors) => `此链接中的场景无效：${errors}。已改为打开默认场景。`,
  linkMoreErrors: (count) => `另有 ${count} 处问题`,
  errorsJoined: '；',
  linkShowProblems: '在 JSON 编辑器中查看全部问题',
  linkInEditor: (count) => `此链接中的场景未能打开：共 ${count} 处问题，已在编辑器中列出。已改为打开默认场景。`,
  linkTooHeavy: (reason) => `${reason}已改为打开默认场景。`,
  linkTimeUnreadable: '此链接中的时间（t=）无法读取：已从 0:00 打开链接中的场景。',
  openFirstMinutes: (minutes) => `打开它的前 ${minutes} 分钟`,
  damaged: {
    characters: '其中包含 RocketScope 链接不会使用的字符',
    checksum: '校验值与内容不符',
    decompression: '数据无法解压',
    json: '内容不是 JSON',
  },
  uploadFailed: (file, count) => `未能打开 ${file}：共 ${count} 处问题，已在编辑器中列出。`,
  uploadUnreadable: (file) => `无法读取 ${file}。`,
  dismiss: '关闭提示',
};

const BANNER_WORDS: Bilingual<BannerWords> = { en, zh };

export function bannerWords(language: Language): BannerWords {
  return inLanguage(BANNER_WORDS, language);
}

/** How many of an invalid link scenario's problems the banner lists (the rest are counted, and all are in the editor). */
const LINK_ERRORS_SHOWN = 3;

/** What was wrong with a link, in `language` (the banner's words). */
export function describeLinkProblem(reason: Exclude<LinkProblem, { code: 'none' }>, language: Language): string {
  const words = bannerWords(language);
  switch (reason.code) {
    case 'unknownVersion': return words.linkUnknownVersion(reason.version);
    case 'truncated': return words.linkTruncated;
    case 'tooLarge': return (reason.what === 'link' ? words.linkTooLargeLink : words.linkTooLargeScenario)(formatBytes(reason.limit));
    case 'damaged': return words.linkDamaged(words.damaged[reason.detail]);
    case 'invalidScenario': {
      const listed = reason.errors.slice(0, LINK_ERRORS_SHOWN).map((error) => labelled(error.path, messageIn(error, language), language));
      const more = reason.errors.length - listed.length;
      if (more > 0) listed.push(words.linkMoreErrors(more));
      return words.linkInvalid(listed.join(words.errorsJoined));
    }
    case 'tooHeavy': return words.linkTooHeavy(describeOverBudget(reason.over, language));
  }
}

/** What the banner says for `banner`, in `language`. */
export function describeBanner(banner: BannerReason, language: Language): string {
  const words = bannerWords(language);
  switch (banner.code) {
    case 'link': return describeLinkProblem(banner.problem, language);
    case 'linkTimeUnreadable': return words.linkTimeUnreadable;
    case 'firstMinutes': return describeOpenedOffer(banner.minutes, banner.dropped, banner.moved, language);
    case 'linkInEditor': return words.linkInEditor(banner.count);
    case 'uploadInEditor': return words.uploadFailed(banner.file, banner.count);
    case 'uploadUnreadable': return words.uploadUnreadable(banner.file);
    case 'pageFailed': return translate(language, 'pageFailed', { message: banner.message });
    case 'words': return inLanguage(banner.words, language);
  }
}
