/**
 * The study note's terms in both languages: the Chinese is the note's own word, the English the
 * word RocketMQ's documentation and source use (RocketMQ's identifiers stay as they are).
 */
import type { Bilingual } from '../../scenario/language.ts';

export interface GlossaryTerm {
  en: string;
  zh: string;
  meaning: Bilingual<string>;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { en: 'message', zh: '消息', meaning: { en: 'A body with a topic, a tag and keys.', zh: '带有主题、标签和 keys 的一段数据。' } },
  { en: 'topic', zh: '主题', meaning: { en: 'A named kind of message; the unit of subscription.', zh: '一类消息的名字；订阅的基本单位。' } },
  { en: 'tag', zh: '标签', meaning: { en: 'A sub-type inside a topic, filtered on the broker by its hash code.', zh: '主题内的子类型，broker 按其哈希码过滤。' } },
  { en: 'queue (MessageQueue)', zh: '队列', meaning: { en: 'Where a topic\'s messages are stored on one broker, in order.', zh: '主题的消息在某个 broker 上按顺序存放的地方。' } },
  { en: 'sharding', zh: '分片', meaning: { en: 'A topic spread over several brokers, each with its own queues.', zh: '一个主题分布在多个 broker 上，每个 broker 有自己的队列。' } },
  { en: 'msgId (UNIQ_KEY)', zh: '消息标识 msgId', meaning: { en: 'Made by the producer before sending.', zh: '生产者在发送前生成。' } },
  { en: 'offsetMsgId', zh: 'offsetMsgId', meaning: { en: 'Made by the broker: its address and the CommitLog offset.', zh: 'broker 生成：broker 地址 + CommitLog 偏移量。' } },
  { en: 'keys', zh: 'key', meaning: { en: 'Business ids, indexed by the broker\'s IndexService.', zh: '业务标识，由 broker 的 IndexService 建索引。' } },
  { en: 'producer group', zh: '生产者组', meaning: { en: 'Producers that send the same kind of message.', zh: '发送同一类消息的生产者集合。' } },
  { en: 'consumer group', zh: '消费者组', meaning: { en: 'Consumers that share the work of the same subscription.', zh: '分担同一订阅的消费者集合。' } },
  { en: 'NameServer', zh: 'NameServer（路由注册中心）', meaning: { en: 'Holds the routes brokers register; NameServers never talk to each other.', zh: '保存 broker 注册的路由；NameServer 之间互不通信。' } },
  { en: 'broker registration', zh: '路由注册', meaning: { en: 'Every 30 s a broker registers with every NameServer (its heartbeat).', zh: 'broker 每 30 秒向每个 NameServer 注册一次（即心跳）。' } },
  { en: 'broker removal', zh: '路由剔除', meaning: { en: 'A closed channel removes a broker at once; a silent one after 120 s.', zh: '连接关闭时立即剔除；没有心跳的在 120 秒后剔除。' } },
  { en: 'route discovery', zh: '路由发现', meaning: { en: 'Clients pull a topic\'s route every 30 s (pollNameServerInterval).', zh: '客户端每 30 秒拉取一次主题路由（pollNameServerInterval）。' } },
  { en: 'read / write queues', zh: '读队列 / 写队列', meaning: { en: 'readQueueNums and writeQueueNums limit which queue ids consumers and producers use.', zh: 'readQueueNums 和 writeQueueNums 限定消费者和生产者使用哪些队列 id。' } },
  { en: 'rebalance', zh: '负载均衡（Rebalance）', meaning: { en: 'Consumers of a group share out the queues again.', zh: '组内消费者重新分配队列。' } },
  { en: 'clustering / broadcasting', zh: '集群消费 / 广播消费', meaning: { en: 'Each message once per group, or once per consumer.', zh: '每条消息每组消费一次，或每个消费者消费一次。' } },
  { en: 'consume offset', zh: '消费位点', meaning: { en: 'How far a group has consumed a queue.', zh: '一个组在某个队列上消费到的位置。' } },
  { en: 'master / slave', zh: 'Master / Slave（主 / 从）', meaning: { en: 'A slave copies its master\'s CommitLog (HAService) and can serve reads.', zh: 'Slave 复制 Master 的 CommitLog（HAService），可以提供读取。' } },
];
