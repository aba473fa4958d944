/**
 * RocketMQ 4.x or 5.x: the switch replays the run with `config.rocketmqVersion` changed (a
 * rebuild back to this moment: the version matters from 0:00) and says what it changes, read
 * from the defaults themselves (ROCKETMQ_4X_OVERRIDES, LATENCY_TABLES), grouped by the process
 * that behaves differently. A radio group as WAI-ARIA's pattern has it: one Tab stop, the checked
 * radio, and the arrows move to the other and check it. A version the scenario cannot run as (4.x
 * in controller mode) is aria-disabled, with the reason beside it, and the arrows pass it by; a
 * rebuild the scenario rules refuse anyway says why next to the switch.
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Language } from '../../scenario/language.ts';
import { messageIn, type ValidationError } from '../../scenario/validate.ts';
import {
  computeNotAvailableDuration, DISPATCH_PULL_DELAY_MS, LATENCY_TABLES, ROCKETMQ_4X_OVERRIDES, ROCKETMQ_DEFAULTS, ROCKETMQ_VERSIONS,
  type ConfigKey, type RocketMQVersion, type Scenario, type SimConfig,
} from '../../sim/index.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatPeriod } from '../../viz/format.ts';
import { applyEdit } from '../editor/apply.ts';
import { useWords } from '../i18n/index.ts';
import { moveIndex, type IndexMoves } from '../keys.ts';
import { VERSION_SWITCH_WORDS, type SlaveSyncTiming, type VersionRow, type VersionSwitchWords } from './version-switch-strings.ts';
import './counters.css';
import './version-switch.css';

/** Oldest first, as a reader compares them. */
const VERSIONS = [...ROCKETMQ_VERSIONS].sort();
/**
 * The version just chosen from the switch, until its radio has focus again: the rebuild empties the
 * NameServer panel until the new run's first frame (NameServerPanel's EmptyPanel), so the switch is
 * drawn anew and the focus it had fell to the page's body. Outside the component, which that unmounts.
 */
let refocusVersion: RocketMQVersion | null = null;

/** A radio group's arrows: ← ↑ to the previous, → ↓ to the next, round from the last to the first; no Home or End. */
const RADIO_MOVES: IndexMoves = { axis: 'both', wrap: true, ends: false };

type Group = keyof VersionSwitchWords['groups'];
const GROUPS: readonly Group[] = ['nameServer', 'producer', 'consumer', 'broker', 'otherDefaults'];
/** Where a changed default's row goes; a key not named here lands in "other defaults". */
const GROUP_OF_DEFAULT: Partial<Record<ConfigKey, Group>> = {
  scanNotActiveBrokerIntervalMs: 'nameServer',
  scanNotActiveBrokerInitialDelayMs: 'nameServer',
  rebalanceMinIntervalMs: 'consumer',
  registerBrokerTimeoutMs: 'broker',
};
/** SlaveSynchronize's keys, said together in one row (slaveSyncTiming) rather than one by one. */
const SLAVE_SYNC_KEYS: ReadonlySet<ConfigKey> = new Set(['slaveSyncInitialDelayMs', 'slaveSyncCheckIntervalMs', 'slaveSyncMinIntervalMs']);

function withVersion(source: unknown, version: RocketMQVersion): unknown {
  const raw = structuredClone(source) as { config?: Record<string, unknown> };
  return { ...raw, config: { ...raw.config, rocketmqVersion: version } };
}

/**
 * Why the scenario cannot run as `version`, or null: controller mode, a controller in the
 * NameServer or a standalone one exist only from 5.0 (BrokerConfig.enableControllerMode), and the
 * scenario rules refuse them in 4.x (check-topology.ts).
 */
function unavailableReason(scenario: Pick<Scenario, 'config' | 'controllers'>, version: RocketMQVersion, words: VersionSwitchWords): string | null {
  const { config } = scenario;
  const controllerMode = config.enableControllerMode || config.enableControllerInNamesrv || (scenario.controllers?.length ?? 0) > 0;
  return version === '4.x' && controllerMode ? words.controllerModeOnly5x : null;
}

function durations(values: readonly number[], language: Language): string {
  return values.map((ms) => formatPeriod(ms, language)).join(' / ');
}

/** A version's defaults: RocketMQ's (5.x), with 4.x's own over them (as resolveConfig does). */
function defaultsOf(version: RocketMQVersion): SimConfig {
  return { ...ROCKETMQ_DEFAULTS, ...(version === '4.x' ? ROCKETMQ_4X_OVERRIDES : {}) };
}

/**
 * BrokerController's SlaveSynchronize task: the first check initialDelay after start, then one
 * every checkInterval; 5.x syncs only when more than minInterval passed since the last sync, whose
 * clock starts when the broker is built, so the first sync is the first check past minInterval.
 */
function slaveSyncTiming(version: RocketMQVersion, language: Language): SlaveSyncTiming {
  const { slaveSyncInitialDelayMs: initial, slaveSyncCheckIntervalMs: every, slaveSyncMinIntervalMs: min } = defaultsOf(version);
  const checksBefore = min <= 0 || initial > min ? 0 : Math.floor((min - initial) / every) + 1;
  return {
    initial: formatPeriod(initial, language), every: formatPeriod(every, language),
    minInterval: min <= 0 ? null : formatPeriod(min, language), first: formatPeriod(initial + checksBefore * every, language),
  };
}

/** The keys whose default differs, with both values, each in its group. */
function changedDefaults(language: Language): [Group, VersionRow][] {
  const keys = (Object.keys(ROCKETMQ_4X_OVERRIDES) as ConfigKey[]).filter((key) => !SLAVE_SYNC_KEYS.has(key));
  return keys.map((key) => [GROUP_OF_DEFAULT[key] ?? 'otherDefaults',
    { name: key.replace(/Ms$/, ''), v4: formatPeriod(Number(ROCKETMQ_4X_OVERRIDES[key]), language), v5: formatPeriod(Number(ROCKETMQ_DEFAULTS[key]), language) }]);
}

/** RebalanceImpl.dispatchPullRequest's delay for the queues a rebalance took: null for at once. */
function pullDelay(version: RocketMQVersion, language: Language): string | null {
  const delay = DISPATCH_PULL_DELAY_MS[version];
  return delay === 0 ? null : formatPeriod(delay, language);
}

/** MQFaultStrategy's tables (LATENCY_TABLES) and rules, which apply only with sendLatencyFaultEnable. */
function latencyFaultRows(words: VersionSwitchWords, language: Language): VersionRow[] {
  const isolation = (version: RocketMQVersion) => formatPeriod(computeNotAvailableDuration(LATENCY_TABLES[version].isolationLatency, version), language);
  const table = (key: 'latencyMax' | 'notAvailableDuration'): VersionRow =>
    ({ name: key, v4: durations(LATENCY_TABLES['4.x'][key], language), v5: durations(LATENCY_TABLES['5.x'][key], language) });
  return [
    table('latencyMax'), table('notAvailableDuration'), { name: words.isolation, v4: isolation('4.x'), v5: isolation('5.x') },
    words.isolationEnd, words.retryAvoidsLast, words.brokerNotExist,
  ];
}

/** What the page says in each group: every row a string, or MQFaultStrategy's header with its rows. */
type Line = string | { header: string; rows: string[] };

function changeLines(words: VersionSwitchWords, config: SimConfig, language: Language): Record<Group, Line[]> {
  const row = words.row;
  const changed = changedDefaults(language);
  const defaultsIn = (group: Group) => changed.filter(([inGroup]) => inGroup === group).map(([, versions]) => row(versions));
  return {
    nameServer: [...defaultsIn('nameServer'), row(words.refusedNameServer), row(words.unansweredNameServer)],
    producer: [
      row(words.producerDefaultTopic(formatPeriod(config.pollNameServerIntervalMs, language))), row(words.illegalQueueId),
      { header: words.latencyFault, rows: latencyFaultRows(words, language).map(row) },
    ],
    consumer: [
      ...defaultsIn('consumer'), row(words.firstPull(pullDelay('4.x', language), pullDelay('5.x', language))),
      row(words.unbalancedRebalance(formatPeriod(config.rebalanceIntervalMs, language), formatPeriod(defaultsOf('5.x').rebalanceMinIntervalMs, language))),
      row(words.broadcastingNotified), row(words.retryToDlq(config.maxReconsumeTimes)),
    ],
    broker: [
      ...defaultsIn('broker'), words.syncMaster.v4(formatPeriod(config.slaveTimeoutMs, language)), words.syncMaster.v5, row(words.slaveReads),
      row(words.slaveSync(slaveSyncTiming('4.x', language), slaveSyncTiming('5.x', language))), row(words.slaveTakesPullOffsets),
      row(words.haSilentMaster(formatPeriod(config.haHousekeepingIntervalMs, language))), row(words.primeSlave),
    ],
    otherDefaults: defaultsIn('otherDefaults'),
  };
}

function LineItem({ line }: { line: Line }) {
  if (typeof line === 'string') return <li>{line}</li>;
  return <li>{line.header}<ul>{line.rows.map((text) => <li key={text}>{text}</li>)}</ul></li>;
}

function Changes({ words, config, language }: { words: VersionSwitchWords; config: SimConfig; language: Language }) {
  const lines = changeLines(words, config, language);
  return (
    <details className="rs-version-details" data-testid="version-changes">
      <summary>{words.changes}</summary>
      <ul>
        {GROUPS.filter((group) => lines[group].length > 0).map((group) => (
          <li key={group} data-testid={`version-group-${group}`}>
            <span className="rs-version-group">{words.groups[group]}</span>
            <ul>{lines[group].map((line) => <LineItem key={typeof line === 'string' ? line : line.header} line={line} />)}</ul>
          </li>
        ))}
        <li>{words.notSwitched}</li>
      </ul>
      <p className="rs-muted">{words.note}</p>
    </details>
  );
}

/** Rebuilds the run as `version` and returns what the scenario rules refused (nothing when it went ahead). */
function rebuildAs(version: RocketMQVersion): ValidationError[] {
  refocusVersion = version;
  const { source, timeMs } = usePlayback.getState();
  const errors = applyEdit(withVersion(source, version), timeMs, 'rebuild');
  // A refused rebuild keeps the switch where it is: nothing to refocus later.
  if (errors.length > 0) refocusVersion = null;
  return errors;
}

/** The next radio the arrow `key` moves to from `index`, passing over the unavailable ones; null when the key is not the group's. */
function nextRadio(key: string, index: number, available: readonly boolean[]): number | null {
  let next = moveIndex(key, index, VERSIONS.length, RADIO_MOVES);
  for (let tries = 1; next !== null && !available[next] && tries < VERSIONS.length; tries++) next = moveIndex(key, next, VERSIONS.length, RADIO_MOVES);
  return next;
}

/**
 * Memo: the NameServer panel draws its header's switch anew with every move of the playhead, and
 * nothing here depends on the time (its words, about twenty formatted periods, cost every seek
 * and step about a millisecond of the page's thread for the same list).
 */
export const VersionSwitch = memo(function VersionSwitch() {
  const language = usePlayback((s) => s.language);
  const words = useWords(VERSION_SWITCH_WORDS);
  const scenario = usePlayback((s) => s.scenario);
  const source = usePlayback((s) => s.source);
  const radios = useRef<(HTMLButtonElement | null)[]>([]);
  // The refusal belongs to the file it was refused for: another scenario or a rebuild clears it.
  const [refusal, setRefusal] = useState<{ source: unknown; errors: ValidationError[] } | null>(null);
  const current = scenario?.config.rocketmqVersion;
  useEffect(() => {
    if (refocusVersion === null || refocusVersion !== current) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) radios.current[VERSIONS.indexOf(refocusVersion)]?.focus();
    refocusVersion = null;
  });
  if (!scenario || !current) return null;
  const reasons = VERSIONS.map((version) => unavailableReason(scenario, version, words));
  const available = VERSIONS.map((version, index) => version === current || reasons[index] === null);
  const choose = (index: number) => {
    const version = VERSIONS[index]!;
    if (version === current || !available[index]) return;
    const errors = rebuildAs(version);
    setRefusal(errors.length > 0 ? { source, errors } : null);
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = nextRadio(event.key, index, available);
    if (next === null || event.altKey || event.ctrlKey || event.metaKey) return;
    // Handled here, so the page's arrow shortcuts (step one event, a chapter's step) do not also fire.
    event.preventDefault();
    radios.current[next]?.focus();
    choose(next);
  };
  const refused = refusal !== null && refusal.source === source ? refusal.errors[0] : undefined;
  return (
    <div className="rs-version">
      <div role="radiogroup" aria-label={words.title} className="rs-version-buttons">
        {VERSIONS.map((version, index) => (
          <button key={version} ref={(element) => { radios.current[index] = element; }} type="button" role="radio"
            aria-checked={version === current} tabIndex={version === current ? 0 : -1} data-testid={`version-${version}`}
            aria-disabled={available[index] ? undefined : true} aria-describedby={available[index] ? undefined : `rs-version-why-${version}`}
            className={`rs-button${version === current ? ' rs-button-primary' : ''}`} onClick={() => choose(index)}
            onKeyDown={(event) => onKeyDown(event, index)}>
            {words.label(version)}
          </button>
        ))}
      </div>
      {VERSIONS.map((version, index) => available[index] ? null : (
        <span key={version} id={`rs-version-why-${version}`} className="rs-muted" data-testid={`version-why-${version}`}>{reasons[index]}</span>
      ))}
      {refused && <p role="alert" className="rs-version-refused" data-testid="version-refused">{words.refused(messageIn(refused, language))}</p>}
      <Changes words={words} config={scenario.config} language={language} />
    </div>
  );
});
