/**
 * The failover view: each broker fault so far with who noticed it, when and by which rule (the
 * run's detections, with the arithmetic), what it cost each client until its route dropped the
 * broker (src/sim/queries/fault-costs.ts, from what the model recorded on each fault), and a "who
 * believes what" table at the current time: each NameServer's broker table and each client's
 * cached route against the truth.
 */
import { memo, useMemo } from 'react';
import { formatTime } from '../../viz/format.ts';
import { ScrollArea } from '../controls/ScrollArea.tsx';
import { useWords } from '../i18n/index.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { faultCosts } from '../../sim/queries/fault-costs.ts';
import { beliefsAt, believesWrong, costSentences, faultViews, type Beliefs, type FaultView } from './failover-model.ts';
import { FAILOVER_STRINGS, type FailoverStrings } from './failover-strings.ts';
import { regionElement } from '../regions.ts';
import { derivedAt, EmptyPanel, PanelFrame } from './shared.tsx';
import { presentingTop } from './use-presenting-scroll.ts';
import './failover.css';

interface FailoverPanelProps {
  className?: string;
}

/**
 * One column per broker and one row per NameServer or client, so more processes make the table
 * longer, never wider: it fits the side column at 1280 px in both languages. A cell shows a
 * short mark ("✓ 0"); its full words ("listed (brokerId 0)", "believes wrong") are read out.
 * The beliefs keep their identity while nobody's changes (derivedAt), so a move that changes no
 * table skips its cells.
 */
const BeliefTable = memo(function BeliefTable({ beliefs, strings }: { beliefs: Beliefs; strings: FailoverStrings }) {
  return (
    <ScrollArea className="rs-table-scroll" label={strings.beliefsCaption}>
      <p className="rs-muted rs-failover-note">{strings.beliefsCaption}</p>
      <table className="rs-table rs-failover-beliefs" data-testid="failover-beliefs">
        <caption className="rs-visually-hidden">{strings.beliefsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.believer}</th>
            {beliefs.rows.map((row) => (
              <th scope="col" key={row.broker} data-testid={`belief-${row.broker}`}>
                {row.broker} <span className="rs-muted rs-failover-now">{strings.now(row.brokerId, row.role)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="rs-failover-truth">
            <th scope="row">{strings.truth}</th>
            {beliefs.rows.map((row) => <td key={row.broker}>{row.alive ? strings.up : row.cutOff ? strings.cutOff : strings.down}</td>)}
          </tr>
          {beliefs.believers.map((id) => (
            <tr key={id}>
              <th scope="row">{id}</th>
              {beliefs.rows.map((row) => <BeliefCell key={row.broker} broker={row.broker} believer={id} listed={row.listed[id] ?? null} wrong={believesWrong(row, id)} strings={strings} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
});

interface BeliefCellProps {
  broker: string;
  believer: string;
  /** The brokerId the believer lists the broker under, or null. */
  listed: number | null;
  wrong: boolean;
  strings: FailoverStrings;
}

/**
 * One believer's view of one broker, given as the two values it shows: when a move changes one
 * believer's table, the table renders again and every other cell is skipped (memo).
 */
const BeliefCell = memo(function BeliefCell({ broker, believer, listed, wrong, strings }: BeliefCellProps) {
  const words = listed === null ? strings.notListed : strings.listed(listed);
  return (
    <td className={wrong ? 'rs-failover-wrong' : undefined} title={wrong ? strings.wrong(words) : words} data-testid={`belief-${broker}-${believer}`}>
      <span aria-hidden="true">{listed === null ? strings.missing : strings.listedMark(listed)}</span>
      <span className="rs-visually-hidden">{wrong ? strings.wrong(words) : words}</span>
    </td>
  );
});

/** One fault: who noticed it (or what hides it), then what it cost each client whose route listed it. */
function FaultItem({ fault, costs, strings }: { fault: FaultView; costs: readonly string[]; strings: FailoverStrings }) {
  return (
    <li>
      <strong>{fault.title}</strong>
      {fault.sentences.length === 0 ? <p className="rs-muted" data-testid={fault.hidden === null ? undefined : 'failover-hidden'}>{fault.hidden ?? strings.noDetections}</p> : (
        <ul className="rs-failover-detections" data-testid="failover-detections">
          {fault.sentences.map((sentence) => <li key={sentence}>{sentence}</li>)}
        </ul>
      )}
      {costs.length > 0 && (
        <>
          <p className="rs-muted rs-failover-costs-heading">{strings.costsHeading}</p>
          <ul className="rs-failover-detections" data-testid="failover-costs">
            {costs.map((sentence) => <li key={sentence}>{sentence}</li>)}
          </ul>
        </>
      )}
    </li>
  );
}

/**
 * Scrolls the NameServer panel's top to just under the playback bar. Once a broker has failed this
 * record leads the side column (panel-order.ts) and the NameServer panel, where each removal shows
 * in the broker tables, starts a screen or more lower: the crash, partition and shutdown scenario's
 * description sends the learner to both.
 */
function showNameServers(): void {
  const panel = regionElement('nameServers');
  if (panel) window.scrollBy({ top: panel.getBoundingClientRect().top - (presentingTop(false) ?? 0) });
}

export function FailoverPanel({ className }: FailoverPanelProps) {
  const strings = useWords(FAILOVER_STRINGS);
  const view = useSimView(TEXT_PANEL_REFRESH);
  const state = view?.timeline.state;
  // The page's copy of the state keeps the identity of what did not change (src/sim/frame/state-mirror.ts):
  // the sentences of every detection so far are written again only when a fault or a detection came.
  const [faultRecords, detections, config] = [state?.faults, state?.detections, state?.config];
  const faults = useMemo(
    () => (faultRecords && detections && config ? faultViews(faultRecords, detections, strings, config) : []),
    [faultRecords, detections, config, strings],
  );
  // Read from the page's copy of the state, not asked of the worker: the model keeps each fault's
  // costs on its record (src/model/detections.ts), and an ask after every move of the playhead
  // (this panel is on screen once a broker has failed: src/ui/panel-order.ts) came back as a
  // second render in the middle of the next move, and showed the costs of the moment before.
  const answer = view && faults.length > 0 ? derivedAt(view.timeline, view.timeMs, 'fault-costs', () => faultCosts(view.timeline), 'computed') : null;
  const costs = useMemo(() => (answer ? costSentences(answer, strings) : new Map<string, string[]>()), [answer, strings]);
  if (!view || !state) return <EmptyPanel name="failover" title={strings.title} className={className} />;
  const { timeline, timeMs } = view;
  const beliefs = derivedAt(timeline, timeMs, 'failover-beliefs', () => beliefsAt(state));
  return (
    <PanelFrame name="failover" title={strings.title} className={className}>
      <h3 className="rs-failover-heading">{strings.detectionsHeading}</h3>
      {faults.length === 0 ? <p className="rs-muted">{strings.noFaults}</p> : <p className="rs-muted" data-testid="failover-rings">{strings.ringsNote}</p>}
      {faults.length > 0 && (
        <>
          {/* Before the detections, which may run past the window's foot: on the first screen with the record's top. */}
          <button type="button" className="rs-failover-to-ns" data-testid="failover-to-nameservers" onClick={showNameServers}>{strings.toNameServers}</button>
          <ol className="rs-failover-faults" data-testid="failover-faults">
            {faults.map((fault) => <FaultItem key={fault.key} fault={fault} costs={costs.get(fault.key) ?? []} strings={strings} />)}
          </ol>
        </>
      )}
      <h3 className="rs-failover-heading">{strings.beliefsHeading(formatTime(timeMs))}</h3>
      <BeliefTable beliefs={beliefs} strings={strings} />
    </PanelFrame>
  );
}
