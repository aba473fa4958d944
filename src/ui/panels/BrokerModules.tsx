/**
 * A broker drawn as its modules: remoting (requests by RequestCode and count), the client
 * manager (producer and consumer groups and the age of each channel's heartbeat), the store (CommitLog, one
 * ConsumeQueue per queue), HA and the index; first a map of the five, one line each, since their
 * boxes run past the inspector's first screen. With a message selected, its path through them is
 * highlighted: send processor, CommitLog, dispatch to ConsumeQueue and index, pull processor.
 */
import { useRef, type ReactNode } from 'react';
import { indexedKeys, openHaConnections, ROCKETMQ_DEFAULTS, type BrokerState, type ClientChannelInfo, type StoredMessage } from '../../sim/index.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatCount, formatPeriod, formatSeconds } from '../../viz/format.ts';
import { useSimQuery } from '../use-sim-query.ts';
import { BROKER_MODULES, moduleFigures, pulledBy, remotingRows, type BrokerModule, type ModuleFigures } from './broker-modules-model.ts';
import { BROKER_MODULES_STRINGS, type BrokerModulesStrings } from './broker-modules-strings.ts';
import { DataTable } from './DataTable.tsx';
import { bringInspectorBoxIntoView } from './inspector-box.ts';
import { brokerStatus, unflushedTail } from './status.ts';
import './modules.css';
import { useWords } from '../i18n/index.ts';

type Step = 'send' | 'commitLog' | 'consumeQueue' | 'index' | 'pull';

function Module({ name, title, on, children }: { name: BrokerModule; title: string; on: boolean; children: ReactNode }) {
  return (
    <section className={`rs-module${on ? ' rs-module-on' : ''}`} data-testid={`module-${name}`} data-on={on}>
      <h4>{title}</h4>
      {children}
    </section>
  );
}

interface ClientGroup {
  name: string;
  channels: Readonly<Record<string, ClientChannelInfo>>;
}

/** ProducerManager's or ConsumerManager's table: each group, its clients and their heartbeat's age. */
function ClientTable({ caption, empty, testId, groups, timeMs, words }: { caption: string; empty: string; testId: string; groups: ClientGroup[]; timeMs: number; words: BrokerModulesStrings }) {
  const language = usePlayback((s) => s.language);
  return (
    <>
      <p className="rs-module-caption">{caption}</p>
      {groups.length === 0 ? <p className="rs-muted" data-testid={testId}>{empty}</p> : (
        <ul data-testid={testId}>
          {groups.map((group) => (
            <li key={group.name}>
              <strong>{group.name}</strong>:{' '}
              {Object.entries(group.channels).map(([clientId, channel]) => words.channelAge(clientId, formatSeconds(timeMs - channel.lastUpdateTimestamp, language))).join('; ')}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A request code's name, and under it the processor NettyRemotingServer hands it to. */
function RequestName({ name, processor }: { name: string; processor: string }) {
  return <>{name}<br /><span className="rs-muted rs-module-processor">{processor}</span></>;
}

function titleOf(module: BrokerModule, words: BrokerModulesStrings): string {
  return { remoting: words.remoting, clientManager: words.clientManager, store: words.store, ha: words.ha, index: words.indexTitle }[module];
}

/** `reputStoppedAt`: a slave's ReputMessageService stopped there (ha-service.ts), so the store's ConsumeQueues and the index froze while its CommitLog copies on. */
function figureOf(module: BrokerModule, figures: ModuleFigures, reputStoppedAt: number | null, words: BrokerModulesStrings): string {
  const { figures: say } = words;
  switch (module) {
    case 'remoting': return say.remoting(figures.requests);
    case 'clientManager': return say.clientManager(figures.producerGroups, figures.consumerGroups);
    case 'store': return say.store(figures.messages, reputStoppedAt);
    case 'ha': return figures.ha.role === 'master' ? say.haMaster(figures.ha.slaves) : say.haSlave(figures.ha.connected, reputStoppedAt);
    case 'index': return say.index(figures.indexEntries, reputStoppedAt);
  }
}

/** Room kept between a box brought into view and the inspector's title above it, or the window's edge below. */
const BOX_GAP = 8;

/**
 * Brings a module's box into view (inspector-box.ts): the module map's buttons, and a chapter step
 * about the part (src/ui/learn/use-broker-module.ts). False while the box is not there yet.
 */
export function bringModuleIntoView(root: ParentNode, module: BrokerModule): boolean {
  const box = root.querySelector<HTMLElement>(`[data-testid="module-${module}"]`);
  if (!box) return false;
  bringInspectorBoxIntoView(box, BOX_GAP);
  return true;
}

/** The five modules at a glance, each a button that brings its box below into view. */
function ModuleMap({ figures, reputStoppedAt, onPick, words }: { figures: ModuleFigures; reputStoppedAt: number | null; onPick: (module: BrokerModule) => void; words: BrokerModulesStrings }) {
  return (
    <ul className="rs-module-map" aria-label={words.mapLabel} data-testid="module-map">
      {BROKER_MODULES.map((module) => (
        <li key={module}>
          <button type="button" data-testid={`module-map-${module}`} onClick={() => onPick(module)}>
            <strong>{titleOf(module, words)}</strong> <span className="rs-muted">{figureOf(module, figures, reputStoppedAt, words)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** `passed`: the readers whose offset was past the message when it was stored (message.storedBehind): their committed offset is past it, but no pull gave it out. */
function MessagePath({ broker, message, passed, words }: { broker: Readonly<BrokerState>; message: StoredMessage; passed: readonly string[]; words: BrokerModulesStrings }) {
  const language = usePlayback((s) => s.language);
  const config = usePlayback((s) => s.scenario?.config) ?? ROCKETMQ_DEFAULTS;
  const keys = indexedKeys(message.keys, message.msgId).map((key) => `${message.topic}#${key}`);
  const steps: [Step, string][] = [
    ['send', words.steps.send(message.producer, broker.brokerId !== 0)],
    ['commitLog', words.steps.commitLog(formatCount(message.commitLogOffset), message.size)],
    ['consumeQueue', words.steps.consumeQueue(message.topic, message.queueId, message.queueOffset)],
    ['index', words.steps.index(keys.join(', '))],
    ['pull', passed.length > 0 ? words.steps.passed(passed) : words.steps.pull(pulledBy(broker, message), formatPeriod(config.persistConsumerOffsetIntervalMs, language))],
  ];
  return (
    <ol className="rs-module-path" aria-label={words.path(message.msgId)} data-testid="module-path">
      {steps.map(([step, text]) => <li key={step} data-testid={`path-${step}`}>{text}</li>)}
    </ol>
  );
}

/**
 * A stored message's path through a broker's modules, for the message's card: at 1280 px the card
 * docks over the side column, where the inspector would show it. Read where the run lives.
 */
export function MessagePathOn({ broker, msgId }: { broker: Readonly<BrokerState>; msgId: string }) {
  const words = useWords(BROKER_MODULES_STRINGS);
  const store = useSimQuery('brokerStore', { broker: broker.node, msgId }).data;
  const message = store?.message;
  if (!message) return null;
  return (
    <section className="rs-card-section" data-testid="card-modules">
      <h3>{words.pathIn(broker.node)}</h3>
      <p className="rs-muted">{words.pathInIntro}</p>
      <MessagePath broker={broker} message={message} passed={store.passedBy} words={words} />
    </section>
  );
}

/** A stopped broker as the modules view names it: a machine without power is not called crashed (brokerStatus). */
function notRunningStatus(broker: Readonly<BrokerState>): Parameters<BrokerModulesStrings['notRunning']>[0] {
  const status = brokerStatus(broker);
  return status === 'poweredOff' || status === 'notStarted' || status === 'shutdown' ? status : 'crashed';
}

export function BrokerModules({ broker, timeMs, msgId }: { broker: Readonly<BrokerState>; timeMs: number; msgId: string | null }) {
  const words = useWords(BROKER_MODULES_STRINGS);
  const haConnections = openHaConnections(usePlayback((s) => s.scenario?.config) ?? ROCKETMQ_DEFAULTS, broker, timeMs);
  // The whole CommitLog is read where the run lives: the page holds only its latest entries.
  const store = useSimQuery('brokerStore', { broker: broker.node, msgId }).data;
  const message = store?.message ?? null;
  const on = message !== null;
  const root = useRef<HTMLDivElement>(null);
  const bringIntoView = (module: BrokerModule) => root.current && bringModuleIntoView(root.current, module);
  const unflushed = unflushedTail(broker);
  const requests = remotingRows(broker).map((row) => ({
    key: row.name,
    cells: [<RequestName key="name" name={row.name} processor={row.processor} />, row.code === null ? '—' : String(row.code), formatCount(row.count)],
  }));
  return (
    <div ref={root} className="rs-modules" data-testid="broker-modules">
      <h4 className="rs-modules-title">{words.title}</h4>
      {broker.status !== 'running' && <p className="rs-muted" data-testid="modules-not-running">{words.notRunning(notRunningStatus(broker))}</p>}
      <ModuleMap figures={moduleFigures(broker, haConnections.length, store?.indexEntries)} reputStoppedAt={broker.reputStoppedAt} onPick={bringIntoView} words={words} />
      {msgId === null ? <p className="rs-muted">{words.pathHint}</p>
        : store === undefined ? null
          : message === null ? <p className="rs-muted">{words.notOnThisBroker(msgId)}</p>
            : <MessagePath broker={broker} message={message} passed={store?.passedBy ?? []} words={words} />}
      <Module name="remoting" title={words.remoting} on={on}>
        <DataTable caption={words.remotingHint} columns={[...words.requestColumns]} rows={requests} empty={words.noRequests} testId="remoting-requests" />
      </Module>
      <Module name="clientManager" title={words.clientManager} on={false}>
        <ClientTable caption={words.producerGroups} empty={words.noProducers(broker.brokerId !== 0)} testId="module-producer-groups"
          groups={Object.entries(broker.producerTable).map(([name, channels]) => ({ name, channels }))} timeMs={timeMs} words={words} />
        <ClientTable caption={words.consumerGroups} empty={words.noConsumers} testId="module-consumer-groups"
          groups={Object.values(broker.consumerTable).map((group) => ({ name: `${group.groupName} (${group.messageModel})`, channels: group.channels }))} timeMs={timeMs} words={words} />
      </Module>
      <Module name="store" title={words.store} on={on}>
        <p data-testid="module-commitlog">{words.commitLog(formatCount(broker.commitLog.length), formatCount(broker.maxPhyOffset))}</p>
        {unflushed && <p className="rs-muted" data-testid="module-commitlog-unflushed">{words.unflushed(formatCount(unflushed.bytes), unflushed.messages === null ? null : formatCount(unflushed.messages))}</p>}
        <p className="rs-module-caption">{words.consumeQueues}</p>
        <ul className="rs-mono" data-testid="module-consumequeues">
          {Object.entries(broker.consumeQueues).map(([topic, queues]) => (
            <li key={topic}>{topic}: {queues.map((queue, queueId) => `${queueId}:${queue.length}`).join('  ')}</li>
          ))}
        </ul>
      </Module>
      <Module name="ha" title={words.ha} on={on && broker.brokerId !== 0}>
        {broker.role === 'SLAVE' ? <p>{words.haMaster(broker.haMasterAddr ?? '—', broker.haConnected)}</p> : (
          haConnections.length === 0 ? <p className="rs-muted">{words.haNone}</p> : (
            <ul data-testid="module-ha-slaves">
              {haConnections.map((connection) => (
                <li key={connection.slave}>{words.haSlave(connection.slave, formatCount(connection.ackIndex), formatCount(broker.commitLog.length))}</li>
              ))}
            </ul>
          )
        )}
      </Module>
      <Module name="index" title={words.indexTitle} on={on}>
        {broker.reputStoppedAt !== null ? <p data-testid="module-index-entries">{words.indexFrozen(formatCount(broker.reputStoppedAt))}</p>
          : store && <p data-testid="module-index-entries">{words.index(formatCount(store.indexEntries))}</p>}
      </Module>
    </div>
  );
}
