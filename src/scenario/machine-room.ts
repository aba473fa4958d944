/**
 * MACHINE_ROOM consumers whose rooms no broker is in. AllocateMessageQueueByMachineRoom reads a
 * queue's machine room from its brokerName, the part before "@" ("room1@broker-a"; a name with no
 * "@", or more than one, is in no room), and gives a consumer only the queues of its
 * consumeridcs: with no broker in one of them it is given nothing and consumes nothing, without a
 * word from RocketMQ. The runner warns about each such consumer.
 */
import { everyConsumer, type Scenario } from '../model/spec.ts';

export interface RoomlessConsumer {
  consumer: string;
  group: string;
  consumeridcs: string[];
  /** The machine rooms the brokers are in, sorted (empty when no broker name has one). */
  brokerRooms: string[];
}

/** AllocateMessageQueueByMachineRoom: `brokerName.split("@")`, a room only with exactly two parts. */
export function machineRoomOf(brokerName: string): string | null {
  const parts = brokerName.split('@');
  return parts.length === 2 ? parts[0]! : null;
}

export function roomlessConsumers(scenario: Pick<Scenario, 'brokers' | 'consumers' | 'timeline'>): RoomlessConsumer[] {
  const rooms = new Set(scenario.brokers.flatMap((broker) => machineRoomOf(broker.name) ?? []));
  return everyConsumer(scenario)
    .filter((consumer) => consumer.allocateStrategy === 'MACHINE_ROOM' && !consumer.consumeridcs.some((room) => rooms.has(room)))
    .map(({ id, group, consumeridcs }) => ({ consumer: id, group, consumeridcs, brokerRooms: [...rooms].sort() }));
}

/** The runner's warning line for one consumer (English: the runner speaks English). */
export function describeRoomlessConsumer(roomless: RoomlessConsumer): string {
  const rooms = roomless.brokerRooms.length > 0 ? `the brokers are in ${roomless.brokerRooms.map((room) => `"${room}"`).join(', ')}` : 'no broker name has a room';
  return `warning: consumer ${roomless.consumer} (group ${roomless.group}, MACHINE_ROOM) is in machine rooms ${roomless.consumeridcs.map((room) => `"${room}"`).join(', ')}, but ${rooms}: AllocateMessageQueueByMachineRoom reads a broker's room from its name, "<room>@<name>", so this consumer is given no queue and consumes nothing.`;
}
