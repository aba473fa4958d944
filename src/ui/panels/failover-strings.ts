/** The failover view's words, in English and Simplified Chinese (RocketMQ's terms stay in Latin script). */
import type { Language } from '../../scenario/language.ts';
import type { BrokerRoleNow, Detection } from '../../sim/index.ts';
import { actionSaid } from '../i18n/action-strings.ts';
import { andList, type Bilingual } from '../i18n/index.ts';
import { UNIT_SPACE } from '../../viz/format.ts';

/** Times and durations already formatted ("0:42.001", "12 s"). */
interface DetectionWords {
  party: string;
  broker: string;
  at: string;
  /** From the fault to the detection. */
  after: string;
  /** channelIdle / expired: the counted-from time and the span since it. */
  since: string;
  span: string;
  /** How old a registration gets before a NameServer's scan removes its broker (brokerChannelExpiredTimeMs). */
  expiry: string;
  detail: string;
  /** Controller mode: what the election did (strings.elected), the heartbeat timeout and the two scans' periods. */
  outcome: string;
  timeout: string;
  scanPeriod: string;
  masterScanPeriod: string;
}

/** One client's cost of a fault, formatted: `at` is when its route dropped the process (or the time it still lists it, or the fault's end). */
export interface CostWords {
  client: string;
  node: string;
  at: string;
  /** From the fault to `at`. */
  after: string;
  /** The route answer that dropped it (strings.routePull). */
  why: string;
}

export interface FailoverStrings {
  /** The language these words are in: the durations put into them are said in it too. */
  language: Language;
  title: string;
  detectionsHeading: string;
  noFaults: string;
  noDetections: string;
  /** Under the heading while there are faults: the rings under the playhead mark these moments. */
  ringsNote: string;
  fault(fault: string, at: string): string;
  /** A fault in a few words with its action's name: "broker-b is cut off by a network partition (partitionBroker)". */
  action(action: string, target: string): string;
  /** The button before the detections that scrolls to the NameServer panel, lower in the column: each NameServer's broker table. */
  toNameServers: string;
  /** What an election did: the node elected, or "none". */
  elected(node: string): string;
  sentence: Record<Detection['how'], (w: DetectionWords) => string>;
  /** A fault that began while `earlier` (since `since`) was open on its broker, and that nobody noticed on its own; `until`: when `earlier` ended, or null. */
  hiddenBehind(earlier: string, since: string, until: string | null): string;
  costsHeading: string;
  cost: Record<'stoppedSending' | 'stoppedListing' | 'stillListing' | 'listedUntilEnd', (w: CostWords) => string>;
  /** Why the route dropped it: the answer of `nameServer`, which had dropped the process at `droppedAt` (null: not known to have). */
  routePull(nameServer: string, droppedAt: string | null): string;
  /** A producer's line with its failed sends. */
  withSends(line: string, sends: string): string;
  /** `total` failed send attempts, told by reason (`parts`). */
  failedSends(total: number, parts: string[]): string;
  /** `n` attempts that failed for one reason; timeout: sendMsgTimeout formatted. */
  failedBy: { timeout(n: number, timeout: string, async: boolean): string; connectTimeout(n: number, timeout: string): string; connectRefused(n: number): string; channelClosed(n: number): string; other(n: number, reason: string): string };
  onewaySends: string;
  beliefsHeading(time: string): string;
  beliefsCaption: string;
  /** The first column's heading: the NameServers and clients, one row each. */
  believer: string;
  truth: string;
  up: string;
  down: string;
  /** Running, but cut off by a partition. */
  cutOff: string;
  /** A believer lists the broker's address under this brokerId. */
  listed(brokerId: number): string;
  /** The same, as the cell shows it: a check mark and the brokerId. */
  listedMark(brokerId: number): string;
  /** A row's broker: its brokerId and role now (an election moves brokerId 0). */
  now(brokerId: number, role: BrokerRoleNow): string;
  missing: string;
  /** What the missing mark says, read out. */
  notListed: string;
  /** A cell's words when its believer is wrong. */
  wrong: (what: string) => string;
  /**
   * The marks under the playhead at a fault's signs (src/sim/queries/fault-signs.ts): a detection's
   * sentence says its own time; `time` formatted, `fault` said by action().
   */
  signs: {
    first(fault: string, sentence: string): string;
    /** NameServers that stopped listing the process with no detection of their own; `newMaster`: controller mode, where a new master took brokerId 0. */
    dropped(time: string, nameServers: string, node: string, after: string, newMaster: boolean): string;
    /** `stale`: how long the routes outlived the NameServers' drop, when longer than a route pull's period, and the topics whose pulls brought no route meanwhile; else null. */
    routesGone(time: string, node: string, after: string, client: string, stale: StaleRoutes | null): string;
    /** Between the names of several NameServers. */
    separator: string;
  };
}

/** How long the clients' routes outlived the NameServers' drop (formatted), and whose pulls of which topics brought no route meanwhile. */
export interface StaleRoutes {
  waited: string;
  clients: readonly string[];
  topics: readonly string[];
}

/** A group's retry topic among the topics (%RETRY%<group>): a learner meets it here before any message failed. */
function retryTopic(topics: readonly string[]): string | undefined {
  return topics.find((topic) => topic.startsWith('%RETRY%'));
}

const en: FailoverStrings = {
  language: 'en',
  title: 'Failover: who noticed what, when',
  detectionsHeading: 'Detections',
  noFaults: 'No broker fault so far. Crash, power off, partition or shut down a broker (timeline or editor) to see who notices it and when.',
  noDetections: 'Nobody has noticed yet.',
  ringsNote: 'The rings under the playhead mark when each fault showed itself (its first sign, the NameServers\' removal, the last route to let it go); click one to go there. The red bars are the faults.',
  toNameServers: 'Each NameServer\'s broker table: the NameServer panel\u00a0↓',
  fault: (fault, at) => `${at}: ${fault}`,
  action: (action, target) => actionSaid(action, target, 'en'),
  sentence: {
    channelClosed: (w) => `${w.party} removed ${w.broker} at ${w.at}: its connection closed (${w.after} after the fault)`,
    channelIdle: (w) => `${w.party} removed ${w.broker} at ${w.at}: its channel was idle for ${w.span} since ${w.since}`,
    expired: (w) => `${w.party} removed ${w.broker} at ${w.at}: its last registration, at ${w.since}, was ${w.span} old (over ${w.expiry}), found by the scan`,
    unregistered: (w) => `${w.party} removed ${w.broker} at ${w.at}: it unregistered (graceful shutdown)`,
    sendFailed: (w) => `${w.party} noticed at ${w.at}: a send to ${w.broker} failed (${w.detail}), ${w.after} after the fault`,
    pullFailed: (w) => `${w.party} noticed at ${w.at}: a pull from ${w.broker} failed (${w.detail}), ${w.after} after the fault`,
    routeUpdated: (w) => `${w.party} noticed at ${w.at}: its route refresh no longer lists ${w.broker} (${w.after} after the fault)`,
    haChannelClosed: (w) => `${w.party} noticed at ${w.at}: its HA connection to ${w.broker} closed (${w.after} after the fault)`,
    callTimedOut: (w) => `${w.party} noticed at ${w.at}: its ${w.detail} call to ${w.broker} timed out and closed its connection (${w.after} after the fault); the client only logs it, and the broker stays in its route`,
    controllerChannelClosed: (w) => `controller ${w.party} ${w.outcome} at ${w.at}: ${w.broker}'s channel to it closed (${w.after} after the fault)`,
    controllerExpired: (w) => `controller ${w.party} ${w.outcome} at ${w.at}: ${w.broker} silent for ${w.span} since ${w.since} (over ${w.timeout}), found by the heartbeat scan every ${w.scanPeriod}`,
    controllerMasterInactive: (w) => `controller ${w.party} ${w.outcome} at ${w.at}: ${w.broker} silent for ${w.span} since ${w.since} (over ${w.timeout}), found by the inactive-master scan every ${w.masterScanPeriod}`,
    controllerBrokerElect: (w) => `controller ${w.party} ${w.outcome} at ${w.at}, asked by a broker of the group (${w.after} after the fault)`,
    becameMaster: (w) => `${w.party} became master (brokerId 0) at ${w.at}: the controller's election reached it (${w.after} after the fault)`,
  },
  hiddenBehind: (earlier, since, until) => (until === null
    ? `hidden behind an earlier fault (since ${since}: ${earlier}): nobody can tell them apart`
    : `hidden behind an earlier fault from ${since} to ${until} (${earlier}): nobody could tell them apart, and nobody has noticed it since`),
  costsHeading: 'What it cost the clients whose route listed it:',
  cost: {
    stoppedSending: (w) => `${w.client} stopped sending to ${w.node} at ${w.at}, ${w.after} after the fault (${w.why})`,
    stoppedListing: (w) => `${w.client}'s route stopped listing ${w.node} at ${w.at}, ${w.after} after the fault (${w.why})`,
    stillListing: (w) => `${w.client}'s route still lists ${w.node} at ${w.at}, ${w.after} after the fault`,
    listedUntilEnd: (w) => `${w.client}'s route still listed ${w.node} when the fault ended at ${w.at}`,
  },
  routePull: (nameServer, droppedAt) => (droppedAt === null ? `its route pull from ${nameServer}` : `its route pull from ${nameServer}, which had dropped it at ${droppedAt}`),
  withSends: (line, sends) => `${line}; ${sends}`,
  failedSends: (total, parts) => (total === 0 ? 'no send attempt to it failed meanwhile' : `${total} send ${total === 1 ? 'attempt' : 'attempts'} to it failed meanwhile (${parts.join('; ')})`),
  failedBy: {
    timeout: (n, timeout, async) => `${n} timed out, ${n === 1 ? 'after waiting' : 'each waiting'} up to sendMsgTimeout, ${timeout}${async ? `, then 1-2${UNIT_SPACE}s more: an ASYNC send has no timer of its own, and scanResponseTable, every second, fails it a second past its timeout` : ''}`,
    connectTimeout: (n, timeout) => `${n} could not connect: the connect got no answer within connectTimeoutMillis, ${timeout}`,
    connectRefused: (n) => `${n} refused at once: its process is down`,
    channelClosed: (n) => `${n} cut off as its connection closed, with every request waiting on it`,
    other: (n, reason) => `${n} failed with ${reason}`,
  },
  onewaySends: 'its ONEWAY sends get no answer, so none is seen to fail',
  elected: (node) => (node === 'none' ? 'elected no master (no replica of the SyncStateSet alive; unclean election is off)' : `elected ${node} as master`),
  beliefsHeading: (time) => `Who believes what at ${time}`,
  beliefsCaption: 'Each NameServer\'s broker table and each client\'s cached route against the truth. ✓ 0: listed under brokerId 0; —: not listed; a highlighted cell believes wrong.',
  believer: 'NameServer / client',
  truth: 'truth',
  up: 'up',
  down: 'down',
  cutOff: 'partitioned',
  listed: (id) => `listed (brokerId ${id})`,
  listedMark: (id) => `✓ ${id}`,
  now: (id, role) => `brokerId ${id} now, ${{ master: 'master', slave: 'slave', staleMaster: 'old master, replaced' }[role]}`,
  missing: '—',
  notListed: 'not listed',
  wrong: (what) => `${what}, believes wrong`,
  signs: {
    first: (fault, sentence) => `First sign of “${fault}”: ${sentence}`,
    dropped: (time, nameServers, node, after, newMaster) => `${time} · ${nameServers} stopped listing ${node}${newMaster ? ': the new master took its brokerId 0' : ''} (${after} after the fault)`,
    routesGone: (time, node, after, client, stale) => `${time} · no client's route lists ${node} any more (${after} after the fault; the last to drop it: ${client})${stale === null ? '' : `; ${stale.waited} after the first NameServer dropped it${stale.topics.length === 0 ? '' : `: the route pulls of ${andList(stale.clients)} for ${andList(stale.topics)} brought none (TOPIC_NOT_EXIST, or no NameServer answered), and a pull that brings no route leaves the cached one as it was, until one brings a route again${retryTopic(stale.topics) === undefined ? '' : ` (${retryTopic(stale.topics)!}: the group's retry topic, whose route a CLUSTERING consumer pulls with its own topic's)`}`}`}`,
    separator: ', ',
  },
};

const zh: FailoverStrings = {
  language: 'zh',
  title: '故障切换：谁在何时发现了什么',
  detectionsHeading: '发现记录',
  noFaults: '目前没有 Broker 故障。在时间线或编辑器中让一个 Broker 崩溃、断电、网络分区或关闭，即可看到谁在何时发现它。',
  noDetections: '还没有任何一方发现。',
  ringsNote: '播放头下方的圆圈标出每个故障显露的时刻（第一个迹象、NameServer 移除它、最后一条路由放弃它），点击即可跳转；红条是故障本身。',
  toNameServers: '各 NameServer 的 Broker 表：NameServer 面板\u00a0↓',
  fault: (fault, at) => `${at}：${fault}`,
  action: (action, target) => actionSaid(action, target, 'zh'),
  sentence: {
    channelClosed: (w) => `${w.party} 在 ${w.at} 移除了 ${w.broker}：连接已关闭（故障后 ${w.after}）`,
    channelIdle: (w) => `${w.party} 在 ${w.at} 移除了 ${w.broker}：它的连接自 ${w.since} 起空闲了 ${w.span}`,
    expired: (w) => `${w.party} 在 ${w.at} 移除了 ${w.broker}：它最后一次注册在 ${w.since}，已过去 ${w.span}（超过 ${w.expiry}），被扫描发现`,
    unregistered: (w) => `${w.party} 在 ${w.at} 移除了 ${w.broker}：它主动注销（优雅关闭）`,
    sendFailed: (w) => `${w.party} 在 ${w.at} 发现：向 ${w.broker} 发送消息失败（${w.detail}），故障后 ${w.after}`,
    pullFailed: (w) => `${w.party} 在 ${w.at} 发现：从 ${w.broker} 拉取消息失败（${w.detail}），故障后 ${w.after}`,
    routeUpdated: (w) => `${w.party} 在 ${w.at} 发现：路由刷新后不再包含 ${w.broker}（故障后 ${w.after}）`,
    haChannelClosed: (w) => `${w.party} 在 ${w.at} 发现：与 ${w.broker} 的 HA 连接已关闭（故障后 ${w.after}）`,
    callTimedOut: (w) => `${w.party} 在 ${w.at} 发现：发往 ${w.broker} 的 ${w.detail} 调用超时，关闭了连接（故障后 ${w.after}）；客户端只记录日志，路由里仍有该 Broker`,
    controllerChannelClosed: (w) => `Controller ${w.party} 在 ${w.at} ${w.outcome}：${w.broker} 与它的连接已关闭（故障后 ${w.after}）`,
    controllerExpired: (w) => `Controller ${w.party} 在 ${w.at} ${w.outcome}：${w.broker} 自 ${w.since} 起 ${w.span}没有心跳（超过 ${w.timeout}），被每 ${w.scanPeriod}一次的心跳扫描发现`,
    controllerMasterInactive: (w) => `Controller ${w.party} 在 ${w.at} ${w.outcome}：${w.broker} 自 ${w.since} 起 ${w.span}没有心跳（超过 ${w.timeout}），被每 ${w.masterScanPeriod}一次的 Master 存活扫描发现`,
    controllerBrokerElect: (w) => `Controller ${w.party} 在 ${w.at} ${w.outcome}：由该组的一个 Broker 请求（故障后 ${w.after}）`,
    becameMaster: (w) => `${w.party} 在 ${w.at} 成为 Master（brokerId 0）：Controller 的选举结果送达（故障后 ${w.after}）`,
  },
  hiddenBehind: (earlier, since, until) => (until === null
    ? `被更早的故障掩盖（自 ${since} 起：${earlier}）：没有人能把两者区分开`
    : `${since} 至 ${until} 被更早的故障（${earlier}）掩盖：当时没有人能把两者区分开，此后也还没有人发现它`),
  costsHeading: '对路由中有它的客户端造成的代价：',
  cost: {
    stoppedSending: (w) => `${w.client} 在 ${w.at} 停止向 ${w.node} 发送，故障后 ${w.after}（${w.why}）`,
    stoppedListing: (w) => `${w.client} 的路由在 ${w.at} 不再包含 ${w.node}，故障后 ${w.after}（${w.why}）`,
    stillListing: (w) => `${w.client} 的路由在 ${w.at} 仍包含 ${w.node}，故障后 ${w.after}`,
    listedUntilEnd: (w) => `故障在 ${w.at} 结束时，${w.client} 的路由仍包含 ${w.node}`,
  },
  routePull: (nameServer, droppedAt) => (droppedAt === null ? `从 ${nameServer} 拉取的路由` : `从 ${nameServer} 拉取的路由，${nameServer} 已在 ${droppedAt} 移除了它`),
  withSends: (line, sends) => `${line}；${sends}`,
  failedSends: (total, parts) => (total === 0 ? '期间没有发往它的发送失败' : `期间有 ${total} 次发往它的发送尝试失败（${parts.join('；')}）`),
  failedBy: {
    timeout: (n, timeout, async) => `${n} 次超时，每次最多等待 sendMsgTimeout ${timeout}${async ? `，再加 1-2${UNIT_SPACE}秒：异步发送没有自己的定时器，每秒一次的 scanResponseTable 在超时一秒之后才判它失败` : ''}`,
    connectTimeout: (n, timeout) => `${n} 次无法建立连接：connectTimeoutMillis ${timeout}内建连没有应答`,
    connectRefused: (n) => `${n} 次被立即拒绝：它的进程已停止`,
    channelClosed: (n) => `${n} 次因连接关闭而中断，连接上等待的请求一起失败`,
    other: (n, reason) => `${n} 次失败（${reason}）`,
  },
  onewaySends: '它的 ONEWAY 发送没有应答，所以看不到失败',
  elected: (node) => (node === 'none' ? '没有选出 Master（SyncStateSet 中没有存活的副本；未开启 unclean 选举）' : `选举 ${node} 为 Master`),
  beliefsHeading: (time) => `${time} 时各方的认知`,
  beliefsCaption: '每个 NameServer 的 Broker 表与每个客户端缓存的路由，对照真实情况。✓ 0：以 brokerId 0 列出；—：未列出；高亮的单元格表示认知有误。',
  believer: 'NameServer / 客户端',
  truth: '真实情况',
  up: '运行中',
  down: '已停止',
  cutOff: '网络分区',
  listed: (id) => `有（brokerId ${id}）`,
  listedMark: (id) => `✓ ${id}`,
  now: (id, role) => `当前 brokerId ${id}，${{ master: 'Master', slave: 'Slave', staleMaster: '旧 Master（已被取代）' }[role]}`,
  missing: '—',
  notListed: '未列出',
  wrong: (what) => `${what}，认知有误`,
  signs: {
    first: (fault, sentence) => `“${fault}”的第一个迹象：${sentence}`,
    dropped: (time, nameServers, node, after, newMaster) => `${time} · ${nameServers} 不再列出 ${node}${newMaster ? '：新 Master 占用了它的 brokerId 0' : ''}（故障后 ${after}）`,
    routesGone: (time, node, after, client, stale) => `${time} · 已没有客户端的路由列出 ${node}（故障后 ${after}；最后一个不再列出它的是 ${client}）${stale === null ? '' : `；这比第一个 NameServer 移除它晚了 ${stale.waited}${stale.topics.length === 0 ? '' : `：${stale.clients.join('、')} 拉取 ${stale.topics.join('、')} 的路由都没有拿到（TOPIC_NOT_EXIST，或没有 NameServer 应答），拿不到路由时缓存的旧路由保持不变，直到某次拉取重新拿到路由${retryTopic(stale.topics) === undefined ? '' : `（${retryTopic(stale.topics)!} 是消费者组的重试主题，CLUSTERING 消费者会连同自己的主题一起拉取它的路由）`}`}`}`,
    separator: '、',
  },
};

export const FAILOVER_STRINGS: Bilingual<FailoverStrings> = { en, zh };
