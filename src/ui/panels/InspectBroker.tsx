/**
 * A broker's tables: topicConfigTable with perm2String, the consume queues' maxOffset per
 * queue id, consumerTable (groups and their channels) and consumerOffsetTable; and its
 * replication: a master's connected slaves and what each acknowledged, a slave's HA master.
 */
import { lazy, Suspense } from 'react';
import { haServerAddr, openHaConnections, perm2String, rejectsPulls, ROCKETMQ_DEFAULTS, type BrokerState } from '../../sim/index.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatPeriod, formatSeconds } from '../../viz/format.ts';
import { labelled, listed } from '../i18n/index.ts';
import { DataTable, Facts } from './DataTable.tsx';
import { brokerStatus, haAbsence, unflushedTail } from './status.ts';
import type { InspectStrings } from './inspector-strings.ts';
import { InspectTitle } from './shared.tsx';

/** The modules view (and its tables) loads on first use: most visits never open a broker. */
const BrokerModules = lazy(() => import('./BrokerModules.tsx').then((module) => ({ default: module.BrokerModules })));

/** `msgId`: the selected message, whose path through this broker's modules is highlighted. */
/** A group's name and the name beside it (messageModel, topic@queueId) on one line: CG_ORDER broke into CG_ / ORD / ER in the side column. */
const NAMES_WHOLE = [0, 1];
/** A table's topic names, broken only between their parts (%RETRY% / CG_ORDER). */
const FIRST_COLUMN = [0];

/** A master's HA line when it holds no open connection: why none (haAbsence), else no slave connected yet. */
function noHaConnection(broker: Readonly<BrokerState>, strings: InspectStrings, housekeeping: string): string {
  const why = haAbsence(broker);
  if (why === null) return strings.haNoSlave;
  return why === 'cutOff' ? strings.haCutOff(housekeeping) : strings.haDown(why);
}

export function InspectBroker({ broker, timeMs, strings, msgId = null }: { broker: Readonly<BrokerState>; timeMs: number; strings: InspectStrings; msgId?: string | null }) {
  // A connection the master's read service closed for silence stays in the state until a reader drops it.
  const config = usePlayback((s) => s.scenario?.config) ?? ROCKETMQ_DEFAULTS;
  const language = usePlayback((s) => s.language);
  const topicRows = Object.values(broker.topicConfigTable).map((config) => ({
    key: config.topicName,
    cells: [config.topicName, String(config.writeQueueNums), String(config.readQueueNums), perm2String(config.perm)],
  }));
  const queueRows = Object.entries(broker.consumeQueues).map(([topic, queues]) => ({
    key: topic,
    cells: [topic, <span key="q" className="rs-mono">{queues.map((queue, queueId) => `${queueId}:${queue.length}`).join('  ')}</span>],
  }));
  const groupRows = Object.values(broker.consumerTable).map((group) => ({
    key: group.groupName,
    cells: [
      group.groupName, group.messageModel,
      listed(Object.entries(group.channels).map(([clientId, channel]) => strings.channel(clientId, strings.ago(formatSeconds(timeMs - channel.lastUpdateTimestamp, language)))), language) || strings.none,
      Object.entries(group.subscriptions).map(([topic, expression]) => `${topic}: ${expression}`).join(', '),
    ],
  }));
  const replication: [string, string][] = broker.role === 'SLAVE'
    ? [
      [strings.haMasterLabel, strings.haMaster(broker.haMasterAddr === null ? null : haServerAddr(broker.haMasterAddr), broker.haConnected)],
      ['slaveReadEnable', strings.slaveRead(broker.slaveReadEnable, rejectsPulls({ config }, broker))],
      ...(broker.reputStoppedAt === null ? [] : [['ReputMessageService', strings.reputStopped(broker.reputStoppedAt)] as [string, string]]),
    ]
    : [[strings.haSlaves, openHaConnections(config, broker, timeMs).map((connection) => labelled(connection.slave, strings.haAcked(connection.ackIndex, broker.commitLog.length), language)).join(language === 'zh' ? '；' : '; ')
      || noHaConnection(broker, strings, formatPeriod(config.haHousekeepingIntervalMs, language))]];
  const unflushed = unflushedTail(broker);
  const offsetRows = Object.entries(broker.consumerOffsetTable).flatMap(([group, offsets]) =>
    Object.entries(offsets).map(([key, offset]) => ({ key: `${group}|${key}`, cells: [group, key, String(offset)] })));
  return (
    <div className="rs-inspect" data-testid="inspect-broker">
      <InspectTitle>Broker {broker.name}/{broker.brokerId}</InspectTitle>
      <Facts items={[
        [strings.statusLabel, strings.status[brokerStatus(broker)]],
        [strings.role, broker.role],
        [strings.address, broker.addr],
        [strings.cluster, broker.cluster],
        [strings.commitLogLabel, `${strings.messagesCount(broker.commitLog.length)}${unflushed ? strings.unflushed(unflushed.bytes, unflushed.messages) : ''}`],
        ...replication,
      ]} />
      <Suspense fallback={null}><BrokerModules broker={broker} timeMs={timeMs} msgId={msgId} /></Suspense>
      <DataTable caption={strings.topicConfigTable} columns={[strings.topic, 'writeQueueNums', 'readQueueNums', 'perm']} rows={topicRows} empty={strings.none} testId="topicConfigTable" identifiers={FIRST_COLUMN} />
      <DataTable caption={strings.consumeQueues} columns={[strings.topic, 'queueId:maxOffset']} rows={queueRows} empty={strings.none} testId="consumeQueues" identifiers={FIRST_COLUMN} />
      <DataTable caption={strings.consumerTable} columns={[strings.group, 'messageModel', strings.channels, strings.subscription]} rows={groupRows} empty={strings.none} testId="consumerTable" whole={NAMES_WHOLE} />
      <DataTable caption={strings.consumerOffsetTable} columns={[strings.group, 'topic@queueId', strings.committed]} rows={offsetRows} empty={strings.none} testId="consumerOffsetTable" whole={NAMES_WHOLE} />
    </div>
  );
}
