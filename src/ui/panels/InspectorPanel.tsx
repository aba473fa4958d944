/**
 * The tables of the selected process (chosen by clicking it in the topology): a NameServer's
 * RouteInfoManager, a broker's topics, queues, groups and offsets, a client's cached routes.
 */
import type { ModelState } from '../../sim/index.ts';
import { usePlayback, type Selection } from '../../store/playback.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { InspectBroker } from './InspectBroker.tsx';
import { InspectClient } from './InspectClient.tsx';
import { InspectNameServer } from './InspectNameServer.tsx';
import { EmptyPanel, PanelFrame, usePanelStrings } from './shared.tsx';
import type { PanelStrings } from './strings.ts';

export interface InspectorPanelProps {
  className?: string;
}

function Details({ selection, state, timeMs, strings }: { selection: NonNullable<Selection>; state: Readonly<ModelState>; timeMs: number; strings: PanelStrings }) {
  if (selection.kind === 'nameServer') {
    const ns = state.nameServers[selection.id];
    if (ns) return <InspectNameServer ns={ns} timeMs={timeMs} strings={strings} />;
  } else if (selection.kind === 'broker') {
    // A broker is selected by its node id (`broker-a/0`); a bare brokerName means its master.
    const broker = state.brokers[selection.id] ?? state.brokers[`${selection.id}/0`];
    if (broker) return <InspectBroker broker={broker} timeMs={timeMs} strings={strings} />;
  } else if (selection.kind === 'client') {
    const client = state.clients[selection.id];
    if (client) return <InspectClient client={client} timeMs={timeMs} config={state.config} strings={strings} />;
  } else {
    // A message or a queue opens its card beside the canvas; the inspector keeps its hint.
    return <p className="rs-muted">{strings.nothingSelected}</p>;
  }
  return <p className="rs-muted">{strings.notFound}</p>;
}

export function InspectorPanel({ className }: InspectorPanelProps) {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const strings = usePanelStrings();
  const selection = usePlayback((s) => s.selection);
  if (!view) return <EmptyPanel name="inspector" title={strings.inspectorTitle} className={className} />;
  return (
    <PanelFrame name="inspector" title={strings.inspectorTitle} className={className}>
      {selection ? <Details selection={selection} state={view.timeline.state} timeMs={view.timeMs} strings={strings} />
        : <p className="rs-muted">{strings.nothingSelected}</p>}
    </PanelFrame>
  );
}
