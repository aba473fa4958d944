/**
 * The tables of the selected process (chosen by clicking it in the topology): a NameServer's
 * RouteInfoManager, a broker's topics, queues, groups and offsets, a client's cached routes.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { masterOf, type ModelState, type Scenario, type TimelineAction } from '../../sim/index.ts';
import { formatTime } from '../../viz/format.ts';
import { isProcessSelection, usePlayback, type ProcessSelection, type Selection } from '../../store/playback.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { InspectBroker } from './InspectBroker.tsx';
import { InspectClient } from './InspectClient.tsx';
import { InspectNameServer } from './InspectNameServer.tsx';
import { InspectGroup, groupsCondensed } from './InspectGroup.tsx';
import { EmptyPanel, PanelFrame, summaryAt } from './shared.tsx';
import { clientStatus } from './status.ts';
import type { QueueSummary } from '../../sim/summary.ts';
import { useInspectStrings, type InspectStrings } from './inspector-strings.ts';

interface InspectorPanelProps {
  className?: string;
}

function Details({ selection, msgId, state, scenario, timeMs, strings, queues }: {
  selection: ProcessSelection; msgId: string | null; state: Readonly<ModelState>; scenario: Scenario; timeMs: number; strings: InspectStrings;
  /** The summary's queues, read only for a consumer group at size (InspectGroup). */
  queues: () => readonly QueueSummary[];
}) {
  if (selection.kind === 'nameServer') {
    const ns = state.nameServers[selection.id];
    if (ns) return <InspectNameServer ns={ns} timeMs={timeMs} strings={strings} />;
  } else if (selection.kind === 'broker') {
    // A broker is selected by its node id (`broker-a/0`); a bare brokerName means its master now.
    const broker = state.brokers[selection.id] ?? masterOf(state, selection.id);
    if (broker) return <InspectBroker broker={broker} timeMs={timeMs} strings={strings} msgId={msgId} />;
  } else {
    const client = state.clients[selection.id];
    if (client?.kind === 'consumer' && groupsCondensed(state)) {
      return (
        <>
          <InspectClient client={client} timeMs={timeMs} config={state.config} strings={strings} />
          <InspectGroup state={state} consumer={client} queues={queues()} statusWord={(member) => strings.status[clientStatus(member)]} />
        </>
      );
    }
    if (client) return <InspectClient client={client} timeMs={timeMs} config={state.config} strings={strings} />;
    const added = addedLater(scenario, selection.id);
    if (added) return <p className="rs-muted" data-testid="inspector-not-added">{strings.notAddedYet(selection.id, added.action, formatTime(added.at))}</p>;
  }
  return <p className="rs-muted">{strings.notFound}</p>;
}

/** The timeline action that adds client `id` (a link or a seek can select it before it exists), or null. */
function addedLater(scenario: Scenario, id: string): Extract<TimelineAction, { action: 'addProducer' | 'addConsumer' }> | null {
  for (const action of scenario.timeline) {
    if (action.action === 'addProducer' && action.producer.id === id) return action;
    if (action.action === 'addConsumer' && action.consumer.id === id) return action;
  }
  return null;
}

/**
 * The process shown: the selected one, or while a message or a queue is selected (its card opens
 * beside the canvas), the process selected before, so a broker shows the message's path through it.
 */
function useShownProcess(selection: Selection): ProcessSelection | null {
  const [last, setLast] = useState<ProcessSelection | null>(null);
  const shown = selection === null ? null : isProcessSelection(selection) ? selection : last;
  // React's "state from the previous render" pattern: remembered during render, no effect needed.
  if (shown !== last) setLast(shown);
  return shown;
}

/** A process's box in the topology, which a person clicked or reached by Tab. */
function isProcessNode(element: Element | null): boolean {
  return element?.closest('[data-testid^="topology-"][aria-pressed]') != null;
}

/**
 * What had focus when a process was selected: Close (or Escape inside the inspector) gives focus
 * back there, as the message card gives it back to its opener (use-focus-return.ts), since the
 * button goes away with the selection. Opened from its box, the inspector takes focus, on the
 * process's name: it stands first in the side column, but a keyboard review counted 37 Tabs from
 * the box to it past every queue. Opened by a chapter's step, focus stays on the lesson.
 */
function useOpener(selection: Selection, panel: RefObject<HTMLDivElement | null>): RefObject<Element | null> {
  const opener = useRef<Element | null>(null);
  const selected = isProcessSelection(selection) ? `${selection.kind}:${selection.id}` : null;
  useEffect(() => {
    if (selected === null) return;
    opener.current = document.activeElement;
    if (isProcessNode(opener.current)) panel.current?.querySelector<HTMLElement>('[data-inspect-title]')?.focus();
  }, [selected, panel]);
  return opener;
}

function closeInspector(opener: RefObject<Element | null>): void {
  const back = opener.current;
  usePlayback.getState().select(null);
  if ((back instanceof HTMLElement || back instanceof SVGElement) && back.isConnected) back.focus({ preventScroll: true });
}

export function InspectorPanel({ className }: InspectorPanelProps) {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const strings = useInspectStrings();
  const selection = usePlayback((s) => s.selection);
  const shown = useShownProcess(selection);
  const panel = useRef<HTMLDivElement>(null);
  const opener = useOpener(selection, panel);
  const msgId = selection?.kind === 'message' ? selection.msgId : null;
  if (!view) return <EmptyPanel name="inspector" title={strings.inspectorTitle} className={className} region="inspector" />;
  // Only while a process itself is selected: the inspector then stands first in the side column (panel-order.ts).
  const close = isProcessSelection(selection) && (
    <button type="button" className="rs-button rs-button-small" data-testid="inspector-close" onClick={() => closeInspector(opener)}>{strings.closeInspector}</button>
  );
  return (
    <PanelFrame name="inspector" title={strings.inspectorTitle} className={className} aside={close} region="inspector">
      {shown ? (
        <div ref={panel} onKeyDown={(event) => {
          if (event.key !== 'Escape' || !isProcessSelection(selection)) return;
          event.preventDefault();
          closeInspector(opener);
        }}>
          <Details selection={shown} msgId={msgId} state={view.timeline.state} scenario={view.timeline.scenario} timeMs={view.timeMs} strings={strings}
            queues={() => summaryAt(view.timeline, view.timeMs).queues} />
        </div>
      ) : <p className="rs-muted">{strings.nothingSelected}</p>}
    </PanelFrame>
  );
}
