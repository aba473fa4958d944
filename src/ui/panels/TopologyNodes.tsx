/**
 * The processes of the topology as focusable boxes: NameServers, brokers in their group frames,
 * producers, consumers in their group frames, and, in a crowded cluster, one node per producer
 * or consumer group standing for all its members (topology-density.ts). Clicking (or Enter on) a
 * box selects its process for the inspector; a group's node selects its first member, and shows
 * as selected while any member is.
 */
import { memo, useContext, type KeyboardEvent } from 'react';
import { isProcessSelection, usePlayback, type ProcessSelection, type Selection } from '../../store/playback.ts';
import type { Box } from '../../viz/paths.ts';
import type { ClientGroupNode, TopologyLayout } from '../../viz/topology-layout.ts';
import type { EntityStatus, PanelStrings } from './strings.ts';
import { CanvasTextZoom, GroupTitle, nodeTextCut, NodeText } from './TopologyLabels.tsx';
import type { TopologyModel } from './topology-model.ts';
import type { TopologyStrings } from './topology-strings.ts';

interface NodeProps {
  box: Box;
  label: string;
  detail: string;
  status: EntityStatus;
  /** Said after the box's words in its accessible name (what the box does not show). */
  kindWords?: string;
  kind: ProcessSelection['kind'];
  id: string;
  selected: boolean;
  testId: string;
  /** The name is drawn by TopologyLabels, over the dots. */
  textOnTop?: boolean;
  /** The status line drawn for the box when it is longer than `detail` (a broker's, with its queue counts). */
  shownDetail?: string;
  /** A group's node is drawn as a stack of boxes, so it reads as many. */
  stacked?: boolean;
  /** Shorter forms of the status line, for a narrow box (fitDetail). */
  shorter?: readonly string[];
}

function select(target: ProcessSelection): void {
  usePlayback.getState().select(target);
}

function onKey(event: KeyboardEvent, target: ProcessSelection): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    select(target);
  }
}

/** One process: a focusable button-like group with its name and a status word (never colour alone). */
const Node = memo(function Node({ box, label, detail, status, kindWords, kind, id, selected, testId, textOnTop = false, shownDetail = detail, stacked = false, shorter }: NodeProps) {
  const target: ProcessSelection = { kind, id };
  // The name begins with the box's two lines as they read, so a speech user can say what they see.
  const accessibleName = `${label} ${detail}${kindWords ? `, ${kindWords}` : ''}`;
  const zoom = useContext(CanvasTextZoom);
  return (
    <g className={`rs-node rs-status-${status}${selected ? ' rs-node-selected' : ''}${stacked ? ' rs-node-stacked' : ''}`} role="button" tabIndex={0}
      aria-label={accessibleName} aria-pressed={selected} data-testid={testId}
      onClick={() => select(target)} onKeyDown={(event) => onKey(event, target)}>
      {nodeTextCut(box, label, shownDetail, zoom) && <title>{`${label}\n${shownDetail}`}</title>}
      {stacked && <rect className="rs-node-behind" x={box.x + 4} y={box.y - 4} width={box.width - 4} height={box.height} rx={6} />}
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={6} />
      {!textOnTop && <NodeText box={box} label={label} detail={detail} shorter={shorter} />}
    </g>
  );
});

/** A group's frame; a broker group's title is drawn by TopologyLabels, over the dots. */
function GroupFrame({ box, title }: { box: Box; title: string | null }) {
  return (
    <g className="rs-group" aria-hidden="true">
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={8} />
      {title !== null && <GroupTitle box={box} title={title} />}
    </g>
  );
}

/**
 * A broker's node id and its role now; its brokerId too once that is no longer the one the node
 * was declared with (controller mode gives slaves their controller ids, and an election moves 0).
 */
export function brokerTitle(node: string, broker: TopologyModel['brokers'][string], strings: PanelStrings): string {
  const declared = node.slice(node.lastIndexOf('/') + 1);
  return `${node} · ${strings.roleNow[broker.role]}${String(broker.brokerId) === declared ? '' : ` · brokerId ${broker.brokerId}`}`;
}

/**
 * A broker's status line over its box: its status and the topic in view's write and read queue
 * counts there; a slave draws its group's queues only while the master is down, read there alone
 * once a consumer's route no longer lists the master.
 */
export function brokerDetail(broker: TopologyModel['brokers'][string], topic: string | null, strings: PanelStrings, canvasStrings: TopologyStrings): string {
  const nums = broker.queueNums;
  const queues = nums === null ? '' : ` · ${topic} ${broker.role === 'slave' ? canvasStrings.slaveQueueCounts(nums.read, broker.slaveReads) : canvasStrings.queueCounts(nums.write, nums.read)}`;
  return `${strings.status[broker.status]}${queues}`;
}

/**
 * A broker's status line in a narrow box: a master's queue counts run together, then without the
 * topic (the panel's header names it); a slave's read count without the topic, then only whether it
 * serves its group's reads, which is what its line is there to say.
 */
export function brokerDetailShorter(broker: TopologyModel['brokers'][string], strings: PanelStrings, canvasStrings: TopologyStrings, topic: string | null): string[] {
  const nums = broker.queueNums;
  if (nums === null) return [];
  const status = strings.status[broker.status];
  if (broker.role === 'slave') return [`${status} · ${canvasStrings.slaveQueueCounts(nums.read, broker.slaveReads)}`, `${status} · ${canvasStrings.slaveReads(broker.slaveReads)}`];
  const counts = canvasStrings.queueCountsShort(nums.write, nums.read);
  return [`${status} · ${topic} ${counts}`, `${status} · ${counts}`];
}

function isSelected(selection: Selection, kind: ProcessSelection['kind'], id: string): boolean {
  return isProcessSelection(selection) && selection.kind === kind && selection.id === id;
}

/** A broker is selected by its node id, or by its brokerName while it is that group's master (as the inspector reads a bare name). */
function isBrokerSelected(selection: Selection, node: string, broker: TopologyModel['brokers'][string]): boolean {
  return isSelected(selection, 'broker', node) || (broker.role === 'master' && isSelected(selection, 'broker', broker.name));
}

/** How many members are in each status ("24 running, 1 stopped"), and the status a group shows: its first member not running, else running. */
function groupStatus(group: ClientGroupNode, model: TopologyModel, strings: PanelStrings): { status: EntityStatus; words: string } {
  const counts = new Map<EntityStatus, number>();
  for (const id of group.members) {
    const status = model.clients[id]?.status;
    if (status !== undefined) counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const status = [...counts.keys()].find((candidate) => candidate !== 'running') ?? 'running';
  return { status, words: [...counts].map(([each, count]) => `${count} ${strings.status[each]}`).join(', ') };
}

/** A consumer's status, and whether it owns no queue (idle) or reads every queue for itself (BROADCASTING: it draws like a CLUSTERING member otherwise). */
function consumerDetail(client: TopologyModel['clients'][string], strings: PanelStrings, canvasStrings: TopologyStrings): string {
  return [strings.status[client.status], ...(client.idle ? [strings.idleWord] : []), ...(client.broadcasting ? [canvasStrings.broadcasting] : [])].join(' · ');
}

interface NodesProps {
  model: TopologyModel;
  layout: TopologyLayout;
  selection: Selection;
  strings: PanelStrings;
  canvasStrings: TopologyStrings;
}

function ClientGroups({ model, layout, selection, strings, canvasStrings }: NodesProps) {
  return layout.clientGroups.map((group) => {
    const { status, words } = groupStatus(group, model, strings);
    const first = group.members[0]!;
    const selected = group.members.some((id) => isSelected(selection, 'client', id));
    // In a narrow box the statuses alone ("25 running"), which count every member too.
    return <Node key={`${group.kind}:${group.name}`} box={group.box} label={group.name} detail={canvasStrings.clientGroupDetail(group.kind, group.members.length, words)} shorter={[words]}
      status={status} kindWords={canvasStrings.clientGroupKind(group.kind)} kind="client" id={first} selected={selected} stacked
      testId={`topology-${group.kind}-group-${group.name}`} />;
  });
}

export const Nodes = memo(function Nodes({ model, layout, selection, strings, canvasStrings }: NodesProps) {
  return (
    <>
      {model.input.nameServers.map((id) => {
        const status = model.nameServerStatus[id] ?? 'down';
        const box = layout.nameServers[id];
        return box && <Node key={id} box={box} label={id} detail={`NameServer · ${strings.status[status]}`} status={status}
          kind="nameServer" id={id} selected={isSelected(selection, 'nameServer', id)} testId={`topology-nameserver-${id}`} />;
      })}
      {model.input.brokerGroups.map((group) => {
        const frame = layout.brokerGroups[group.name];
        return frame && (
          <g key={group.name}>
            {!layout.untitledGroups.includes(group.name) && <GroupFrame box={frame} title={null} />}
            {group.members.map((node) => {
              const broker = model.brokers[node];
              const box = layout.brokers[node];
              if (!broker || !box) return null;
              return <Node key={node} box={box} label={brokerTitle(node, broker, strings)} detail={strings.status[broker.status]} shownDetail={brokerDetail(broker, model.topic, strings, canvasStrings)} status={broker.status} textOnTop
                kindWords={strings.nodeKind.broker} kind="broker" id={node} selected={isBrokerSelected(selection, node, broker)} testId={`topology-broker-${node}`} />;
            })}
          </g>
        );
      })}
      {!layout.density.producersByGroup && model.input.producers.map((id) => {
        const client = model.clients[id];
        const box = layout.producers[id];
        return client && box && <Node key={id} box={box} label={id} detail={`${client.group} · ${strings.status[client.status]}`} status={client.status}
          kindWords={strings.nodeKind.producer} kind="client" id={id} selected={isSelected(selection, 'client', id)} testId={`topology-client-${id}`} />;
      })}
      {!layout.density.consumersByGroup && model.input.consumerGroups.map((group) => {
        const frame = layout.consumerGroups[group.name];
        return frame && (
          <g key={group.name}>
            <GroupFrame box={frame} title={group.name} />
            {group.members.map((id) => {
              const client = model.clients[id];
              const box = layout.consumers[id];
              return client && box && <Node key={id} box={box} label={id} detail={consumerDetail(client, strings, canvasStrings)} status={client.status}
                kindWords={strings.nodeKind.consumer(group.name)} kind="client" id={id} selected={isSelected(selection, 'client', id)} testId={`topology-client-${id}`} />;
            })}
          </g>
        );
      })}
      <ClientGroups model={model} layout={layout} selection={selection} strings={strings} canvasStrings={canvasStrings} />
    </>
  );
});
