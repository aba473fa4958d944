/**
 * What a share link says is selected (docs/links.md, key `sel`): an open message card, a queue's
 * card, or a process in the inspector. Names are written as hex of their UTF-8 bytes, so any name
 * a person typed survives chat tools (which undo percent-encoding and trim trailing punctuation).
 * A value that is damaged, or names nothing of the scenario, is ignored: the page opens as
 * without it.
 */
import { SCENARIO_BOUNDS } from '../model/defaults.ts';
import { everyConsumer, everyProducer, type Scenario } from '../model/spec.ts';
import { ipv4ToString, parseUniqId } from '../model/message-id.ts';

/** A process for the inspector, a message for its card, or a queue for its latest messages. */
export type LinkSelection =
  | { kind: 'nameServer' | 'broker' | 'client'; id: string }
  | { kind: 'message'; msgId: string }
  | { kind: 'queue'; topic: string; broker: string; queueId: number };

const PROCESS_CODES = { nameServer: 'n', broker: 'b', client: 'c' } as const;
const MSG_ID = /^[0-9A-F]{32}$/;
/** Bytes enough for the longest name (SCENARIO_BOUNDS.stringLength UTF-16 units, each at most 3 UTF-8 bytes) and a node's `/1023`. */
const HEX = new RegExp(`^(?:[0-9a-f]{2}){1,${SCENARIO_BOUNDS.stringLength * 3 + 5}}$`);
const QUEUE_ID = /^\d{1,4}$/;

/** A name as the lowercase hex of its UTF-8 bytes: it survives chat tools whatever it holds. */
export function toHex(text: string): string {
  return Array.from(new TextEncoder().encode(text), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** toHex undone; null when the text is not such hex or not UTF-8. */
export function fromHex(hex: string): string | null {
  if (!HEX.test(hex)) return null;
  const bytes = Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The `sel` value for a selection. */
export function encodeSelection(selection: LinkSelection): string {
  switch (selection.kind) {
    case 'message': return `m.${selection.msgId}`;
    case 'queue': return `q.${selection.queueId}.${toHex(selection.topic)}.${toHex(selection.broker)}`;
    case 'nameServer': case 'broker': case 'client': return `${PROCESS_CODES[selection.kind]}.${toHex(selection.id)}`;
  }
}

function readSelection(value: string): LinkSelection | null {
  const [code, ...parts] = value.split('.');
  if (code === 'm' && parts.length === 1 && MSG_ID.test(parts[0]!)) return { kind: 'message', msgId: parts[0]! };
  if (code === 'q' && parts.length === 3 && QUEUE_ID.test(parts[0]!)) {
    const topic = fromHex(parts[1]!);
    const broker = fromHex(parts[2]!);
    return topic === null || broker === null ? null : { kind: 'queue', topic, broker, queueId: Number(parts[0]) };
  }
  const kind = (Object.keys(PROCESS_CODES) as (keyof typeof PROCESS_CODES)[]).find((k) => PROCESS_CODES[k] === code);
  const id = parts.length === 1 ? fromHex(parts[0]!) : null;
  return kind === undefined || id === null ? null : { kind, id };
}

/** What the scenario has (its timeline's additions too), for telling a real selection from a made-up one. */
export function scenarioNames(scenario: Scenario) {
  const producers = everyProducer(scenario);
  const consumers = everyConsumer(scenario);
  return {
    nameServers: new Set(scenario.nameServers.map((n) => n.id)),
    brokerNames: new Set(scenario.brokers.map((b) => b.name)),
    brokerNodes: new Set(scenario.brokers.map((b) => `${b.name}/${b.brokerId}`)),
    clients: new Set([...producers, ...consumers].map((c) => c.id)),
    producerIps: new Set(producers.map((p) => p.ip)),
    topics: new Set([
      ...scenario.topics.map((t) => t.name), ...producers.map((p) => p.topic), ...consumers.map((c) => c.topic),
      ...scenario.timeline.flatMap((a) => (a.action === 'updateTopic' ? [a.topic] : [])),
    ]),
  };
}

/**
 * The selection a `sel` value names in this scenario, or null. A message must carry the IP of
 * one of its producers (the first field of RocketMQ's msgId, MessageClientIDSetter).
 */
export function decodeSelection(value: string | undefined, scenario: Scenario): LinkSelection | null {
  const selection = value === undefined ? null : readSelection(value);
  if (selection === null) return null;
  const names = scenarioNames(scenario);
  switch (selection.kind) {
    case 'message': {
      const fields = parseUniqId(selection.msgId);
      return fields !== null && names.producerIps.has(ipv4ToString(fields.ip)) ? selection : null;
    }
    case 'queue': return names.topics.has(selection.topic) && names.brokerNames.has(selection.broker) ? selection : null;
    case 'nameServer': return names.nameServers.has(selection.id) ? selection : null;
    // A node (`broker-a/0`), or a brokerName meaning its master now, as a chapter's step selects it (InspectorPanel.tsx).
    case 'broker': return names.brokerNodes.has(selection.id) || names.brokerNames.has(selection.id) ? selection : null;
    case 'client': return names.clients.has(selection.id) ? selection : null;
  }
}
