/**
 * RocketMQ 4.x or 5.x: the switch replays the run with `config.rocketmqVersion` changed (a
 * rebuild back to this moment: the version matters from 0:00) and says what it changes, read
 * from the defaults themselves (ROCKETMQ_4X_OVERRIDES, LATENCY_TABLES). A radio group as WAI-ARIA's
 * pattern has it: one Tab stop, the checked radio, and the arrows move to the other and check it.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import {
  LATENCY_TABLES, ROCKETMQ_4X_OVERRIDES, ROCKETMQ_DEFAULTS, ROCKETMQ_VERSIONS, type ConfigKey, type RocketMQVersion,
} from '../../sim/index.ts';
import type { Language } from '../../scenario/language.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatDuration, formatSeconds } from '../../viz/format.ts';
import { applyEdit } from '../editor/apply.ts';
import { moveIndex, type IndexMoves } from '../keys.ts';
import { clientViewStrings } from './client-view-strings.ts';
import './counters.css';

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

function withVersion(source: unknown, version: RocketMQVersion): unknown {
  const raw = structuredClone(source) as { config?: Record<string, unknown> };
  return { ...raw, config: { ...raw.config, rocketmqVersion: version } };
}

function durations(values: readonly number[], language: Language): string {
  return values.map((ms) => formatSeconds(ms, language, 0)).join(' / ');
}

/** The keys whose default differs, with both values in milliseconds as seconds. */
function changedDefaults(language: Language): [string, string, string][] {
  // Whole seconds, but for a delay under one (5.x's first scan, 5 ms), which 0 s would hide.
  const said = (ms: number) => (ms < 1_000 ? formatDuration(ms, language) : formatSeconds(ms, language, 0));
  return (Object.keys(ROCKETMQ_4X_OVERRIDES) as ConfigKey[]).map((key) =>
    [key.replace(/Ms$/, ''), said(Number(ROCKETMQ_4X_OVERRIDES[key])), said(Number(ROCKETMQ_DEFAULTS[key]))]);
}

function rebuildAs(version: RocketMQVersion): void {
  refocusVersion = version;
  const { source, timeMs } = usePlayback.getState();
  // A refused rebuild (over the page's budget) keeps the switch where it is: nothing to refocus later.
  if (applyEdit(withVersion(source, version), timeMs, 'rebuild').length > 0) refocusVersion = null;
}

export function VersionSwitch() {
  const language = usePlayback((s) => s.language);
  const words = clientViewStrings(language);
  const config = usePlayback((s) => s.scenario?.config);
  const radios = useRef<(HTMLButtonElement | null)[]>([]);
  const current = config?.rocketmqVersion;
  useEffect(() => {
    if (refocusVersion === null || refocusVersion !== current) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) radios.current[VERSIONS.indexOf(refocusVersion)]?.focus();
    refocusVersion = null;
  });
  if (!config || !current) return null;
  const choose = (version: RocketMQVersion) => {
    if (version !== current) rebuildAs(version);
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = moveIndex(event.key, index, VERSIONS.length, RADIO_MOVES);
    if (next === null || event.altKey || event.ctrlKey || event.metaKey) return;
    // Handled here, so the page's arrow shortcuts (step one event, a chapter's step) do not also fire.
    event.preventDefault();
    radios.current[next]?.focus();
    choose(VERSIONS[next]!);
  };
  return (
    <div className="rs-version">
      <div role="radiogroup" aria-label={words.versionTitle} className="rs-version-buttons">
        {VERSIONS.map((version, index) => (
          <button key={version} ref={(element) => { radios.current[index] = element; }} type="button" role="radio"
            aria-checked={version === current} tabIndex={version === current ? 0 : -1} data-testid={`version-${version}`}
            className={`rs-button${version === current ? ' rs-button-primary' : ''}`} onClick={() => choose(version)}
            onKeyDown={(event) => onKeyDown(event, index)}>
            {words.versionLabel(version)}
          </button>
        ))}
      </div>
      <details className="rs-version-details" data-testid="version-changes">
        <summary>{words.versionChanges}</summary>
        <ul>
          {changedDefaults(language).map(([name, v4, v5]) => <li key={name}>{words.versionRow(name, v4, v5)}</li>)}
          <li>{words.versionRow(words.latencyTables, durations(LATENCY_TABLES['4.x'].notAvailableDuration, language), durations(LATENCY_TABLES['5.x'].notAvailableDuration, language))}</li>
          <li>{words.syncMasterRule.v4(formatSeconds(config.slaveTimeoutMs, language, 0))}</li>
          <li>{words.syncMasterRule.v5}</li>
          <li>{words.versionRow(words.illegalQueueId, 'SYSTEM_ERROR', 'INVALID_PARAMETER')}</li>
          <li>{words.slaveReads}</li>
          <li>{words.unansweredNameServer}</li>
          <li>{words.producerDefaultTopic}</li>
          <li>{words.notSwitched}</li>
        </ul>
        <p className="rs-muted">{words.versionNote}</p>
      </details>
    </div>
  );
}
