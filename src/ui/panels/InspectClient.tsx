/**
 * A producer's or consumer's MQClientInstance: the chosen NameServer, each cached route as the
 * write queues (topicRouteData2TopicPublishInfo) and read queues (topicRouteData2TopicSubscribeInfo)
 * it gives, and for a consumer its allocated queues with their offsets.
 */
import { Fragment, type ReactNode } from 'react';
import { compareMessageQueue, computeNotAvailableDuration, LATENCY_TABLES, queueLabel, topicRouteData2PublishQueues, topicRouteData2SubscribeQueues, type ClientState, type ConsumerState, type ProducerState, type SimConfig } from '../../sim/index.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatPeriod, formatSeconds, UNIT_SPACE } from '../../viz/format.ts';
import { CLIENT_VIEW_STRINGS, type ChoiceReason } from './client-view-strings.ts';
import { Countdown } from './Countdown.tsx';
import { BreakableName, DataTable, Facts } from './DataTable.tsx';
import type { InspectStrings } from './inspector-strings.ts';
import { clientStatus } from './status.ts';
import { InspectTitle } from './shared.tsx';
import { useWords } from '../i18n/index.ts';

/** Queue labels (broker-a:0 broker-a:1 ...) that wrap between labels, never inside one (after broker-). */
function QueueList({ labels, strings }: { labels: string[]; strings: InspectStrings }) {
  if (labels.length === 0) return <span className="rs-mono">{strings.none}</span>;
  return <span className="rs-mono rs-queue-list">{labels.map((label, i) => <Fragment key={label}>{i > 0 && ' '}<span>{label}</span></Fragment>)}</span>;
}

/** Up to this many queues a route lists one by one; a larger one (10 brokers x 64 queues) ran thousands of pixels down the inspector. */
const QUEUES_LISTED_EACH = 32;

/**
 * A route's queues as the inspector lists them: one label each, or past QUEUES_LISTED_EACH each
 * run of a broker's consecutive ids as one ("broker-01:0–63"), in the route's own order.
 */
function queueLabels(queues: readonly Parameters<typeof queueLabel>[0][]): string[] {
  if (queues.length <= QUEUES_LISTED_EACH) return queues.map(queueLabel);
  const labels: string[] = [];
  let first = 0;
  queues.forEach((mq, i) => {
    const next = queues[i + 1];
    if (next && next.brokerName === mq.brokerName && next.queueId === mq.queueId + 1) return;
    const start = queues[first]!;
    labels.push(start === mq ? queueLabel(mq) : `${queueLabel(start)}–${mq.queueId}`);
    first = i + 1;
  });
  return labels;
}

/** topicRouteTable's topic column and faultItemTable's broker column: a name kept on one line, which the columns beside it would squeeze to a few letters a line. */
const TOPIC_COLUMN = [0];

function AllocatedQueues({ consumer, strings }: { consumer: Readonly<ConsumerState>; strings: InspectStrings }) {
  const rows = Object.entries(consumer.processQueueTable)
    .filter(([, pq]) => !pq.dropped)
    .map(([key, pq]) => ({
      key,
      cells: [
        pq.mq.topic, queueLabel(pq.mq), String(pq.nextOffset),
        String(consumer.offsetTable[key] ?? '—'), String(consumer.committedOffsets[key] ?? '—'), String(pq.outstanding.length),
      ],
    }));
  return (
    <>
      <DataTable caption={strings.allocatedQueues} columns={[strings.topic, strings.queue, 'nextOffset', strings.offset, strings.persisted, strings.pendingMessages]}
        rows={rows} empty={strings.none} testId="allocatedQueues" identifiers={TOPIC_COLUMN} dense />
      {rows.length > 0 && consumer.spec.messageModel === 'CLUSTERING' && <p className="rs-muted rs-offsets-note" data-testid="offsets-note">{strings.offsetsNote}</p>}
    </>
  );
}

/** A producer's LatencyFaultToleranceImpl.faultItemTable at the playhead, or why it has none. */
function FaultItems({ producer, timeMs, config, strings }: { producer: Readonly<ProducerState>; timeMs: number; config: SimConfig; strings: InspectStrings }) {
  const language = usePlayback((s) => s.language);
  if (!config.sendLatencyFaultEnable) return <p className="rs-muted" data-testid="fault-items-off">{strings.faultOff}</p>;
  const is5x = config.rocketmqVersion === '5.x';
  const isolation = formatPeriod(computeNotAvailableDuration(LATENCY_TABLES[config.rocketmqVersion].isolationLatency, config.rocketmqVersion), language);
  const rows = Object.values(producer.latencyFaultTolerance.faultItemTable).map((item) => ({
    key: item.brokerName,
    cells: [
      item.brokerName, `${item.currentLatency}${UNIT_SPACE}ms`,
      timeMs >= item.startTimestamp ? strings.faultAvailable : strings.faultIsolatedFor(formatSeconds(item.startTimestamp - timeMs, language)),
      ...(is5x ? [item.reachable ? strings.yes : strings.no] : []),
    ],
  }));
  const { broker, latency, available, reachable } = strings.faultColumns;
  return (
    <>
      <DataTable caption={strings.faultItemTable} columns={[broker, latency, available, ...(is5x ? [reachable] : [])]} rows={rows} empty={strings.faultNone} testId="faultItemTable" dense whole={TOPIC_COLUMN} />
      <p className="rs-muted" data-testid="fault-items-note">{strings.faultNote(isolation, is5x)}</p>
    </>
  );
}

function roleFacts(client: Readonly<ClientState>, strings: InspectStrings): [string, ReactNode][] {
  if (client.kind === 'producer') {
    return [[strings.producerGroup, client.spec.group], [strings.topic, client.spec.topic], ['sendMode', client.spec.sendMode], [strings.sendRateLabel, strings.sendRate(client.ratePerSec)]];
  }
  // BROADCASTING takes every queue and never asks the strategy (RebalanceImpl.rebalanceByTopic).
  const strategy: [string, string][] = client.spec.messageModel === 'CLUSTERING' ? [['allocateStrategy', client.spec.allocateStrategy]] : [];
  return [
    [strings.consumerGroup, client.spec.group], [strings.topic, client.spec.topic], [strings.subscription, client.spec.subscription],
    ['messageModel', client.spec.messageModel], ...strategy, ['consumeFromWhere', <BreakableName key="from" name={client.spec.consumeFromWhere} />], [strings.listener, strings.concurrent],
  ];
}

/** Which NameServer the client talks to, and why (NettyRemotingClient.getAndCreateNameserverChannel). */
function choiceReason(client: Readonly<ClientState>): ChoiceReason {
  if (client.namesrvChosen === null) return { kind: 'notYet' };
  if (client.namesrvLeft === null) return { kind: 'randomStart', list: client.namesrvAddrList };
  return { kind: 'after', failed: client.namesrvLeft, list: client.namesrvAddrList };
}

function NameServerChoice({ client, timeMs, config, strings }: { client: Readonly<ClientState>; timeMs: number; config: SimConfig; strings: InspectStrings }) {
  const language = usePlayback((s) => s.language);
  const words = useWords(CLIENT_VIEW_STRINGS);
  const remaining = client.nextRouteRefreshAt - timeMs;
  const period = formatPeriod(config.pollNameServerIntervalMs, language);
  return (
    <dl className="rs-facts rs-client-nameserver" data-testid="client-nameserver">
      <div>
        <dt>{strings.chosenNameServer}</dt>
        <dd><strong data-testid="client-chosen">{client.namesrvChosen ?? '—'}</strong> <span className="rs-muted" data-testid="client-chosen-why">{words.chosenWhy(choiceReason(client))}</span></dd>
      </div>
      {client.status === 'running' && (
        <div>
          <dt>{words.nextRoutePull}</dt>
          <dd data-testid="client-next-route-pull">
            <Countdown remainingMs={remaining} totalMs={config.pollNameServerIntervalMs} label={words.nextRoutePullIn(formatSeconds(Math.max(0, remaining), language), period)} />
            {client.routeRound[0] !== undefined && <p className="rs-muted" data-testid="client-pulling-now">{words.pullingNow(client.routeRound[0])}</p>}
          </dd>
        </div>
      )}
    </dl>
  );
}

export function InspectClient({ client, timeMs, config, strings }: { client: Readonly<ClientState>; timeMs: number; config: SimConfig; strings: InspectStrings }) {
  const routeRows = Object.entries(client.topicRouteTable).map(([topic, route]) => ({
    key: topic,
    // The read queues in the order RebalanceImpl allocates them (sorted, MessageQueue.compareTo), which is
    // the write list's too (topicRouteData2TopicPublishInfo sorts by brokerName): a queue sits on one line in both.
    cells: [
      topic,
      <QueueList key="w" labels={queueLabels(topicRouteData2PublishQueues(topic, route))} strings={strings} />,
      <QueueList key="r" labels={queueLabels(topicRouteData2SubscribeQueues(topic, route).sort(compareMessageQueue))} strings={strings} />,
    ],
  }));
  return (
    <div className="rs-inspect" data-testid="inspect-client">
      <InspectTitle>{client.kind === 'producer' ? strings.producer : strings.consumer} {client.id}</InspectTitle>
      <Facts items={[
        [strings.statusLabel, strings.status[clientStatus(client)]],
        ['clientId', client.clientId],
        ['namesrvAddrList', client.namesrvAddrList.length === 0 ? strings.none : `${client.namesrvAddrList.join(', ')} ${strings.shuffledAtStart}`],
        ...roleFacts(client, strings),
      ]} />
      {client.kind === 'consumer' && <p className="rs-muted" data-testid="listener-note">{strings.orderlyNotModelled}</p>}
      <NameServerChoice client={client} timeMs={timeMs} config={config} strings={strings} />
      <DataTable caption={strings.topicRouteTable} columns={[strings.topic, strings.writeQueues, strings.readQueues]} rows={routeRows} empty={strings.none} testId="topicRouteTable" whole={TOPIC_COLUMN} />
      {client.kind === 'consumer' && <AllocatedQueues consumer={client} strings={strings} />}
      {client.kind === 'producer' && <FaultItems producer={client} timeMs={timeMs} config={config} strings={strings} />}
    </div>
  );
}
