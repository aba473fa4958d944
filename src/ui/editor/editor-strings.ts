/**
 * The editor's words in English and Simplified Chinese: its title, tabs, knobs, fault form and JSON
 * editor. They live here, in the editor's own chunk, not in ui/i18n: the page's first script has no
 * room for words only the opened editor shows. Among them the names for assistive technology: its
 * tab list's, and each knob's with the topic, group or producer it belongs to (with two topics a
 * screen reader would otherwise hear "writeQueueNums" twice, the owner being only a heading beside it).
 */
import type { Bilingual } from '../i18n/index.ts';

export interface EditorStrings {
  title: string;
  close: string;
  tabs: string;
  tabKnobs: string;
  tabJson: string;
  /** `field` as the knob shows it, `owner` the scenario's name for the topic, group or producer (plain text). */
  knobOf: (field: string, owner: string) => string;
  topics: string;
  consumerGroups: string;
  producers: string;
  consumerCount: string;
  strategyNote: string;
  applyAt: (time: string) => string;
  forkNote: (time: string) => string;
  startNote: string;
  nothingChanged: string;
  addFault: string;
  faultAction: string;
  faultTarget: string;
  faultPeer: string;
  addFaultAt: (time: string) => string;
  jsonLabel: string;
  jsonValid: string;
  jsonApplyReturns: (time: string) => string;
  jsonChecking: string;
  problems: (count: number) => string;
  applyJson: string;
  applyFirstMinutes: (minutes: number) => string;
  resetJson: string;
}

const en: EditorStrings = {
  title: 'Edit the scenario',
  close: 'Close',
  tabs: 'How to edit',
  tabKnobs: 'Knobs',
  tabJson: 'JSON',
  knobOf: (field, owner) => `${field} of ${owner}`,
  topics: 'Topics',
  consumerGroups: 'Consumer groups',
  producers: 'Producers',
  consumerCount: 'consumers',
  strategyNote: 'after 0:00 a new strategy replaces the group’s consumers',
  applyAt: (time) => `Apply at ${time}`,
  forkNote: (time) => `The run forks at ${time}: your changes become timeline actions at this moment and the past stays as it was.`,
  startNote: 'At 0:00.000 your changes edit the scenario itself.',
  nothingChanged: 'Nothing changed.',
  addFault: 'Add a fault now',
  faultAction: 'Action',
  faultTarget: 'Target',
  faultPeer: 'and',
  addFaultAt: (time) => `Add at ${time}`,
  jsonLabel: 'The whole scenario (JSON)',
  jsonValid: 'Valid.',
  jsonApplyReturns: (time) => `Apply rebuilds the run and returns to ${time}.`,
  jsonChecking: 'Checking the text…',
  problems: (count) => `Problems (${count}):`,
  applyJson: 'Apply',
  applyFirstMinutes: (minutes) => `Apply its first ${minutes} min`,
  resetJson: 'Revert',
};

const zh: EditorStrings = {
  title: '编辑场景',
  close: '关闭',
  tabs: '编辑方式',
  tabKnobs: '常用参数',
  tabJson: 'JSON',
  // Chinese sets a space between Han characters and Latin letters, none between Han characters.
  knobOf: (field, owner) => `${owner} 的${/^[A-Za-z]/.test(field) ? ' ' : ''}${field}`,
  topics: '主题（Topic）',
  consumerGroups: '消费者组',
  producers: '生产者',
  consumerCount: '消费者数量',
  strategyNote: '0:00 之后更换策略会替换该组的消费者',
  applyAt: (time) => `在 ${time} 应用`,
  forkNote: (time) => `运行将在 ${time} 分叉：你的修改成为此刻的时间线动作，之前的过程保持不变。`,
  startNote: '在 0:00.000 时，修改会直接改动场景本身。',
  nothingChanged: '没有任何修改。',
  addFault: '立即添加故障',
  faultAction: '动作',
  faultTarget: '目标',
  faultPeer: '与',
  addFaultAt: (time) => `在 ${time} 添加`,
  jsonLabel: '完整场景（JSON）',
  jsonValid: '有效。',
  jsonApplyReturns: (time) => `应用后将重建运行并回到 ${time}。`,
  jsonChecking: '正在检查文本……',
  problems: (count) => `${count} 处问题：`,
  applyJson: '应用',
  applyFirstMinutes: (minutes) => `应用它的前 ${minutes} 分钟`,
  resetJson: '还原',
};

export const EDITOR_WORDS: Bilingual<EditorStrings> = { en, zh };
