/** The space-time diagram's words, in English and Simplified Chinese (RocketMQ's terms stay in Latin script). */
import type { BrokerRoleNow } from '../../../sim/index.ts';
import type { ArrowKind, MarkKind } from '../../../viz/space-time-events.ts';
import { type Bilingual } from '../../i18n/index.ts';
import { UNIT_SPACE } from '../../../viz/format.ts';

export interface SpaceTimeStrings {
  heading: string;
  intro: string;
  windowLabel: string;
  lastSeconds(seconds: number): string;
  /** The checkbox that shows or hides the messages' own arrows (MESSAGE_ARROWS). */
  messages: string;
  messagesHint: string;
  /**
   * Said beside the checkbox while the messages are drawn: with them, the clients' and brokers'
   * periodic calls to the NameServer are lost among the sends and pulls.
   */
  untickMessages: string;
  /** Said beside it once they are hidden, while the window is too short to show a period repeat: `window` is the longer one's name (lastSeconds). */
  widenWindow(window: string): string;
  arrow: Record<ArrowKind, string>;
  mark: Record<MarkKind, string>;
  /** A broker lane's role at the playhead, under its node id (an election moves it). */
  roleNow: Record<BrokerRoleNow, string>;
  diagramLabel(from: string, to: string): string;
  bundle(count: number, what: string, from: string, to: string, time: string): string;
  markTitle(count: number, what: string, lane: string, time: string): string;
  /** Accessible names of the strokes, time first: the arrow keys walk them in time order. */
  arrowName(count: number, what: string, from: string, to: string, time: string): string;
  markName(count: number, what: string, lane: string, time: string): string;
  ruleName(fault: string, time: string): string;
  truncated(limit: number): string;
  /** The window holds no request, answer or mark yet. */
  empty: string;
  exportTrace: string;
  exportSvg: string;
  legend: string;
}

const en: SpaceTimeStrings = {
  heading: 'Space-time diagram',
  intro: 'One row per process, time to the right up to the playhead. Each arrow is a request or answer the trace records; a number is how many fell on one spot. Click one to move the playhead to it (the log highlights it); from the keyboard, Tab into the diagram, walk its events in time order with the arrow keys and press Enter.',
  windowLabel: 'Window',
  lastSeconds: (seconds) => `last ${seconds}${UNIT_SPACE}s`,
  messages: 'Message traffic',
  messagesHint: `Sends, replication, results, pulls and offset commits. Without them the last 60${UNIT_SPACE}s show the rest: each broker registering with every NameServer, each client heartbeating its brokers and pulling its routes every 30${UNIT_SPACE}s, removals and faults.`,
  untickMessages: 'Untick it to see only the registrations, heartbeats and route pulls.',
  widenWindow: (window) => `Choose the ${window} to see each of them come round again.`,
  arrow: {
    register: 'Broker registration (registerBrokerAll)', route: `Route pull answered (GET_ROUTEINFO_BY_TOPIC, every 30${UNIT_SPACE}s by default)`, send: 'Send (SEND_MESSAGE)',
    replicate: 'Replication to a slave (HA)', result: 'Send result', pull: 'Pull answer (message delivered or refused)',
    heartbeat: `Client heartbeat (HEART_BEAT, every 30${UNIT_SPACE}s by default)`, offset: 'Offset commit (UPDATE_CONSUMER_OFFSET)',
  },
  mark: {
    removed: 'Removed (route eviction / client expired)', rebalance: 'Rebalance', failed: 'Failed', lost: 'Message lost',
    topic: 'Topic config changed', chosen: 'NameServer chosen', filtered: 'Filtered out', behind: 'Stored behind a group\'s offset', duplicate: 'Consumed again (a duplicate)', fault: 'Fault',
  },
  roleNow: { master: 'master now', slave: 'slave now', staleMaster: 'old master' },
  diagramLabel: (from, to) => `Space-time diagram from ${from} to ${to}`,
  bundle: (count, what, from, to, time) => `${count > 1 ? `${count} × ` : ''}${what}: ${from} → ${to}, ${time}`,
  markTitle: (count, what, lane, time) => `${count > 1 ? `${count} × ` : ''}${what}: ${lane}, ${time}`,
  arrowName: (count, what, from, to, time) => `${time} ${from} → ${to}: ${count > 1 ? `${count} × ` : ''}${what}`,
  markName: (count, what, lane, time) => `${time} ${lane}: ${count > 1 ? `${count} × ` : ''}${what}`,
  ruleName: (fault, time) => `${time} fault: ${fault}`,
  empty: 'Nothing in this window yet: no process has sent anything. Play, or move the playhead forward.',
  truncated: (limit) => `Only the first ${limit} events of this window are drawn: choose a shorter window.`,
  exportTrace: 'Trace (JSON Lines)',
  exportSvg: 'SVG',
  legend: 'Legend',
};

const zh: SpaceTimeStrings = {
  heading: '时空图',
  intro: '每个进程一行，时间向右直到播放位置。每个箭头是轨迹记录的一次请求或应答；数字表示落在同一处的个数。点击箭头即可把播放位置移到那里（事件日志会高亮它）；用键盘时，按 Tab 进入图中，用方向键按时间顺序逐个浏览事件，按 Enter 跳转。',
  windowLabel: '时间窗口',
  lastSeconds: (seconds) => `最近 ${seconds}${UNIT_SPACE}秒`,
  messages: '消息流量',
  messagesHint: `发送、复制、发送结果、拉取和提交位点。隐藏它们后，最近 60${UNIT_SPACE}秒里能看清其余的事件：每个 Broker 每 30${UNIT_SPACE}秒向每个 NameServer 注册一次、每个客户端每 30${UNIT_SPACE}秒向它的 Broker 发送心跳、拉取一次路由，以及剔除和故障。`,
  untickMessages: '取消勾选，可只看路由注册、心跳和路由拉取。',
  widenWindow: (window) => `时间窗口选“${window}”，可看到它们各自再次出现。`,
  arrow: {
    register: 'Broker 路由注册（registerBrokerAll）', route: `路由拉取的应答（GET_ROUTEINFO_BY_TOPIC，默认每 30${UNIT_SPACE}秒）`, send: '发送（SEND_MESSAGE）',
    replicate: '复制到 Slave（HA）', result: '发送结果', pull: '拉取应答（送达消息或被拒绝）',
    heartbeat: `客户端心跳（HEART_BEAT，默认每 30${UNIT_SPACE}秒）`, offset: '提交消费位点（UPDATE_CONSUMER_OFFSET）',
  },
  mark: {
    removed: '被移除（路由剔除 / 客户端过期）', rebalance: '负载均衡（Rebalance）', failed: '失败', lost: '消息丢失',
    topic: '主题配置变更', chosen: '选定 NameServer', filtered: '被过滤', behind: '存到已越过的位点', duplicate: '重复消费', fault: '故障',
  },
  roleNow: { master: '当前 Master', slave: '当前 Slave', staleMaster: '旧 Master' },
  diagramLabel: (from, to) => `${from} 到 ${to} 的时空图`,
  bundle: (count, what, from, to, time) => `${count > 1 ? `${count} 个 ` : ''}${what}：${from} → ${to}，${time}`,
  markTitle: (count, what, lane, time) => `${count > 1 ? `${count} 个 ` : ''}${what}：${lane}，${time}`,
  arrowName: (count, what, from, to, time) => `${time} ${from} → ${to}：${count > 1 ? `${count} 个 ` : ''}${what}`,
  markName: (count, what, lane, time) => `${time} ${lane}：${count > 1 ? `${count} 个 ` : ''}${what}`,
  ruleName: (fault, time) => `${time} 故障：${fault}`,
  empty: '这个窗口里还没有任何事件：还没有进程发送过东西。请播放，或把播放位置向后移动。',
  truncated: (limit) => `这个窗口只画出了前 ${limit} 个事件：请选择更短的窗口。`,
  exportTrace: '轨迹（JSON Lines）',
  exportSvg: 'SVG',
  legend: '图例',
};

export const SPACE_TIME_STRINGS: Bilingual<SpaceTimeStrings> = { en, zh };
