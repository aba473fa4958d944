/** The what-if view's words, in English and Simplified Chinese (RocketMQ's terms stay in Latin script). */
import { type Bilingual } from '../../i18n/index.ts';

export interface WhatIfStrings {
  heading: string;
  intro: string;
  setting: string;
  value: string;
  forkAt(time: string): string;
  compare: string;
  clear: string;
  working: string;
  refused(message: string): string;
  appliesAt(time: string): string;
  appliesFromStart: string;
  compared(until: string): string;
  divergedAt(time: string, index: number): string;
  noDivergence: string;
  thisRun: string;
  changedRun: string;
  none: string;
  differencesHeading: string;
  counter: string;
  difference: string;
  noDifferences: string;
  chartHeading: string;
  changedSuffix: string;
}

const en: WhatIfStrings = {
  heading: 'What if…',
  intro: 'Change one setting from this moment and compare the two runs side by side: where they first part, and how their numbers differ. The page’s run is not touched.',
  setting: 'Setting',
  value: 'New value',
  forkAt: (time) => `Fork at ${time}`,
  compare: 'Compare',
  clear: 'Clear',
  working: 'Running both…',
  refused: (message) => `This change cannot be made: ${message}`,
  appliesAt: (time) => `mqadmin updateTopic at ${time}: the runs are the same until then.`,
  appliesFromStart: 'RocketMQ reads this setting when a process starts: the changed run is a cluster started with it, from 0:00.',
  compared: (until) => `Both runs compared up to ${until}.`,
  divergedAt: (time, index) => `The runs first differ at ${time} (trace event #${index}).`,
  noDivergence: 'The two runs are identical over this span: the setting made no difference yet.',
  thisRun: 'This run',
  changedRun: 'Changed run',
  none: '(no event)',
  differencesHeading: 'Summary at the end of the comparison',
  counter: 'Counter',
  difference: 'Difference',
  noDifferences: 'No counter differs.',
  chartHeading: 'Both runs on one chart (dashed: changed)',
  changedSuffix: '(changed)',
};

const zh: WhatIfStrings = {
  heading: '假如……',
  intro: '从此刻起改变一个设置，把两次运行并排比较：它们从哪里开始不同，数字差多少。页面上的运行不受影响。',
  setting: '设置',
  value: '新值',
  forkAt: (time) => `在 ${time} 分叉`,
  compare: '比较',
  clear: '清除',
  working: '正在运行两次……',
  refused: (message) => `无法做这个修改：${message}`,
  appliesAt: (time) => `在 ${time} 执行 mqadmin updateTopic：此前两次运行完全相同。`,
  appliesFromStart: 'RocketMQ 在进程启动时读取这个设置：修改后的运行相当于用它启动的集群，从 0:00 起生效。',
  compared: (until) => `两次运行比较到 ${until}。`,
  divergedAt: (time, index) => `两次运行在 ${time} 第一次出现不同（第 ${index} 个轨迹事件）。`,
  noDivergence: '在这段时间里两次运行完全相同：这个设置还没有产生影响。',
  thisRun: '当前运行',
  changedRun: '修改后的运行',
  none: '（没有事件）',
  differencesHeading: '比较结束时的汇总',
  counter: '计数',
  difference: '差值',
  noDifferences: '没有不同的计数。',
  chartHeading: '两次运行画在同一张图上（虚线：修改后）',
  changedSuffix: '（修改后）',
};

export const WHAT_IF_STRINGS: Bilingual<WhatIfStrings> = { en, zh };
