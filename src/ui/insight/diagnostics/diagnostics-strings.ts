/**
 * Route diagnostics in English and Simplified Chinese: for each finding, what it is, why it
 * matters (RocketMQ's rule) and the safe fix (mqadmin updateTopic's options: -w writeQueueNums,
 * -r readQueueNums, -p perm, -c cluster, -b the master's address).
 */
import type { Listing, OnBroker, RouteDiagnostic } from './route-diagnostics.ts';
import type { HungConsumer } from './hung-consumers.ts';
import { andList, type Bilingual } from '../../i18n/index.ts';
import { formatPeriod, formatTime, UNIT_SPACE } from '../../../viz/format.ts';
import { shellWord } from '../../../sim/shell-word.ts';

interface DiagnosticText {
  title: string;
  why: string;
  fix: string;
}

interface DiagnosticsStrings {
  heading: string;
  intro: string;
  none: string;
  whyLabel: string;
  fixLabel: string;
  /** `namesrv`: the -n option the mqadmin commands of a fix carry (namesrvOption of the scenario), none when left out. */
  describe: (finding: RouteDiagnostic, idle: (reason: Extract<RouteDiagnostic, { kind: 'idleConsumer' }>['reason']) => string, namesrv?: string) => DiagnosticText;
}

type IdleFinding = Extract<RouteDiagnostic, { kind: 'idleConsumer' }>;

function idleFixEn(f: IdleFinding): string {
  switch (f.reason.kind) {
    case 'moreConsumersThanQueues': return `Give ${f.topic} at least as many readable queues as the group has consumers (raise readQueueNums and writeQueueNums together), or run fewer consumers.`;
    case 'strategyLeftNone': return 'AVG or AVG_BY_CIRCLE give every consumer a queue while there are enough queues; CONSISTENT_HASH does not promise it.';
    case 'onlyUnwrittenQueues': return 'Finish the shrink (lower readQueueNums once those queues drain) or raise writeQueueNums back, so its queues receive messages.';
    case 'masterDown': {
      const brokers = andList(f.reason.brokers);
      const one = f.reason.brokers.length === 1;
      const listed = {
        slave: `while a slave keeps ${brokers} in the route`,
        refusingSlave: `while a slave keeps ${brokers} in the route (a slave that refuses every pull without slaveReadEnable, so these queues are not read either)`,
        notExpired: `until the NameServers drop the cut-off ${one ? 'master' : 'masters'} (an idle channel's close or an expired registration, whichever comes first) and the consumers pull the route again`,
        staleRoute: `until the consumers' next route pull (pollNameServerInterval) drops ${brokers}`,
      }[f.reason.listed];
      const controller = f.reason.listed === 'slave' || f.reason.listed === 'refusingSlave' ? ' With the controller (RocketMQ 5.x, enableControllerMode) a slave is elected master instead.' : '';
      return `Bring the ${one ? 'master' : 'masters'} of ${brokers} back (restart ${one ? 'it' : 'them'}, or heal the partition). Until then producers send to the other masters, whose queues the group's other consumers own, and ${listed}, a rebalance leaves these queues with ${f.consumer}.${controller}`;
    }
    case 'rebalancePending':
      return `Nothing to do: a consumer rebalances again as soon as a broker notifies its group (NOTIFY_CONSUMER_IDS_CHANGED), from 5.2 no sooner than 1${UNIT_SPACE}s after its last rebalance (minInterval), and every 20${UNIT_SPACE}s anyway.`;
    case 'noRoute': case 'noReadableQueues': case 'notInConsumerList':
      return `Wait for the next route pull and rebalance (every 30${UNIT_SPACE}s and 20${UNIT_SPACE}s by default); if it lasts, check that the topic exists and is readable.`;
  }
}

function idleFixZh(f: IdleFinding): string {
  switch (f.reason.kind) {
    case 'moreConsumersThanQueues': return `让 ${f.topic} 的可读队列数不少于消费者组的消费者数（同时调大 readQueueNums 和 writeQueueNums），或减少消费者。`;
    case 'strategyLeftNone': return '队列足够时，AVG 或 AVG_BY_CIRCLE 会给每个消费者分到队列；CONSISTENT_HASH 不保证这一点。';
    case 'onlyUnwrittenQueues': return '完成缩容（这些队列消费完后调小 readQueueNums），或把 writeQueueNums 调回去，让它的队列有消息写入。';
    case 'masterDown': {
      const brokers = f.reason.brokers.join('、');
      const listed = {
        slave: `只要 Slave 让 ${brokers} 留在路由中，负载均衡就不会`,
        refusingSlave: `只要 Slave 让 ${brokers} 留在路由中（这个 Slave 未开启 slaveReadEnable，拒绝每一次拉取，所以这些队列也读不到），负载均衡就不会`,
        notExpired: `在 NameServer 剔除被隔离的 Master（连接空闲关闭或注册过期，以先到者为准）、消费者再次拉取路由之前，负载均衡不会`,
        staleRoute: `在消费者下一次拉取路由（pollNameServerInterval）去掉 ${brokers} 之前，负载均衡不会`,
      }[f.reason.listed];
      const controller = f.reason.listed === 'slave' || f.reason.listed === 'refusingSlave' ? '使用 Controller 模式（RocketMQ 5.x，enableControllerMode）时，会选举一个 Slave 成为 Master。' : '';
      return `让 ${brokers} 的 Master 恢复（重启，或修复网络分区）。在此之前生产者只发往其他 Master，它们的队列归本组其他消费者；${listed}把这些队列从 ${f.consumer} 移走。${controller}`;
    }
    case 'rebalancePending':
      return `无需处理：Broker 通知消费者组（NOTIFY_CONSUMER_IDS_CHANGED）后消费者会立即再次负载均衡（从 5.2 起距上一次至少 1${UNIT_SPACE}秒，即 minInterval），并且每 20${UNIT_SPACE}秒一次。`;
    case 'noRoute': case 'noReadableQueues': case 'notInConsumerList':
      return `等待下一次路由拉取和负载均衡（默认每 30${UNIT_SPACE}秒和 20${UNIT_SPACE}秒一次）；如果一直如此，检查主题是否存在且可读。`;
  }
}

/** The broker by name, and its master by node when an election made another node than the declared one master. */
/** The delays as a list: every one up to four, else the first three and the last. */
function delaysListed(delays: readonly string[], ellipsis: string, separator: string): string {
  return delays.length <= 4 ? delays.join(separator) : `${delays.slice(0, 3).join(separator)}${ellipsis}${delays.at(-1)}`;
}

/** How often the listener failed a dead letter: the first try and maxReconsumeTimes retries, each after its delay level's wait. */
function triesEn(delays: readonly string[]): string {
  if (delays.length === 0) return 'Its listener failed each of them once: maxReconsumeTimes is 0, so a failure goes straight to the dead letters.';
  const retries = delays.length === 1 ? '1 retry' : `${delays.length} retries`;
  return `Its listener failed each of them ${delays.length + 1} times: the first try and ${retries} (maxReconsumeTimes ${delays.length}), each retry after waiting in SCHEDULE_TOPIC_XXXX at delay level 3 + reconsumeTimes (${delaysListed(delays, ' ... ', ', ')}; messageDelayLevel).`;
}

function triesZh(delays: readonly string[]): string {
  if (delays.length === 0) return '它的监听器对其中每条消息只失败了一次：maxReconsumeTimes 为 0，失败后直接进入死信队列。';
  return `它的监听器对其中每条消息都失败了 ${delays.length + 1} 次：首次消费加 ${delays.length} 次重试（maxReconsumeTimes ${delays.length}），每次重试前在 SCHEDULE_TOPIC_XXXX 中按延迟级别 3 + reconsumeTimes 等待（${delaysListed(delays, '……', '、')}；messageDelayLevel）。`;
}

function onBroker(f: OnBroker): string {
  return f.master === `${f.broker}/0` ? f.broker : `${f.broker} (master now ${f.master})`;
}

function onBrokerZh(f: OnBroker): string {
  return f.master === `${f.broker}/0` ? f.broker : `${f.broker}（当前 Master 为 ${f.master}）`;
}

/** Queue ids as ranges: [4, 5, 6, 7] is "4-7", [4, 6, 7] is "4, 6-7". */
function idRanges(ids: readonly number[], separator: string): string {
  const ranges: [number, number][] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else ranges.push([id, id]);
  }
  return ranges.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`)).join(separator);
}

type StrandedAboveRead = Extract<RouteDiagnostic, { kind: 'strandedAboveRead' }>;

/** Everything left in the queues: stranded until readQueueNums is raised, and still held in a consumer's ProcessQueue. */
/**
 * mqadmin updateTopic on one broker changing only `change`: the command sets every option it is
 * not given to its default (-r 8 -w 8 -p 6, UpdateTopicSubCommand), so it names all three; a
 * command giving -r alone would also reset writeQueueNums to 8.
 */
function updateTopic(n: string, f: OnBroker, change: { r?: number; p?: number }): string {
  return `${mqadminUpdateTopic(n)} -t ${shellWord(f.topic)} -b ${shellWord(f.addr)} -r ${change.r ?? f.readQueueNums} -w ${f.writeQueueNums} -p ${change.p ?? f.perm}`;
}

/** mqadmin updateTopic creating the topic on every master of a cluster (UpdateTopicSubCommand's -c). */
function createTopic(n: string, topic: string, cluster: string): string {
  return `${mqadminUpdateTopic(n)} -t ${shellWord(topic)} -c ${shellWord(cluster)}`;
}

/** mqadmin updateTopic creating the topic on one broker, by address (-b), with mqadmin's default counts. */
function createTopicOn(n: string, topic: string, addr: string): string {
  return `${mqadminUpdateTopic(n)} -t ${shellWord(topic)} -b ${shellWord(addr)}`;
}

/** The command with its -n option (namesrvOption), when it has one. */
function mqadminUpdateTopic(n: string): string {
  return n === '' ? 'mqadmin updateTopic' : `mqadmin updateTopic ${n}`;
}

const leftOf = (f: StrandedAboveRead) => f.stranded + f.pulled;
/** The readQueueNums that gives the queues back to the consumers: one past the highest id holding messages. */
const restoreTo = (f: StrandedAboveRead) => Math.max(...f.queues) + 1;

function strandedAboveReadEn(f: StrandedAboveRead, n: string): DiagnosticText {
  const ids = idRanges(f.queues, ', ');
  const queues = f.queues.length === 1 ? `queue ${ids}` : `queues ${ids}`;
  const one = f.pulledBy.length === 1;
  const who = f.pulledBy.length > 0 ? f.pulledBy.join(', ') : 'A consumer';
  return {
    title: `${f.topic} on ${onBroker(f)}: ${leftOf(f) === 1 ? '1 message' : `${leftOf(f)} messages`} left in ${queues}, at or above readQueueNums ${f.readQueueNums}`,
    why: `Consumers are given only queue ids below readQueueNums (topicRouteData2TopicSubscribeInfo) and the broker refuses to pull the others (PullMessageProcessor); producers no longer write them either (ids at or above writeQueueNums ${f.writeQueueNums}). `
      + `These messages were written before readQueueNums was lowered, and no group had consumed them${f.stranded > 0 ? `: ${f.stranded} cannot be consumed until readQueueNums is raised again.` : '.'}`
      + (f.pulled > 0
        ? ` ${who} pulled ${f.pulled} of them into ${one ? 'its' : 'their'} ProcessQueues before the shrink: ${one ? 'it consumes' : 'they consume'} them only until ${one ? 'its' : 'their'} next rebalance drops ${queues}, and what is left then waits until readQueueNums is raised again.`
        : ''),
    fix: `Raise readQueueNums back to ${restoreTo(f)} (${updateTopic(n, f, { r: restoreTo(f) })}) and keep writeQueueNums at ${f.writeQueueNums}; once every group has drained ${queues} (lag 0), lower readQueueNums to ${f.readQueueNums} again. The safe order for a shrink: writeQueueNums first, wait until the queues drain, then readQueueNums.`,
  };
}

function strandedAboveReadZh(f: StrandedAboveRead, n: string): DiagnosticText {
  const ids = idRanges(f.queues, '、');
  const who = f.pulledBy.length > 0 ? f.pulledBy.join('、') : '消费者';
  const they = f.pulledBy.length > 1 ? '它们' : '它';
  return {
    title: `${onBrokerZh(f)} 上的 ${f.topic}：队列 ${ids} 中还剩 ${leftOf(f)} 条消息，其 id ≥ readQueueNums ${f.readQueueNums}`,
    why: `消费者只会被分配 id 小于 readQueueNums 的队列（topicRouteData2TopicSubscribeInfo），Broker 会拒绝对其他队列的拉取（PullMessageProcessor）；生产者也不再写入它们（id ≥ writeQueueNums ${f.writeQueueNums}）。`
      + `这些消息是在 readQueueNums 调小之前写入的，当时还没有被所有消费者组消费完${f.stranded > 0 ? `：其中 ${f.stranded} 条在再次调大 readQueueNums 之前无法消费。` : '。'}`
      + (f.pulled > 0 ? `${who} 在缩容前已把其中 ${f.pulled} 条拉取到 ProcessQueue：${they}只会消费到下一次负载均衡放弃队列 ${ids} 为止，之后剩下的要等再次调大 readQueueNums 才会被消费。` : ''),
    fix: `把 readQueueNums 调回 ${restoreTo(f)}（${updateTopic(n, f, { r: restoreTo(f) })}），writeQueueNums 保持 ${f.writeQueueNums}；等每个消费者组都把队列 ${ids} 消费完（lag 为 0），再把 readQueueNums 调回 ${f.readQueueNums}。安全的缩容顺序是：先调小 writeQueueNums，等这些队列消费完，再调小 readQueueNums。`,
  };
}

interface ListingGroup {
  nameServers: string[];
  lastHeartbeat: number;
  drop: Listing['drop'];
  afterMs: number;
}

/** The listings grouped by their times: NameServers that heard the same last registration and drop it alike are named together. */
function byTimes(listedBy: readonly Listing[]): ListingGroup[] {
  const groups: ListingGroup[] = [];
  for (const l of listedBy) {
    const same = groups.find((g) => g.lastHeartbeat === l.lastHeartbeat && g.drop.at === l.drop.at && g.drop.how === l.drop.how);
    if (same) same.nameServers.push(l.nameServer);
    else groups.push({ ...l, nameServers: [l.nameServer] });
  }
  return groups;
}

/** A setting's period as the caption and the event log say it (formatPeriod). */
const periodEn = (ms: number) => formatPeriod(ms, 'en');
const periodZh = (ms: number) => formatPeriod(ms, 'zh');

const howEn = (g: ListingGroup) => (g.drop.how === 'channelIdle'
  ? `when its channel has been idle ${periodEn(g.afterMs)} (the idle close)`
  : `at the first scanNotActiveBroker after its registration is ${periodEn(g.afterMs)} old`);
const howZh = (g: ListingGroup) => (g.drop.how === 'channelIdle'
  ? `（连接空闲满 ${periodZh(g.afterMs)}时被关闭）`
  : `（注册满 ${periodZh(g.afterMs)}之后的第一次 scanNotActiveBroker）`);
const listedEn = (listedBy: readonly Listing[]) => byTimes(listedBy).map((g) =>
  `${g.nameServers.join(' and ')} heard its last registration at ${formatTime(g.lastHeartbeat)} and drop${g.nameServers.length > 1 ? '' : 's'} it at ${formatTime(g.drop.at)}, ${howEn(g)}, unless it registers again`).join('; ');
const listedZh = (listedBy: readonly Listing[]) => byTimes(listedBy).map((g) =>
  `${g.nameServers.join(' 和 ')} 最后一次收到它的注册是在 ${formatTime(g.lastHeartbeat)}，若它不再注册，将在 ${formatTime(g.drop.at)} 剔除它${howZh(g)}`).join('；');

function members(finding: Extract<RouteDiagnostic, { kind: 'inconsistentGroup' }>, separator: string): string {
  return finding.members.map((member) => `${member.id}: ${member.topic} "${member.subscription}"`).join(separator);
}

type Unmatched = Extract<RouteDiagnostic, { kind: 'unmatchedSubscription' }>;

const quoted = (tags: readonly string[], separator: string) => tags.map((tag) => `"${tag}"`).join(separator);

/** The expression with "||" where a single "|" was probably meant, or null when it has none. */
function withDoubleBars(subscription: string): string | null {
  return /\|/.test(subscription) && !subscription.includes('||') ? subscription.split('|').map((tag) => tag.trim()).join(' || ') : null;
}

function readAsEn(f: Unmatched): string {
  if (f.tags.length === 0) return 'no tag at all';
  return f.tags.length === 1 ? `the one tag ${quoted(f.tags, '')}` : `the tags ${quoted(f.tags, ', ')}`;
}

function sentEn(f: Unmatched): string {
  const tagged = f.sent.filter((tag) => tag !== '');
  const untagged = f.sent.includes('') ? 'messages without a tag, which only "*" matches' : '';
  return [tagged.length > 0 ? quoted(tagged, ', ') : '', untagged].filter(Boolean).join(', and ');
}

function readAsZh(f: Unmatched): string {
  if (f.tags.length === 0) return '不含任何标签';
  return f.tags.length === 1 ? `唯一的标签 ${quoted(f.tags, '')}` : `标签 ${quoted(f.tags, '、')}`;
}

function sentZh(f: Unmatched): string {
  const tagged = f.sent.filter((tag) => tag !== '');
  const untagged = f.sent.includes('') ? '不带标签的消息（只有 "*" 能匹配）' : '';
  return [tagged.length > 0 ? quoted(tagged, '、') : '', untagged].filter(Boolean).join('，以及');
}

/** A time on the page's clock to the second: the drops are scans at whole periods, and the page says "about". */
const clock = (ms: number) => formatTime(ms).replace(/\.\d{3}$/, '');

interface HungListing {
  brokers: string[];
  heard: string;
  drop: HungConsumer['listedBy'][number]['drop'];
}

/** The brokers that heard its last heartbeat in the same second and drop it alike, named together. */
function hungListings(f: HungConsumer): HungListing[] {
  const groups: HungListing[] = [];
  for (const l of f.listedBy) {
    const heard = clock(l.lastHeartbeat);
    const same = groups.find((g) => g.heard === heard && g.drop.at === l.drop.at && g.drop.how === l.drop.how);
    if (same) same.brokers.push(l.broker);
    else groups.push({ brokers: [l.broker], heard, drop: l.drop });
  }
  return groups;
}

/**
 * The last broker's drop, and when, at the latest, the others take its queues: at once after an
 * idle close (its NOTIFY_CONSUMER_IDS_CHANGED), by their next periodic rebalance after a scan's expiry.
 */
const lastDrop = (f: HungConsumer) => f.listedBy.map((l) => l.drop).reduce((last, drop) => (drop.at > last.at ? drop : last));
const takenBy = (f: HungConsumer) => lastDrop(f).at + (lastDrop(f).how === 'channelIdle' ? 0 : f.rebalanceIntervalMs);

function hungConsumerEn(f: HungConsumer): DiagnosticText {
  const queues = f.queues.length === 1 ? `1 queue of ${f.topic}` : `${f.queues.length} queues of ${f.topic}`;
  const messages = f.waiting === 1 ? '1 message waits' : `${f.waiting} messages wait`;
  const scan = `the first scanNotActiveChannel (every ${periodEn(f.scanIntervalMs)}) that finds its last heartbeat more than ${periodEn(f.expiredAfterMs)} old`;
  const rule = f.idleAfterMs > 0
    ? `a broker drops it when its channel has carried nothing for ${periodEn(f.idleAfterMs)} (the idle close, serverChannelMaxIdleTimeSeconds), or at ${scan}, whichever comes first`
    : `ConsumerManager drops it at ${scan}`;
  const listed = hungListings(f).map((g) => `${andList(g.brokers)} last heard its heartbeat at ${g.heard} and ${g.brokers.length > 1 ? 'drop' : 'drops'} it at about ${clock(g.drop.at)}${g.drop.how === 'channelIdle' ? ', closing its idle channel' : ', at the scan'}`).join('; ');
  const told = lastDrop(f).how === 'channelIdle'
    ? `The idle close is a channel close (onChannelIdle, doChannelCloseEvent) and sends NOTIFY_CONSUMER_IDS_CHANGED, so the other members rebalance at once and take the queues at about ${clock(takenBy(f))}.`
    : `The expiry sends no NOTIFY_CONSUMER_IDS_CHANGED, so the other members take the queues at their next periodic rebalance (RebalanceService, every ${periodEn(f.rebalanceIntervalMs)}), by about ${clock(takenBy(f))}.`;
  const after = lastDrop(f).how === 'channelIdle' ? `the idle close, ${periodEn(f.idleAfterMs)}` : `channelExpiredTimeout, ${periodEn(f.expiredAfterMs)}`;
  return {
    title: `${f.consumer} (${f.group}) is hung but still holds ${queues}: ${messages} in ${f.queues.join(', ')}`,
    why: `Its process no longer pulls or sends heartbeats, but its connections stay open, so no broker removes it at once (only a closed channel does, doChannelCloseEvent): ${rule}. ${listed}. `
      + `Until then GET_CONSUMER_LIST_BY_GROUP still lists it, the group's allocation keeps giving it these queues, and nobody reads them: their lag grows. ${told}`,
    fix: `Restart ${f.consumer}, or stop its process: a process that exits closes its connections, and the brokers remove it at once and tell the group to rebalance (doChannelCloseEvent, NOTIFY_CONSUMER_IDS_CHANGED). Take a thread dump (jstack) first to see why it hung: a listener blocked on a call without a timeout, or long GC pauses. Left alone, its queues are read again only after the brokers drop it at about ${clock(lastDrop(f).at)} (${after}).`,
  };
}

function hungConsumerZh(f: HungConsumer): DiagnosticText {
  const scan = `每 ${periodZh(f.scanIntervalMs)}执行一次的 scanNotActiveChannel 第一次发现它的最后心跳已超过 ${periodZh(f.expiredAfterMs)}时`;
  const rule = f.idleAfterMs > 0
    ? `Broker 在它的连接空闲满 ${periodZh(f.idleAfterMs)}时关闭连接并剔除它（空闲关闭，serverChannelMaxIdleTimeSeconds），或者在${scan}剔除它，以先到者为准`
    : `ConsumerManager 要等${scan}才剔除它`;
  const listed = hungListings(f).map((g) => `${g.brokers.join(' 和 ')} 最后一次收到它的心跳是在 ${g.heard}，将在大约 ${clock(g.drop.at)} 剔除它（${g.drop.how === 'channelIdle' ? '空闲关闭' : '扫描过期'}）`).join('；');
  const told = lastDrop(f).how === 'channelIdle'
    ? `空闲关闭就是关闭连接（onChannelIdle、doChannelCloseEvent），会发送 NOTIFY_CONSUMER_IDS_CHANGED，所以其他成员立即重新负载均衡，大约在 ${clock(takenBy(f))} 接管这些队列。`
    : `过期剔除不会发送 NOTIFY_CONSUMER_IDS_CHANGED，所以其他成员要到下一次定时负载均衡（RebalanceService，每 ${periodZh(f.rebalanceIntervalMs)}一次）才接管这些队列，最晚大约在 ${clock(takenBy(f))}。`;
  const after = lastDrop(f).how === 'channelIdle' ? `空闲关闭，${periodZh(f.idleAfterMs)}` : `channelExpiredTimeout，${periodZh(f.expiredAfterMs)}`;
  return {
    title: `${f.consumer}（${f.group}）已卡死，但仍占着 ${f.topic} 的 ${f.queues.length} 个队列：${f.queues.join('、')} 中有 ${f.waiting} 条消息在等待`,
    why: `它的进程不再拉取消息，也不再发送心跳，但连接没有断开，所以 Broker 不会立即移除它（只有连接关闭才会，doChannelCloseEvent）：${rule}。${listed}。`
      + `在此之前 GET_CONSUMER_LIST_BY_GROUP 仍返回它，消费者组的分配仍把这些队列分给它，却没有人读取，堆积不断增长。${told}`,
    fix: `重启 ${f.consumer}，或结束它的进程：进程退出会关闭连接，Broker 随即移除它并通知消费者组重新负载均衡（doChannelCloseEvent、NOTIFY_CONSUMER_IDS_CHANGED）。结束前先抓取线程栈（jstack）查明卡死的原因，例如监听器阻塞在没有超时的调用上，或长时间的 GC 停顿。如果不处理，要等 Broker 在大约 ${clock(lastDrop(f).at)} 剔除它（${after}）之后，这些队列才会再有人读取。`,
  };
}

type NoMaster = Extract<RouteDiagnostic, { kind: 'noMaster' }>;

function noMasterEn(f: NoMaster): DiagnosticText {
  return {
    title: `${f.broker} has no master: ${f.master} ${f.status === 'crashed' ? 'crashed' : 'was shut down'}`,
    why: f.listedBy.length > 0
      ? `Nothing closed its connections (a machine without power sends no FIN or RST), so the NameServers still list it until they drop it as silent: ${listedEn(f.listedBy)}. Until then routes still give ${f.broker} with its master: producers keep choosing its queues and each send there waits sendMsgTimeout and fails, and consumers pull from it, not from a slave, and get no answer.`
      : `Producers leave ${f.broker} out of their send queues once their route shows no master for it (topicRouteData2TopicPublishInfo skips a brokerName without brokerId 0). ${f.readFrom
        ? `Consumers read its queues from the slave ${f.readFrom} once their route shows no master for it (findBrokerAddressInSubscribe picks a node from the route the client pulled last; until its next route pull it still pulls from ${f.master}): what HA copied to it, and they commit their offsets to it.`
        : f.refusedBy
          ? `Its slave ${f.refusedBy} runs but refuses every pull with SYSTEM_BUSY: a 5.x slave serves reads only with slaveReadEnable (PullMessageProcessor.rejectRequest), which is off, so its messages cannot be read until ${f.master} is back.`
          : `No slave of it runs either: its messages cannot be read until ${f.master} is back.`}`,
    fix: f.replicas === 1
      ? `Bring ${f.master} back: it is ${f.broker}'s only node, so nothing can take its place, in controller mode or not; its stored messages wait on its disk. To stay readable while a master is down, give the group a slave (in 5.x with slaveReadEnable); to keep taking writes, run it in controller mode with replicas a controller can elect.`
      : f.controllerMode
        ? `The controller elects a new master from the group's SyncStateSet once it stops hearing ${f.master}'s heartbeats; if no replica is in sync, bring ${f.master} back (enableElectUncleanMaster is false).`
        : `Bring ${f.master} back: without controller mode the roles are static and a slave never takes writes. For automatic failover, run the brokers in controller mode (BrokerConfig.enableControllerMode): a controller elects a new master from the SyncStateSet.${f.refusedBy ? ` To keep reading while a master is down, set slaveReadEnable on its slaves.` : ''}`,
  };
}

function noMasterZh(f: NoMaster): DiagnosticText {
  return {
    title: `${f.broker} 没有 Master：${f.master} ${f.status === 'crashed' ? '已崩溃' : '已关闭'}`,
    why: f.listedBy.length > 0
      ? `它的连接没有被关闭（断电的机器不会发出 FIN 或 RST），所以 NameServer 要等它沉默足够久才剔除它：${listedZh(f.listedBy)}。在那之前路由里的 ${f.broker} 仍带着这个 Master：生产者继续选它的队列，每次发送都等满 sendMsgTimeout 后失败；消费者也仍向它（而不是 Slave）拉取，得不到应答。`
      : `生产者的路由一旦显示 ${f.broker} 没有 Master，就不再向它发送（topicRouteData2TopicPublishInfo 跳过没有 brokerId 0 的 brokerName）。${f.readFrom
        ? `消费者的路由不再显示它的 Master 之后，改从 Slave ${f.readFrom} 读取它的队列（findBrokerAddressInSubscribe 从客户端上次拉取的路由中选节点；在下一次路由拉取之前，它仍向 ${f.master} 拉取）：读到的是 HA 已复制过去的消息，消费位点也提交给它。`
        : f.refusedBy
          ? `它的 Slave ${f.refusedBy} 在运行，但用 SYSTEM_BUSY 拒绝每一次拉取：5.x 的 Slave 只有开启 slaveReadEnable 才提供读取（PullMessageProcessor.rejectRequest），而它没有开启，所以在 ${f.master} 恢复之前，它的消息无法被读取。`
          : `它也没有 Slave 在运行：在 ${f.master} 恢复之前，它的消息无法被读取。`}`,
    fix: f.replicas === 1
      ? `让 ${f.master} 恢复：它是 ${f.broker} 唯一的节点，无论是否开启 Controller 模式都没有节点能接替它；已存储的消息留在它的磁盘上等它回来。想在 Master 宕机时仍能读取，要给这个组配 Slave（5.x 还要开启 slaveReadEnable）；想继续接受写入，要以 Controller 模式运行，并配有可被选举的副本。`
      : f.controllerMode
        ? `Controller 收不到 ${f.master} 的心跳后，会从该组的 SyncStateSet 中选出新的 Master；如果没有同步中的副本，只能让 ${f.master} 恢复（enableElectUncleanMaster 为 false）。`
        : `让 ${f.master} 恢复运行：没有 Controller 模式时主从角色是固定的，Slave 不会接管写入。需要自动故障转移时，以 Controller 模式运行 Broker（BrokerConfig.enableControllerMode），由 Controller 从 SyncStateSet 中选出新的 Master。${f.refusedBy ? '想在 Master 宕机时继续读取，请在它的 Slave 上开启 slaveReadEnable。' : ''}`,
  };
}

const en: DiagnosticsStrings = {
  heading: 'Route diagnostics',
  intro: 'What is wrong with the routes at this moment, why, and the safe fix.',
  none: 'Nothing to report at this moment: every topic is read and written on all its queues.',
  whyLabel: 'Why',
  fixLabel: 'Safe fix',
  describe: (f, idle, n = '') => {
    switch (f.kind) {
      case 'noMaster': return noMasterEn(f);
      case 'unreachableMaster': return {
        title: `${f.node} is cut off from the network, still running`,
        why: f.listedBy.length > 0
          ? `No connection closes, so a NameServer drops it only once it has been silent long enough: ${listedEn(f.listedBy)}. Until then routes still give ${f.broker}: a client's first send to it gets no answer within sendMsgTimeout and closes its connection, later ones wait for a connect that gets no answer (connectTimeoutMillis), and pulls from it fail.`
          : `The NameServers dropped it once it had been silent long enough (its channel closed as idle, or scanNotActiveBroker found its registration expired): clients leave ${f.broker} at their next route pull, and the messages stored in it wait until it is reachable again.`,
        fix: f.controllerMode
          ? `Nothing to do by hand in controller mode: once ${f.node}'s heartbeats to the controller expire, it elects a new master from the group's SyncStateSet, which registers as brokerId 0; healed, ${f.node} comes back as its slave.`
          : `Heal the network: ${f.listedBy.length > 0 ? `the NameServers still listing ${f.node} keep it (its next registration renews it)` : `${f.node} is listed again at its next registration (registerNameServerPeriod, 30${UNIT_SPACE}s by default)`} and clients find it at their next route pull. A producer avoids a broker whose sends failed sooner with sendLatencyFaultEnable (MQFaultStrategy, off by default).`,
      };
      case 'unwritableTopic': return {
        title: `Nothing can be sent to ${f.topic}: no running master holds it`,
        why: `A producer's send queues come only from brokerNames with a master (topicRouteData2TopicPublishInfo). ${f.topic} lives on ${f.brokers.join(', ')}, none with its master running: once the producers' routes say so, every send fails with "No route info of this topic" without trying a broker.${f.stillListed.length > 0
          ? ` Not yet: the NameServers still list the master of ${f.stillListed.join(', ')} (nothing closed its connections), so producers still send there, and each send waits sendMsgTimeout and fails.`
          : ''}`,
        fix: f.createOn === null
          ? `Bring back a master of ${f.brokers.join(' or ')}: no master runs anywhere to create ${f.topic} on.`
          : `Bring back a master of ${f.brokers.join(' or ')}, or create ${f.topic} on a running master (${createTopicOn(n, f.topic, f.createOn)}) so that producers have a queue to write to.`,
      };
      case 'writeAboveRead': return {
        title: `${f.topic} on ${onBroker(f)}: writeQueueNums ${f.writeQueueNums} > readQueueNums ${f.readQueueNums}`,
        why: `Producers spread messages over queues 0-${f.writeQueueNums - 1}, consumers only read queues 0-${f.readQueueNums - 1}: queues ${f.readQueueNums}-${f.writeQueueNums - 1} fill up and are not consumed until readQueueNums is raised (${f.stranded} messages now).`,
        fix: `Raise readQueueNums to ${f.writeQueueNums} (${updateTopic(n, f, { r: f.writeQueueNums })}): the stranded messages become consumable. To shrink instead, lower writeQueueNums first, wait until those queues drain, then lower readQueueNums.`,
      };
      case 'readAboveWrite': return {
        title: `${f.topic} on ${onBroker(f)}: readQueueNums ${f.readQueueNums} > writeQueueNums ${f.writeQueueNums}`,
        why: `Queues ${f.writeQueueNums}-${f.readQueueNums - 1} receive nothing new; consumers that own only those queues sit idle. This is the middle step of a safe shrink: ${f.undrained} messages in them are still to be consumed.`,
        fix: f.undrained > 0
          ? `Wait until queues ${f.writeQueueNums}-${f.readQueueNums - 1} drain (lag 0 for every group), then lower readQueueNums to ${f.writeQueueNums}. Lowering it now would strand ${f.undrained} messages.`
          : `Those queues are drained: lowering readQueueNums to ${f.writeQueueNums} now loses nothing (${updateTopic(n, f, { r: f.writeQueueNums })}).`,
      };
      case 'strandedAboveRead': return strandedAboveReadEn(f, n);
      case 'unreadable': return {
        title: `${f.topic} on ${onBroker(f)}: not readable (perm ${f.perm})`,
        why: `Without PermName.PERM_READ (4) no consumer gets these queues in its route: ${f.waiting} messages wait in them.`,
        fix: `Give the topic perm 6 (read and write) on ${f.broker} (${updateTopic(n, f, { p: 6 })}), unless you are retiring the broker: then make it unwritable, not unreadable, and let consumers drain it.`,
      };
      case 'unwritable': return {
        title: `${f.topic} on ${onBroker(f)}: not writable (perm ${f.perm})`,
        why: `Without PermName.PERM_WRITE (2) producers leave ${f.broker} out of the topic's send queues: other brokers take all the traffic.`,
        fix: `Intended while draining a broker before taking it out. Otherwise give the topic perm 6 again (${updateTopic(n, f, { p: 6 })}).`,
      };
      case 'oneBroker': return {
        title: `${f.topic} lives on ${f.broker} only (the cluster has ${f.masters} masters)`,
        why: `Producers can send ${f.topic} to one broker only: when ${f.broker} fails, every send fails until it is back, though other masters are up.`,
        fix: `Create the topic on every master of the cluster (${createTopic(n, f.topic, f.cluster)}).`,
      };
      case 'idleConsumer': return {
        title: `${f.consumer} (${f.group}) gets no message`,
        why: `It ${idle(f.reason)}.`,
        fix: idleFixEn(f),
      };
      case 'hungConsumer': return hungConsumerEn(f);
      case 'inconsistentGroup': return {
        title: `Group ${f.group}: its members subscribe differently`,
        why: `The broker keeps one subscription per group (${members(f, ', ')}): messages one member wants are filtered out for another's queues, and queues given to a member that does not subscribe to their topic are never pulled.`,
        fix: 'Give every member of a group the same topic and tag expression, or put the different subscriptions in different groups.',
      };
      case 'unmatchedSubscription': {
        const fixed = withDoubleBars(f.subscription);
        return {
          title: `${f.consumer} (${f.group}) gets nothing from ${f.topic}: no producer sends a tag it subscribes to`,
          why: `RocketMQ reads "${f.subscription}" as ${readAsEn(f)} (FilterAPI.buildSubscriptionData splits it on "||" and trims each tag; only "*" takes every message). The producers of ${f.topic} send ${sentEn(f)}. The broker filters each message out by its tag hash and moves the group's offset past it: nothing is consumed, and nothing counts as lagging.`,
          fix: `Separate the tags it wants with "||"${fixed ? ` ("${fixed}")` : ''}, or subscribe "*" to every message; or have a producer send the tag it expects.`,
        };
      }
      case 'deadLetters': return {
        title: `Group ${f.group}: ${f.messages === 1 ? '1 message' : `${f.messages} messages`} in its dead-letter queue %DLQ%${f.group}`,
        why: `${triesEn(f.retryDelays)} The broker then wrote it to %DLQ%${f.group} on ${f.brokers.join(', ')}, a topic no consumer subscribes to: these messages will not be consumed unless someone acts.`,
        fix: `Find why the listener fails (the Message tab shows each try of a message), fix it, then resend what %DLQ%${f.group} holds to the group (the Dashboard's DLQ Message page resends or exports them, batchResendDlqMessage) or discard it.`,
      };
    }
  },
};

const zh: DiagnosticsStrings = {
  heading: '路由诊断',
  intro: '此刻路由有什么问题、为什么，以及安全的修复方法。',
  none: '此刻没有问题：每个主题的所有队列都在被读写。',
  whyLabel: '原因',
  fixLabel: '安全修复',
  describe: (f, idle, n = '') => {
    switch (f.kind) {
      case 'noMaster': return noMasterZh(f);
      case 'unreachableMaster': return {
        title: `${f.node} 与网络断开，但仍在运行`,
        why: f.listedBy.length > 0
          ? `没有连接被关闭，所以 NameServer 要等它沉默足够久才剔除它：${listedZh(f.listedBy)}。在那之前路由里仍有 ${f.broker}：客户端发往它的第一条消息在 sendMsgTimeout 内得不到应答并关闭连接，之后的发送都在等待建立新连接，而对方始终没有应答（connectTimeoutMillis），从它拉取也会失败。`
          : `它沉默得足够久之后，NameServer 已把它剔除（连接因空闲被关闭，或 scanNotActiveBroker 发现它的注册已过期）：客户端在下一次拉取路由时不再使用 ${f.broker}，已存入它的消息要等它恢复连通后才能被消费。`,
        fix: f.controllerMode
          ? `Controller 模式下无需手动处理：${f.node} 发给 Controller 的心跳过期后，Controller 会从该组的 SyncStateSet 中选出新的 Master，新 Master 以 brokerId 0 注册；网络恢复后，${f.node} 作为它的 Slave 回来。`
          : `修复网络：${f.listedBy.length > 0 ? `仍列出 ${f.node} 的 NameServer 会继续保留它（它的下一次注册会续期）` : `${f.node} 下一次注册时（registerNameServerPeriod，默认 30${UNIT_SPACE}秒）重新出现在 NameServer 中`}，客户端在下一次拉取路由时重新找到它。开启 sendLatencyFaultEnable（MQFaultStrategy，默认关闭）后，生产者会更早避开发送失败的 Broker。`,
      };
      case 'unwritableTopic': return {
        title: `无法向 ${f.topic} 发送消息：没有运行中的 Master 持有它`,
        why: `生产者的发送队列只来自有 Master 的 brokerName（topicRouteData2TopicPublishInfo）。${f.topic} 位于 ${f.brokers.join('、')}，它们的 Master 都没有在运行：生产者的路由更新后，每次发送都会失败，报 "No route info of this topic"，不会尝试任何 Broker。${f.stillListed.length > 0
          ? `但现在还没有到这一步：NameServer 仍列出 ${f.stillListed.join('、')} 的 Master（它的连接没有被关闭），所以生产者仍向那里发送，每次都等满 sendMsgTimeout 后失败。`
          : ''}`,
        fix: f.createOn === null
          ? `让 ${f.brokers.join(' 或 ')} 的 Master 恢复：现在没有任何运行中的 Master 可以创建 ${f.topic}。`
          : `让 ${f.brokers.join(' 或 ')} 的 Master 恢复，或在运行中的 Master 上创建 ${f.topic}（${createTopicOn(n, f.topic, f.createOn)}），让生产者有队列可写。`,
      };
      case 'writeAboveRead': return {
        title: `${onBrokerZh(f)} 上的 ${f.topic}：writeQueueNums ${f.writeQueueNums} > readQueueNums ${f.readQueueNums}`,
        why: `生产者把消息分散到队列 0-${f.writeQueueNums - 1}，消费者只读队列 0-${f.readQueueNums - 1}：队列 ${f.readQueueNums}-${f.writeQueueNums - 1} 不断堆积，在调大 readQueueNums 之前不会被消费（当前 ${f.stranded} 条消息）。`,
        fix: `把 readQueueNums 调到 ${f.writeQueueNums}（${updateTopic(n, f, { r: f.writeQueueNums })}），堆积的消息就能被消费。如果本意是缩容：先调小 writeQueueNums，等这些队列消费完，再调小 readQueueNums。`,
      };
      case 'readAboveWrite': return {
        title: `${onBrokerZh(f)} 上的 ${f.topic}：readQueueNums ${f.readQueueNums} > writeQueueNums ${f.writeQueueNums}`,
        why: `队列 ${f.writeQueueNums}-${f.readQueueNums - 1} 不再有新消息；只分到这些队列的消费者会空闲。这是安全缩容的中间一步：其中还有 ${f.undrained} 条消息待消费。`,
        fix: f.undrained > 0
          ? `等队列 ${f.writeQueueNums}-${f.readQueueNums - 1} 消费完（每个消费者组的 lag 为 0），再把 readQueueNums 调到 ${f.writeQueueNums}。现在调小会让 ${f.undrained} 条消息无法消费，直到再次调大 readQueueNums。`
          : `这些队列已消费完：现在把 readQueueNums 调到 ${f.writeQueueNums} 不会丢消息（${updateTopic(n, f, { r: f.writeQueueNums })}）。`,
      };
      case 'strandedAboveRead': return strandedAboveReadZh(f, n);
      case 'unreadable': return {
        title: `${onBrokerZh(f)} 上的 ${f.topic}：不可读（perm ${f.perm}）`,
        why: `没有 PermName.PERM_READ (4)，消费者的路由中不会有这些队列：其中有 ${f.waiting} 条消息在等待。`,
        fix: `在 ${f.broker} 上把该主题的 perm 设为 6（可读可写）（${updateTopic(n, f, { p: 6 })}）。如果是要下线这个 Broker：应让它不可写而不是不可读，让消费者把消息消费完。`,
      };
      case 'unwritable': return {
        title: `${onBrokerZh(f)} 上的 ${f.topic}：不可写（perm ${f.perm}）`,
        why: `没有 PermName.PERM_WRITE (2)，生产者的发送队列中不包含 ${f.broker}：所有流量都发往其他 Broker。`,
        fix: `下线 Broker 前排空消息时正是这样做的。否则把 perm 改回 6（${updateTopic(n, f, { p: 6 })}）。`,
      };
      case 'oneBroker': return {
        title: `${f.topic} 只在 ${f.broker} 上（集群有 ${f.masters} 个 Master）`,
        why: `生产者只能把 ${f.topic} 发到一个 Broker：${f.broker} 故障时，即使其他 Master 正常，所有发送也都会失败，直到它恢复。`,
        fix: `在集群的每个 Master 上创建该主题（${createTopic(n, f.topic, f.cluster)}）。`,
      };
      case 'idleConsumer': return {
        title: `${f.consumer}（${f.group}）收不到消息`,
        why: `它${idle(f.reason)}。`,
        fix: idleFixZh(f),
      };
      case 'hungConsumer': return hungConsumerZh(f);
      case 'inconsistentGroup': return {
        title: `消费者组 ${f.group}：成员订阅不一致`,
        why: `Broker 每个消费者组只保存一份订阅（${members(f, '、')}）：一个成员想要的消息会在另一个成员的队列上被过滤掉，分配给未订阅该主题的成员的队列永远不会被拉取。`,
        fix: '同一消费者组的所有成员使用相同的主题和标签表达式，或把不同的订阅放到不同的消费者组。',
      };
      case 'unmatchedSubscription': {
        const fixed = withDoubleBars(f.subscription);
        return {
          title: `${f.consumer}（${f.group}）收不到 ${f.topic} 的任何消息：没有生产者发送它订阅的标签`,
          why: `RocketMQ 把 "${f.subscription}" 读作${readAsZh(f)}（FilterAPI.buildSubscriptionData 按 "||" 拆分并去掉每个标签两端的空格；只有 "*" 订阅全部消息）。${f.topic} 的生产者发送的是 ${sentZh(f)}。Broker 按标签哈希把每条消息过滤掉，并把该组的消费位点移到它之后：什么也不会被消费，也不会计入消费堆积。`,
          fix: `用 "||" 分隔想要的标签${fixed ? `（"${fixed}"）` : ''}，或订阅 "*" 接收全部消息；或者让生产者发送它期望的标签。`,
        };
      }
      case 'deadLetters': return {
        title: `消费者组 ${f.group}：死信队列 %DLQ%${f.group} 中有 ${f.messages} 条消息`,
        why: `${triesZh(f.retryDelays)}之后 Broker 把它写入 ${f.brokers.join('、')} 上的 %DLQ%${f.group}，没有消费者订阅这个主题：除非有人处理，这些消息不会被消费。`,
        fix: `查明监听器失败的原因（“消息轨迹”页会列出一条消息的每次消费），修复后把 %DLQ%${f.group} 中的消息重新投递给该消费者组（控制台的“死信消息”页面可以批量重发或导出它们，batchResendDlqMessage），或者丢弃它们。`,
      };
    }
  },
};

export const DIAGNOSTICS_STRINGS: Bilingual<DiagnosticsStrings> = { en, zh };
