/**
 * A MACHINE_ROOM consumer whose rooms no broker is in gets nothing (AllocateMessageQueueByMachineRoom
 * reads a broker's room from "<room>@<name>"): accepted, as RocketMQ accepts it, and warned about.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { machineRoomOf, roomlessConsumers } from '../../src/scenario/machine-room.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rocketscope-room-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rooms(brokerNames: string[], consumeridcs: string[]): ScenarioJson {
  return {
    version: 1, seed: 1, durationMs: 40_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: brokerNames.map((name) => ({ name })),
    topics: [{ name: 'T', writeQueueNums: 2, readQueueNums: 2 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'T', ratePerSec: 4 }],
    consumers: [{ id: 'c-room', group: 'CG_ROOM', topic: 'T', allocateStrategy: 'MACHINE_ROOM', consumeridcs }],
  };
}

function roomless(file: ScenarioJson) {
  const result = validateScenario(file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return roomlessConsumers(result.scenario);
}

describe('MACHINE_ROOM reads the room before "@" in the broker name', () => {
  it('takes the part before the one "@", and no room from a name without exactly one', () => {
    expect(machineRoomOf('room1@broker-a')).toBe('room1');
    expect(machineRoomOf('broker-a')).toBeNull();
    expect(machineRoomOf('a@b@c')).toBeNull();
  });

  it('a consumer in room1 with brokers broker-a and broker-b consumes nothing, and is listed', () => {
    const file = rooms(['broker-a', 'broker-b'], ['room1']);
    expect(new TestSim(file).advance(40_000).events('message.consumed')).toEqual([]);
    expect(roomless(file)).toEqual([{ consumer: 'c-room', group: 'CG_ROOM', consumeridcs: ['room1'], brokerRooms: [] }]);
  });

  it('with brokers named room1@broker-a it consumes, and is not listed', () => {
    const file = rooms(['room1@broker-a', 'room2@broker-b'], ['room1']);
    expect(new TestSim(file).advance(40_000).events('message.consumed').length).toBeGreaterThan(0);
    expect(roomless(file)).toEqual([]);
    expect(roomless(rooms(['room1@broker-a', 'room2@broker-b'], ['room3']))[0]!.brokerRooms).toEqual(['room1', 'room2']);
  });

  it('the runner warns on stderr and still runs the scenario', () => {
    const path = join(dir, 'room.json');
    writeFileSync(path, JSON.stringify(rooms(['broker-a'], ['room1'])));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', path, '--summary', join(dir, 'room.sum.json')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('warning: consumer c-room (group CG_ROOM, MACHINE_ROOM) is in machine rooms "room1", but no broker name has a room');
  });
});
