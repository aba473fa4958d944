/**
 * What a timeline action does, in a few words with its target ("broker-a crashes", "broker-a 崩溃"),
 * for the places that name one: the event log's fault rows, the failover view's faults, the
 * editor's choice of fault, the charts' fault rules. The action's own name (crashBroker), the
 * scenario file's word, stays beside it, so a course author can find it in docs/scenario.md.
 */
import type { TimelineActionName } from '../../sim/index.ts';
import type { Language } from '../../scenario/language.ts';
import { inLanguage, zhJoin, type Bilingual } from './index.ts';

type Said = Record<TimelineActionName, (target: string) => string>;

const en: Said = {
  crashBroker: (t) => `${t} crashes`,
  powerOffBroker: (t) => `${t} loses power`,
  partitionBroker: (t) => `${t} is cut off by a network partition`,
  healPartition: (t) => `${t}'s partition heals`,
  shutdownBroker: (t) => `${t} shuts down`,
  startBroker: (t) => `${t} starts`,
  crashNameServer: (t) => `${t} crashes`,
  startNameServer: (t) => `${t} starts`,
  partitionLink: (t) => `the link ${t} is cut`,
  healLink: (t) => `the link ${t} heals`,
  addConsumer: (t) => `${t} starts`,
  addProducer: (t) => `${t} starts`,
  removeConsumer: (t) => `${t} shuts down`,
  removeProducer: (t) => `${t} shuts down`,
  crashConsumer: (t) => `${t} crashes`,
  hangConsumer: (t) => `${t} hangs`,
  setProducerRate: (t) => `${t} changes its send rate`,
  updateTopic: (t) => `mqadmin updateTopic ${t}`,
  wipeWritePerm: (t) => `${t} loses its write perm`,
  addWritePerm: (t) => `${t} gets its write perm back`,
};

const zh: Said = {
  crashBroker: (t) => zhJoin(t, '崩溃'),
  powerOffBroker: (t) => zhJoin(t, '断电'),
  partitionBroker: (t) => zhJoin(t, '被网络分区隔离'),
  healPartition: (t) => zhJoin(t, '的网络分区恢复'),
  shutdownBroker: (t) => zhJoin(t, '正常关闭'),
  startBroker: (t) => zhJoin(t, '启动'),
  crashNameServer: (t) => zhJoin(t, '崩溃'),
  startNameServer: (t) => zhJoin(t, '启动'),
  partitionLink: (t) => zhJoin(t, '之间的网络被切断'),
  healLink: (t) => zhJoin(t, '之间的网络恢复'),
  addConsumer: (t) => zhJoin(t, '启动'),
  addProducer: (t) => zhJoin(t, '启动'),
  removeConsumer: (t) => zhJoin(t, '关闭'),
  removeProducer: (t) => zhJoin(t, '关闭'),
  crashConsumer: (t) => zhJoin(t, '崩溃'),
  hangConsumer: (t) => zhJoin(t, '卡死'),
  setProducerRate: (t) => zhJoin(t, '修改发送速率'),
  updateTopic: (t) => `mqadmin updateTopic ${t}`,
  wipeWritePerm: (t) => zhJoin(t, '的写权限被摘除'),
  addWritePerm: (t) => zhJoin(t, '的写权限被恢复'),
};

const ACTION_WORDS: Bilingual<Said> = { en, zh };

/** The actions that break something, as opposed to an operation (a start, a topic update, a rate). */
const FAULTS = new Set<string>(['crashBroker', 'powerOffBroker', 'partitionBroker', 'crashNameServer', 'partitionLink', 'crashConsumer', 'hangConsumer']);

export function isFault(action: string): boolean {
  return FAULTS.has(action);
}

/**
 * "broker-a crashes (crashBroker)"; an action this page does not know is said by its name. Not
 * `named`, the words alone ("broker-a crashes"): a learner's line (the scenario's "What to
 * watch"), where the file's name of the action is no word of the page's language.
 */
export function actionSaid(action: string, target: string, language: Language, named = true): string {
  const said = inLanguage(ACTION_WORDS, language) as Partial<Said>;
  const words = Object.hasOwn(said, action) ? said[action as TimelineActionName] : undefined;
  if (!words) return `${action} ${target}`;
  if (!named) return words(target);
  return language === 'zh' ? `${words(target)}（${action}）` : `${words(target)} (${action})`;
}

/** What an action is done to, said in general: the editor offers an action before its target is chosen. */
const SOME: Bilingual<Record<'broker' | 'nameServer' | 'consumer' | 'producer' | 'link', string>> = {
  en: { broker: 'a broker', nameServer: 'a NameServer', consumer: 'a consumer', producer: 'a producer', link: 'between two processes' },
  zh: { broker: 'Broker', nameServer: 'NameServer', consumer: '消费者', producer: '生产者', link: '两个进程' },
};

/** "a broker crashes (crashBroker)": an action offered for a target still to choose. */
export function actionChoice(action: TimelineActionName, language: Language): string {
  const some = inLanguage(SOME, language);
  const kind = /NameServer$/.test(action) ? 'nameServer' : /Consumer$/.test(action) ? 'consumer' : /Producer/.test(action) ? 'producer' : /Link$/.test(action) ? 'link' : 'broker';
  return actionSaid(action, some[kind], language);
}
