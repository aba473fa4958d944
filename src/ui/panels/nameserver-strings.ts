/** The NameServer panel's words, in English and Simplified Chinese (loaded with the panel). */
import { type Bilingual } from '../i18n/index.ts';

/** How many hidden system topics the NameServer panel names before it says "…" (等). */
const SYSTEM_TOPICS_NAMED = 3;

/** The system topics a NameServer actually holds, not examples: a cluster without autoCreateTopicEnable has no TBW102. */
function namedSystemTopics(topics: readonly string[], separator: string, more: string): string {
  return topics.slice(0, SYSTEM_TOPICS_NAMED).join(separator) + (topics.length > SYSTEM_TOPICS_NAMED ? more : '');
}

export interface NameServerStrings {
  nameServerTitle: string;
  noBrokersRegistered: string;
  expiresIn: (timeout: string) => string;
  nextScanIn: (duration: string) => string;
  expiryBar: (duration: string) => string;
  overdue: string;
  routes: string;
  noRoutes: string;
  /** The system topics a NameServer holds but its route list leaves out, named (the first few). */
  systemTopicsHidden: (topics: readonly string[]) => string;
  /** A broker's queues in a topic's route; its perm named only when it is not a topic's usual RW-. */
  routeBrokers: (brokerName: string, write: number, read: number, perm: string) => string;
  disagreement: (broker: string, listedBy: string[], notListedBy: string[]) => string;
  agreement: string;
}

const en: NameServerStrings = {
  nameServerTitle: 'NameServers',
  noBrokersRegistered: 'No broker registered.',
  expiresIn: (timeout) => `Expires (${timeout} timeout)`,
  nextScanIn: (duration) => `next scanNotActiveBroker in ${duration}`,
  expiryBar: (duration) => `${duration} until the heartbeat timeout`,
  overdue: 'timed out: removed at the next scan',
  routes: 'Routes (topicQueueTable)',
  noRoutes: 'No route.',
  systemTopicsHidden: (topics) => `and ${topics.length} system ${topics.length === 1 ? 'topic' : 'topics'} (${namedSystemTopics(topics, ', ', ', …')})`,
  routeBrokers: (brokerName, write, read, perm) => `${brokerName} (W ${write} / R ${read}${perm === 'RW-' ? '' : `, perm ${perm}`})`,
  disagreement: (broker, listedBy, notListedBy) =>
    `The NameServers disagree: ${listedBy.join(', ')} ${listedBy.length === 1 ? 'lists' : 'list'} ${broker}, ${notListedBy.join(', ')} ${notListedBy.length === 1 ? 'does' : 'do'} not. NameServers never talk to each other; each learns only from the broker's own registrations.`,
  agreement: 'Every running NameServer lists the same brokers.',
};

const zh: NameServerStrings = {
  nameServerTitle: 'NameServer',
  noBrokersRegistered: '没有已注册的 Broker。',
  expiresIn: (timeout) => `过期倒计时（超时 ${timeout}）`,
  nextScanIn: (duration) => `${duration}后执行下一次 scanNotActiveBroker`,
  expiryBar: (duration) => `距心跳超时还有 ${duration}`,
  overdue: '已超时：将在下一次扫描时移除',
  routes: '路由（topicQueueTable）',
  noRoutes: '没有路由。',
  systemTopicsHidden: (topics) => `以及 ${topics.length} 个系统主题（${namedSystemTopics(topics, '、', ' 等')}）`,
  routeBrokers: (brokerName, write, read, perm) => `${brokerName}（写 ${write} / 读 ${read}${perm === 'RW-' ? '' : `，perm ${perm}`}）`,
  disagreement: (broker, listedBy, notListedBy) => `NameServer 之间不一致：${listedBy.join('、')} 中有 ${broker}，${notListedBy.join('、')} 中没有。NameServer 之间从不通信，各自只从 Broker 的注册请求中获知信息。`,
  agreement: '所有运行中的 NameServer 列出的 Broker 相同。',
};

export const NAME_SERVER_STRINGS: Bilingual<NameServerStrings> = { en, zh };
