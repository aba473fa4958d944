/**
 * The Space-time tab: who told whom what in the last seconds before the playhead (the
 * traceWindow query), with a legend, a choice of window, and exports: the diagram as SVG and the
 * window's trace as JSON Lines, byte for byte what the headless runner writes for it.
 */
import { useId, useRef, useState } from 'react';
import { brokerRoles } from '../../../sim/index.ts';
import { askSim } from '../../../store/sim-query.ts';
import { usePlayback } from '../../../store/playback.ts';
import { formatTime } from '../../../viz/format.ts';
import { lanesOf, MESSAGE_ARROWS, type ArrowKind, type MarkKind } from '../../../viz/space-time-events.ts';
import { layoutSpaceTime } from '../../../viz/space-time-layout.ts';
import { fileStem } from '../../controls/save-file.ts';
import { PanelFrame } from '../../panels/shared.tsx';
import { useElementWidth } from '../../panels/use-element-width.ts';
import { useBrokerNodeNamesAnswer } from '../../use-broker-node-names.ts';
import { useSimQuery } from '../../use-sim-query.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../../use-sim.ts';
import { saveSvg, saveText } from '../export.ts';
import { ARROW_COLOURS, MARK_COLOURS, SpaceTimeDiagram } from './SpaceTimeDiagram.tsx';
import { SPACE_TIME_STRINGS, type SpaceTimeStrings } from './space-time-strings.ts';
import '../charts/charts.css';
import './space-time.css';
import { inLanguage } from '../../i18n/index.ts';

/** Five seconds by default: at ten sends a second each arrow stays apart; longer windows bundle. */
const WINDOWS_S = [5, 20, 60] as const;
/** The window that holds two rounds of the 30 s periods (registerNameServerPeriod, heartbeatBrokerInterval, pollNameServerInterval). */
const ROUNDS_WINDOW_S: number = WINDOWS_S[2];
/** More events than this in a window are not drawn (the first ones are): the diagram would be a blur anyway. */
const EVENT_LIMIT = 20_000;

/** The marks every window may show, then the rarer ones (a duplicate, a loss, a filtered message ...) the window holds. */
const COMMON_MARKS: readonly MarkKind[] = ['fault', 'failed', 'removed', 'rebalance'];

function legendMarks(marks: readonly { kind: MarkKind }[]): MarkKind[] {
  const rare = new Set(marks.map((mark) => mark.kind).filter((kind) => !COMMON_MARKS.includes(kind)));
  return [...COMMON_MARKS, ...[...rare].sort()];
}

/**
 * What the checkbox is for, said beside it rather than in its tooltip: drawn with the messages, the
 * registrations, heartbeats and route pulls (the NameServer's side of the run) are lost among the
 * sends and pulls, and a person would not think to hide the messages to find them.
 */
function MessagesHint({ messages, seconds, strings }: { messages: boolean; seconds: number; strings: SpaceTimeStrings }) {
  const hint = messages ? strings.untickMessages : seconds < ROUNDS_WINDOW_S ? strings.widenWindow(strings.lastSeconds(ROUNDS_WINDOW_S)) : null;
  return hint === null ? null : <span className="rs-muted rs-spacetime-hint" data-testid="spacetime-messages-hint">{hint}</span>;
}

export function SpaceTimeTab() {
  const language = usePlayback((s) => s.language);
  const scenario = usePlayback((s) => s.scenario);
  const view = useSimView(TEXT_PANEL_REFRESH);
  const nowMs = view?.timeMs ?? 0;
  // After an election brokerId 0 is another node: strokes go to the node that was the broker then.
  const { names, pending: namesPending } = useBrokerNodeNamesAnswer(TEXT_PANEL_REFRESH);
  const strings = inLanguage(SPACE_TIME_STRINGS, language);
  const [seconds, setSeconds] = useState<number>(5);
  const [messages, setMessages] = useState(true);
  const [measure, width] = useElementWidth<HTMLDivElement>(760);
  const svg = useRef<SVGSVGElement>(null);
  const windowId = useId();
  const spanMs = seconds * 1_000;
  const fromMs = Math.max(0, nowMs - spanMs);
  const toMs = Math.max(nowMs, spanMs);
  const { data, pending } = useSimQuery('traceWindow', { from: fromMs, to: nowMs, limit: EVENT_LIMIT });
  if (!scenario) return null;
  const roles = view && scenario.config.enableControllerMode ? brokerRoles(view.timeline.state).role : undefined;
  const layout = layoutSpaceTime({
    lanes: lanesOf(scenario), events: data?.events ?? [], firstIndex: data?.firstIndex ?? 0, fromMs, toMs, nowMs, width, nodeOf: names.node, ...(roles ? { roles } : {}),
    ...(messages ? {} : { hidden: MESSAGE_ARROWS }),
  });
  const stem = `${fileStem(scenario.name, 'run')}-${fromMs}-${nowMs}`;
  const exportTrace = () => void askSim('traceJsonLines', { fromMs, toMs: nowMs }).then((lines) => saveText(lines, `${stem}.jsonl`, 'application/x-ndjson'));
  return (
    <PanelFrame name="spacetime" title={strings.heading} busy={pending || namesPending}>
      <p className="rs-muted">{strings.intro}</p>
      <div className="rs-chart-tools">
        <label htmlFor={windowId}>{strings.windowLabel}</label>
        <select className="rs-select" id={windowId} value={seconds} data-testid="spacetime-window" onChange={(e) => setSeconds(Number(e.target.value))}>
          {WINDOWS_S.map((s) => <option key={s} value={s}>{strings.lastSeconds(s)}</option>)}
        </select>
        <label className="rs-spacetime-messages" title={strings.messagesHint}>
          <input type="checkbox" checked={messages} data-testid="spacetime-messages" onChange={(e) => setMessages(e.target.checked)} /> {strings.messages}
        </label>
        <MessagesHint messages={messages} seconds={seconds} strings={strings} />
        <span className="rs-chart-export">
          <button type="button" className="rs-button" data-testid="spacetime-svg-export" onClick={() => svg.current && saveSvg(svg.current, stem)}>{strings.exportSvg}</button>
          <button type="button" className="rs-button" data-testid="spacetime-trace-export" onClick={exportTrace}>{strings.exportTrace}</button>
        </span>
      </div>
      {data?.truncated && <p className="rs-muted" role="status">{strings.truncated(EVENT_LIMIT)}</p>}
      {data && layout.arrows.length + layout.marks.length + layout.rules.length === 0 && <p className="rs-muted" role="status" data-testid="spacetime-empty">{strings.empty}</p>}
      <div ref={measure} className="rs-spacetime">
        <SpaceTimeDiagram ref={svg} layout={layout} strings={strings} label={strings.diagramLabel(formatTime(fromMs), formatTime(nowMs))}
          onPick={(t) => usePlayback.getState().seek(t)} />
      </div>
      <ul className="rs-spacetime-legend" aria-label={strings.legend}>
        {Object.entries(ARROW_COLOURS).filter(([kind]) => messages || !MESSAGE_ARROWS.has(kind as ArrowKind)).map(([kind, colour]) => (
          <li key={kind}><span className="rs-swatch" style={{ background: colour }} />{strings.arrow[kind as keyof typeof ARROW_COLOURS]}</li>
        ))}
        {legendMarks(layout.marks).map((kind) => (
          <li key={kind}><span className="rs-swatch rs-swatch-dot" style={{ background: MARK_COLOURS[kind] }} />{strings.mark[kind]}</li>
        ))}
      </ul>
    </PanelFrame>
  );
}
