/** The what-if view's words, in English and Simplified Chinese (RocketMQ's terms stay in Latin script). */
import type { FromStartReader, WhatIfEffect } from '../../../sim/queries/what-if-change.ts';
import type { TopicField } from '../../../sim/queries/update-topic-command.ts';
import { type Bilingual } from '../../i18n/index.ts';
import { glossedZh } from '../../i18n/setting-glosses.ts';
import type { RocketMQName } from './rocketmq-names.ts';
import { UNIT_SPACE } from '../../../viz/format.ts';

export interface WhatIfStrings {
  heading: string;
  intro: string;
  setting: string;
  value: string;
  forkAt(time: string): string;
  compare: string;
  clear: string;
  working: string;
  /** Both runs on their way: how far they are, of how far they go. */
  running(simulated: string, until: string): string;
  refused(message: string): string;
  /** How the change reaches the run, once made (src/sim/queries/what-if-change.ts). */
  effect(effect: WhatIfEffect, time: string): string;
  /** When the clients act on an updateTopic of each field: the brokers hold it at once, the clients' routes later. */
  takenUp: Record<TopicField, string>;
  /** Before it is made: it forks at the playhead, or RocketMQ reads it at start-up. */
  forksAt(time: string): string;
  fromStart: Record<FromStartReader, string>;
  /** The setting's name in RocketMQ (rocketmq-names.ts): the scenario file's key is this simulator's. */
  rocketmqName(name: RocketMQName): string;
  compared(until: string): string;
  compareToEnd(end: string): string;
  divergedAt(time: string, index: number): string;
  noDivergence: string;
  thisRun: string;
  changedRun: string;
  none: string;
  /** In place of the event a run lacks where the other has one more. */
  onlyIn: Record<'original' | 'changed', string>;
  differencesHeading: string;
  counter: string;
  difference: string;
  noDifferences: string;
  chartHeading: string;
  changedSuffix: string;
  /** The chart's grey rule at the fork, in its legend. */
  forkRule: string;
  /** A setting in the form's list, by its what-if path (docs/links.md), with its value at the playhead. */
  choiceLabel(path: string, current: string | number | undefined): string;
}

/** What a path's first part is about, in Chinese: topics.TopicTest.readQueueNums is a topic's. */
const SUBJECTS_ZH: Record<string, string> = { topics: '主题', groups: '消费者组', producers: '生产者', brokers: 'Broker', config: '配置' };

/** "主题 TopicTest · readQueueNums（读队列数） = 4": the subject in Chinese, the names as the file has them. */
function choiceLabelZh(path: string, current: string | number | undefined): string {
  const parts = path.split('.');
  const key = parts[parts.length - 1]!;
  const subject = parts.length === 3 ? `${SUBJECTS_ZH[parts[0]!] ?? parts[0]} ${parts[1]} · ` : parts.length === 2 ? `${SUBJECTS_ZH[parts[0]!] ?? parts[0]} · ` : '';
  return `${subject}${glossedZh(key)}${current === undefined ? '' : ` = ${current}`}`;
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
  running: (simulated, until) => `Running both… ${simulated} of ${until} simulated.`,
  refused: (message) => `This change cannot be made: ${message}`,
  takenUp: {
    writeQueueNums: `The producers follow the new count only at their next route pull (every 30${UNIT_SPACE}s, pollNameServerInterval).`,
    readQueueNums: `The brokers hold the new count at once, and Not consumable counts by it; the consumers' queues follow only at their next route pull (every 30${UNIT_SPACE}s) and rebalance (every 20${UNIT_SPACE}s): "Lag per consumer group" shows when.`,
    perm: `Without R the brokers refuse pulls at once (the read side is theirs to enforce), and give them again once R is back; the producers follow a change of W only at their next route pull (every 30${UNIT_SPACE}s), a broker checking no W on a send (2 = W, 4 = R, 6 = RW).`,
  },
  effect: (effect, time) => {
    switch (effect.how) {
      case 'updateTopic': return `${effect.commands.join('; ')} at ${time} (every count given: mqadmin resets one left out to its default, 8 queues and perm 6): the runs are the same until then. ${en.takenUp[effect.field]}`;
      case 'redeploy': return `A running consumer keeps the AllocateMessageQueueStrategy it started with, so at ${time} the group is redeployed: its ${effect.replaced} running consumer${effect.replaced === 1 ? '' : 's'} shut${effect.replaced === 1 ? 's' : ''} down and new ones start with the new strategy. The runs are the same until then.`;
      case 'consumers': return effect.added + effect.removed === 0
        ? `The group already has this many consumers at ${time}: nothing changes.`
        : `At ${time} ${effect.added > 0 ? `${effect.added} more consumer${effect.added === 1 ? '' : 's'} start${effect.added === 1 ? 's' : ''}` : `${effect.removed} consumer${effect.removed === 1 ? '' : 's'} shut${effect.removed === 1 ? 's' : ''} down`} in the group. The brokers tell every member at once (NOTIFY_CONSUMER_IDS_CHANGED), so the group rebalances then, not at RebalanceService's next 20${UNIT_SPACE}s round. The runs are the same until then.`;
      case 'producerRate': return `From ${time} the producer sends at the new rate (the workload, not a RocketMQ setting); the runs are the same until then.`;
      case 'fromStart': return en.fromStart[effect.reader];
    }
  },
  forksAt: (time) => `Forks at ${time}: the runs are the same until then.`,
  rocketmqName: (name) => (name.kind === 'setting'
    ? `In RocketMQ: ${name.name}${name.unit === 'seconds' ? ' (in seconds; here in milliseconds)' : ''}.`
    : name.kind === 'constant'
      ? `In RocketMQ a constant in the code, ${name.name}: no deployment sets it; here you may change it to see what it does.`
      : `In RocketMQ the JVM system property ${name.name} (-D${name.name}=...).`),
  fromStart: {
    nameServer: 'The NameServer schedules this task once, when it starts (NamesrvController): RocketMQ changes it only by restarting the NameServer. So the changed run is a cluster started with it, from 0:00.',
    broker: 'The broker schedules this task once, when it starts (BrokerController.start): RocketMQ changes it only by restarting the broker. So the changed run is a cluster started with it, from 0:00.',
    client: 'The client schedules this task once, when it starts (MQClientInstance.startScheduledTask, RebalanceService): RocketMQ changes it only by restarting the producer or consumer. So the changed run is a cluster started with it, from 0:00.',
    store: 'The broker\'s store reads this when the broker starts (MessageStoreConfig): RocketMQ changes it only by restarting the broker. So the changed run is a cluster started with it, from 0:00.',
    send: 'RocketMQ reads this at every send (DefaultMQProducerImpl.sendDefaultImpl), so an application could change it on a running producer; the simulation has no action for that, so the changed run uses it from 0:00.',
    pull: 'A slave reads this at every pull (PullMessageProcessor.rejectRequest), and mqadmin updateBrokerConfig could change it on a running broker; the simulation has no action for that, so the changed run uses it from 0:00.',
    version: 'Another RocketMQ version is another build: an upgrade restarts every process. The changed run is the cluster running that version from 0:00.',
    process: 'RocketMQ reads this setting when a process starts: the changed run is a cluster started with it, from 0:00.',
  },
  compared: (until) => `Both runs compared up to ${until}.`,
  compareToEnd: (end) => `Compare up to the end (${end})`,
  divergedAt: (time, index) => `The runs first differ at ${time} (trace event #${index}).`,
  noDivergence: 'The two runs are identical over this span: the setting made no difference yet.',
  thisRun: 'This run',
  changedRun: 'Changed run',
  none: '(no event)',
  onlyIn: {
    original: '(none here: only this run has the event above; the next event is the same in both)',
    changed: '(none here: only the changed run has the event below; the next event is the same in both)',
  },
  differencesHeading: 'Summary at the end of the comparison',
  counter: 'Counter',
  difference: 'Difference',
  noDifferences: 'No counter differs.',
  chartHeading: 'Both runs on one chart (dashed: changed)',
  changedSuffix: ' (changed)',
  forkRule: 'the change (fork)',
  choiceLabel: (path, current) => (current === undefined ? path : `${path} = ${current}`),
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
  running: (simulated, until) => `正在运行两次……已模拟 ${simulated} / ${until}。`,
  refused: (message) => `无法做这个修改：${message}`,
  takenUp: {
    writeQueueNums: `生产者要到下一次拉取路由（每 30${UNIT_SPACE}秒，pollNameServerInterval）之后才按新的数量写入。`,
    readQueueNums: `Broker 立即采用新的数量，“无法消费”也按它计数；但消费者分到的队列要到下一次拉取路由（每 30${UNIT_SPACE}秒）并重新负载均衡（每 20${UNIT_SPACE}秒）之后才跟着改变：“各消费者组的堆积量”图显示是何时。`,
    perm: `去掉 R 后 Broker 立即拒绝拉取（读权限由 Broker 检查），恢复 R 后再照常返回消息；W 的变化要到生产者下一次拉取路由（每 30${UNIT_SPACE}秒）之后才生效，Broker 收消息时并不检查 W（2 = W，4 = R，6 = RW）。`,
  },
  effect: (effect, time) => {
    switch (effect.how) {
      case 'updateTopic': return `在 ${time} 执行 ${effect.commands.join('；')}（三个值都写上：漏写的一项会被 mqadmin 重置为默认值，即 8 个队列、perm 6）：此前两次运行完全相同。${zh.takenUp[effect.field]}`;
      case 'redeploy': return `运行中的消费者一直使用启动时的 AllocateMessageQueueStrategy，所以在 ${time} 重新部署这个消费者组：正在运行的 ${effect.replaced} 个消费者关闭，用新策略启动新的消费者。此前两次运行完全相同。`;
      case 'consumers': return effect.added + effect.removed === 0
        ? `${time} 时这个消费者组已经是这么多消费者：没有变化。`
        : `在 ${time} ${effect.added > 0 ? `这个消费者组新启动 ${effect.added} 个消费者` : `这个消费者组关闭 ${effect.removed} 个消费者`}。Broker 立即通知组内每个成员（NOTIFY_CONSUMER_IDS_CHANGED），所以消费者组当时就重新负载均衡，而不是等 RebalanceService 下一次 20${UNIT_SPACE}秒的周期。此前两次运行完全相同。`;
      case 'producerRate': return `从 ${time} 起生产者按新的速率发送（这是负载，不是 RocketMQ 的设置）；此前两次运行完全相同。`;
      case 'fromStart': return zh.fromStart[effect.reader];
    }
  },
  forksAt: (time) => `在 ${time} 分叉：此前两次运行完全相同。`,
  rocketmqName: (name) => (name.kind === 'setting'
    ? `在 RocketMQ 中叫 ${name.name}${name.unit === 'seconds' ? '（单位是秒；这里用毫秒）' : ''}。`
    : name.kind === 'constant'
      ? `在 RocketMQ 中是代码里的常量 ${name.name}：部署时无法配置；这里可以修改它，看看它起什么作用。`
      : `在 RocketMQ 中是 JVM 系统属性 ${name.name}（-D${name.name}=...）。`),
  fromStart: {
    nameServer: 'NameServer 只在启动时安排一次这个定时任务（NamesrvController）：RocketMQ 只有重启 NameServer 才能改变它。所以修改后的运行相当于用它启动的集群，从 0:00 起生效。',
    broker: 'Broker 只在启动时安排一次这个定时任务（BrokerController.start）：RocketMQ 只有重启 Broker 才能改变它。所以修改后的运行相当于用它启动的集群，从 0:00 起生效。',
    client: '客户端只在启动时安排一次这个定时任务（MQClientInstance.startScheduledTask、RebalanceService）：RocketMQ 只有重启生产者或消费者才能改变它。所以修改后的运行相当于用它启动的集群，从 0:00 起生效。',
    store: 'Broker 的存储在启动时读取这个设置（MessageStoreConfig）：RocketMQ 只有重启 Broker 才能改变它。所以修改后的运行相当于用它启动的集群，从 0:00 起生效。',
    send: 'RocketMQ 在每次发送时读取这个设置（DefaultMQProducerImpl.sendDefaultImpl），所以应用可以在运行中的生产者上修改它；模拟器没有这样的动作，所以修改后的运行从 0:00 起使用它。',
    pull: 'Slave 在每次拉取时读取它（PullMessageProcessor.rejectRequest），mqadmin updateBrokerConfig 可以在运行中的 Broker 上修改它；模拟没有这样的动作，所以修改后的运行从 0:00 起就使用它。',
    version: '换一个 RocketMQ 版本就是换一套程序：升级要重启每个进程。修改后的运行相当于从 0:00 起就运行那个版本的集群。',
    process: 'RocketMQ 在进程启动时读取这个设置：修改后的运行相当于用它启动的集群，从 0:00 起生效。',
  },
  compared: (until) => `两次运行比较到 ${until}。`,
  compareToEnd: (end) => `比较到结束（${end}）`,
  divergedAt: (time, index) => `两次运行在 ${time} 第一次出现不同（第 ${index} 个轨迹事件）。`,
  noDivergence: '在这段时间里两次运行完全相同：这个设置还没有产生影响。',
  thisRun: '当前运行',
  changedRun: '修改后的运行',
  none: '（没有事件）',
  onlyIn: {
    original: '（这里没有：只有当前运行有上面的事件；下一个事件两边相同）',
    changed: '（这里没有：只有修改后的运行有下面的事件；下一个事件两边相同）',
  },
  differencesHeading: '比较结束时的汇总',
  counter: '计数',
  difference: '差值',
  noDifferences: '没有不同的计数。',
  chartHeading: '两次运行画在同一张图上（虚线：修改后）',
  changedSuffix: '（修改后）',
  forkRule: '修改时刻（分叉点）',
  choiceLabel: choiceLabelZh,
};

export const WHAT_IF_STRINGS: Bilingual<WhatIfStrings> = { en, zh };
