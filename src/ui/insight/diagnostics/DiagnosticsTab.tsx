/** The Diagnostics tab: every route problem at the playhead, each explained with its safe fix. */
import { namesrvOption } from '../../../sim/queries/update-topic-command.ts';
import { usePlayback } from '../../../store/playback.ts';
import { derivedAt, PanelFrame, summaryAt } from '../../panels/shared.tsx';
import { REASON_STRINGS } from '../../panels/reason-strings.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../../use-sim.ts';
import { DIAGNOSTICS_STRINGS } from './diagnostics-strings.ts';
import { afterLabel, useWords } from '../../i18n/index.ts';
import { routeDiagnostics, type RouteDiagnostic } from './route-diagnostics.ts';
import './diagnostics.css';

function keyOf(finding: RouteDiagnostic): string {
  switch (finding.kind) {
    case 'writeAboveRead': case 'readAboveWrite': case 'strandedAboveRead': case 'unreadable': case 'unwritable':
      return `${finding.kind}|${finding.topic}|${finding.broker}`;
    case 'noMaster': case 'unreachableMaster': return `${finding.kind}|${finding.broker}`;
    case 'oneBroker': case 'unwritableTopic': return `${finding.kind}|${finding.topic}`;
    case 'idleConsumer': case 'hungConsumer': case 'unmatchedSubscription': return `${finding.kind}|${finding.consumer}`;
    case 'inconsistentGroup': case 'deadLetters': return `${finding.kind}|${finding.group}`;
  }
}

export function DiagnosticsTab() {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const language = usePlayback((s) => s.language);
  const strings = useWords(DIAGNOSTICS_STRINGS);
  const idle = useWords(REASON_STRINGS).idle;
  if (!view) return null;
  const { timeline, timeMs } = view;
  const namesrv = namesrvOption(timeline.scenario);
  const findings = derivedAt(timeline, timeMs, 'routeDiagnostics', () => routeDiagnostics(timeline.state, summaryAt(timeline, timeMs), timeline.scenario));
  return (
    <PanelFrame name="diagnostics" title={strings.heading}>
      <p className="rs-muted">{strings.intro}</p>
      {findings.length === 0 ? <p data-testid="diagnostics-none">{strings.none}</p> : (
        <ul className="rs-diagnostic-list" data-testid="diagnostics-list">
          {findings.map((finding) => {
            const text = strings.describe(finding, idle, namesrv);
            return (
              <li key={keyOf(finding)} className={`rs-diagnostic rs-diagnostic-${finding.kind}`} data-kind={finding.kind}>
                <h3>{text.title}</h3>
                <p><strong>{strings.whyLabel}{afterLabel(language)}</strong>{text.why}</p>
                <p><strong>{strings.fixLabel}{afterLabel(language)}</strong>{text.fix}</p>
              </li>
            );
          })}
        </ul>
      )}
    </PanelFrame>
  );
}
