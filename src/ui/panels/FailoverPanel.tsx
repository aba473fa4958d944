/**
 * The failover view: each broker fault so far with who noticed it, when and by which rule (the
 * run's detections, with the arithmetic), and a "who believes what" table at the current time:
 * each NameServer's broker table and each client's cached route against the truth.
 */
import { formatSeconds } from '../../viz/format.ts';
import { ScrollArea } from '../controls/ScrollArea.tsx';
import { useWords } from '../i18n/index.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { beliefsAt, believesWrong, faultViews, type Beliefs } from './failover-model.ts';
import { FAILOVER_STRINGS, type FailoverStrings } from './failover-strings.ts';
import { derivedAt, EmptyPanel, PanelFrame } from './shared.tsx';
import './failover.css';

export interface FailoverPanelProps {
  className?: string;
}

function BeliefTable({ beliefs, strings }: { beliefs: Beliefs; strings: FailoverStrings }) {
  return (
    <ScrollArea className="rs-table-scroll" label={strings.beliefsCaption}>
      <p className="rs-muted rs-failover-note">{strings.beliefsCaption}</p>
      <table className="rs-table rs-failover-beliefs" data-testid="failover-beliefs">
        <caption className="rs-visually-hidden">{strings.beliefsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">brokerName / brokerId</th>
            <th scope="col">{strings.truth}</th>
            {beliefs.believers.map((id) => <th scope="col" key={id}>{id}</th>)}
          </tr>
        </thead>
        <tbody>
          {beliefs.rows.map((row) => (
            <tr key={row.broker} data-testid={`belief-${row.broker}`}>
              <th scope="row">{row.broker} <span className="rs-muted rs-failover-now">{strings.now(row.brokerId, row.role)}</span></th>
              <td>{row.alive ? strings.up : strings.down}</td>
              {beliefs.believers.map((id) => {
                const listed = row.listed[id] ?? null;
                const wrong = believesWrong(row, listed);
                return (
                  <td key={id} className={wrong ? 'rs-failover-wrong' : undefined} title={wrong ? strings.wrong : undefined} data-testid={`belief-${row.broker}-${id}`}>
                    {listed === null ? strings.missing : strings.listed(listed)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

export function FailoverPanel({ className }: FailoverPanelProps) {
  const strings = useWords(FAILOVER_STRINGS);
  const view = useSimView(TEXT_PANEL_REFRESH);
  if (!view) return <EmptyPanel name="failover" title={strings.title} className={className} />;
  const { timeline, timeMs } = view;
  const state = timeline.state;
  const faults = faultViews(state.faults, state.detections, strings, state.config);
  const beliefs = derivedAt(timeline, timeMs, 'failover-beliefs', () => beliefsAt(state));
  return (
    <PanelFrame name="failover" title={strings.title} className={className}>
      <h3 className="rs-failover-heading">{strings.detectionsHeading}</h3>
      {faults.length === 0 ? <p className="rs-muted">{strings.noFaults}</p> : (
        <ol className="rs-failover-faults" data-testid="failover-faults">
          {faults.map((fault) => (
            <li key={fault.key}>
              <strong>{fault.title}</strong>
              {fault.sentences.length === 0 ? <p className="rs-muted">{strings.noDetections}</p> : (
                <ul className="rs-failover-detections" data-testid="failover-detections">
                  {fault.sentences.map((sentence) => <li key={sentence}>{sentence}</li>)}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <h3 className="rs-failover-heading">{strings.beliefsHeading(formatSeconds(timeMs))}</h3>
      <BeliefTable beliefs={beliefs} strings={strings} />
    </PanelFrame>
  );
}
