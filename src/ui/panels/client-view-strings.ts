/**
 * The words of the NameServer's side and the client's side of routing, in English and
 * Simplified Chinese: the broker's registrations (the periodic one every registerNameServerPeriod is its heartbeat),
 * the NameServer a client chose and why, and its next route pull (the RocketMQ 4.x / 5.x switch has its
 * own words, version-switch-strings.ts).
 * Every number comes from the run's config.
 */
import { type Bilingual } from '../i18n/index.ts';

export type ChoiceReason = { kind: 'notYet' } | { kind: 'randomStart'; list: string[] } | { kind: 'after'; failed: string; list: string[] };

interface ClientViewStrings {
  sinceHeartbeat: (period: string) => string;
  /** `idle`: serverChannelMaxIdleTime, null when the idle close is off. */
  heartbeatNote: (period: string, expiry: string, scan: string, idle: string | null) => string;
  chosenWhy: (reason: ChoiceReason) => string;
  nextRoutePull: string;
  nextRoutePullIn: (duration: string, period: string) => string;
  /** A refresh round under way: the query for `topic` is on its way to the NameServer or back. */
  pullingNow: (topic: string) => string;
}

const en: ClientViewStrings = {
  sinceHeartbeat: (period) => `Since last registration (heartbeat every ${period})`,
  heartbeatNote: (period, expiry, scan, idle) => `A broker's heartbeat is its full registration (REGISTER_BROKER) sent to every NameServer every ${period}; it also registers at once after a topic is created or updated, and every registration restarts the expiry. A NameServer removes a broker at once when its connection closes (a crash, a shutdown); a silent one (cut off, or its machine without power) ${idle === null ? '' : `when its channel has been idle ${idle}, or `}at its scan every ${scan} once its last registration is older than ${expiry}.`,
  chosenWhy: (reason) => {
    switch (reason.kind) {
      case 'notYet': return 'none yet: chosen at the first request to a NameServer';
      case 'randomStart': return `a random start (namesrvIndex) in the shuffled list ${reason.list.join(', ')}, kept while its channel works`;
      case 'after': return `the next in the shuffled list ${reason.list.join(', ')} once ${reason.failed} could not be used (its channel closed, or a request to it failed)`;
    }
  },
  nextRoutePull: 'Next route pull',
  nextRoutePullIn: (duration, period) => `${duration} until updateTopicRouteInfoFromNameServer (every ${period})`,
  pullingNow: (topic) => `Pulling now: the query for ${topic}'s route (GET_ROUTEINFO_BY_TOPIC) is on its way; until its answer the client keeps what it has cached (below).`,
};

const zh: ClientViewStrings = {
  sinceHeartbeat: (period) => `距上次注册（每 ${period}一次心跳）`,
  heartbeatNote: (period, expiry, scan, idle) => `Broker 的心跳就是它每 ${period}向每个 NameServer 发送的完整路由注册（REGISTER_BROKER）；创建或更新主题后它还会立即注册一次，每次注册都会让过期计时重新开始。连接关闭时（崩溃、关闭）NameServer 立即剔除该 Broker；沉默的 Broker（网络被隔离，或机器断电）${idle === null ? '' : `在连接空闲满 ${idle}时被剔除，或者`}在每 ${scan}一次的扫描中，距上次注册已超过 ${expiry}时被剔除（路由剔除）。`,
  chosenWhy: (reason) => {
    switch (reason.kind) {
      case 'notYet': return '尚未选定：第一次请求 NameServer 时选定';
      case 'randomStart': return `：从打乱后的列表 ${reason.list.join('、')} 中的随机位置（namesrvIndex）选中，连接正常时一直用它`;
      case 'after': return `：${reason.failed} 不能再用（连接已关闭，或向它的请求失败）后，改用打乱后的列表 ${reason.list.join('、')} 中的下一个`;
    }
  },
  nextRoutePull: '下一次路由拉取',
  nextRoutePullIn: (duration, period) => `距 updateTopicRouteInfoFromNameServer 还有 ${duration}（每 ${period}一次）`,
  pullingNow: (topic) => `正在拉取：查询 ${topic} 路由的请求（GET_ROUTEINFO_BY_TOPIC）还在路上；应答到达之前，客户端沿用下面缓存的内容。`,
};

export const CLIENT_VIEW_STRINGS: Bilingual<ClientViewStrings> = { en, zh };
