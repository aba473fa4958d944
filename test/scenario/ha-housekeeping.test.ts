/**
 * MessageStoreConfig.haHousekeepingInterval (20 s): silence closes an HA connection. The master's
 * HAConnection.ReadSocketService closes a connection that read no report for more than 20 s (it
 * checks after each 1 s select, so at lastRead + 21 s); a 5.x slave's DefaultHAClient closes its
 * connection when nothing came from its master for more than 20 s (checked here at its 5 s tick;
 * an idle master sends a header every 5 s). 4.9.8's HAClient measures its own writes and never
 * closes. Expected times come from these periods and the tick and transfer times before the fault.
 */
import { describe, expect, it } from 'vitest';
import { closesAt } from '../../src/model/broker/ha-connection.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
/** MessageStoreConfig.haSendHeartbeatInterval: the slave's HA ticks, at 0, 5 s, 10 s, ... */
const HA_TICK = 5_000;
const HA_HOUSEKEEPING = 20_000;
/** ReadSocketService.select(1000): the master's read service checks once a second. */
const READ_SELECT = 1_000;
const SLAVE_TIMEOUT = 3_000;

function scenario(role: string, config: object = {}, producing = true): ScenarioJson {
  return {
    version: 1,
    durationMs: 300_000,
    config: { networkJitterMs: 0, sendMsgTimeoutMs: 10_000, ...config },
    nameServers: [{ id: 'ns-1' }],
    brokers: [
      { name: 'broker-a', ip: '10.0.1.1', role },
      { name: 'broker-a', brokerId: 1, role: 'SLAVE', ip: '10.0.1.2' },
    ],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: producing ? [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10 }] : [],
  };
}

const slaveStores = (sim: TestSim) => sim.events('message.stored', (e) => e.brokerId === 1);
const firstTickAfter = (t: number) => (Math.floor(t / HA_TICK) + 1) * HA_TICK;

describe('DefaultHAClient housekeeping (5.x): a slave whose master is cut off closes its connection', () => {
  const T = 32_000;

  for (const [role, producing] of [['ASYNC_MASTER', true], ['SYNC_MASTER', true], ['ASYNC_MASTER', false]] as const) {
    it(`${role}${producing ? '' : ' without a producer'}: at the first 5 s tick past lastRead + 20 s after the partition, recorded as haChannelClosed`, () => {
      const sim = new TestSim(scenario(role, {}, producing)).at(T);
      // The slave last heard its master at its 30 s tick, or at a transfer after it.
      const lastTransfer = slaveStores(sim).at(-1)?.t ?? 0;
      const lastRead = Math.max(30_000, lastTransfer);
      expect(lastRead).toBeLessThan(T);
      sim.partitionBroker('broker-a').at(120_000);
      const expected = firstTickAfter(lastRead + HA_HOUSEKEEPING);
      expect(expected).toBe(55_000);
      expect(sim.summary().detections.filter((d) => d.party === 'broker-a/1')).toEqual([
        { fault: 'partitionBroker', target: 'broker-a', faultAt: T, party: 'broker-a/1', noticedAt: expected, how: 'haChannelClosed' },
      ]);
      expect(sim.broker('broker-a', 1).haConnected).toBe(false);
    });
  }

  it('without the partition the connection stays and nobody notices anything', () => {
    const sim = new TestSim(scenario('ASYNC_MASTER')).at(120_000);
    expect(sim.summary().detections).toEqual([]);
    expect(sim.broker('broker-a', 1).haConnected).toBe(true);
  });

  it('4.9.8: the slave never closes (HAClient measures its own last write, renewed by every 5 s report)', () => {
    const sim = new TestSim(scenario('ASYNC_MASTER', { rocketmqVersion: '4.x' })).at(T);
    sim.partitionBroker('broker-a').at(120_000);
    expect(sim.summary().detections.filter((d) => d.party === 'broker-a/1')).toEqual([]);
    expect(sim.broker('broker-a', 1).haConnected).toBe(true);
  });

  it('after the heal the slave connects again at its next tick and catches up', () => {
    const sim = new TestSim(scenario('ASYNC_MASTER')).at(T);
    sim.partitionBroker('broker-a').at(90_500).healPartition('broker-a').at(95_000 + 2 * HOP);
    expect(sim.broker('broker-a', 1).haConnected).toBe(true);
    // The hello at 95 s reaches the master one hop later, and the backlog comes back one hop after that.
    expect(sim.first('message.stored', (e) => e.brokerId === 1 && e.t > T)?.t).toBe(95_000 + 2 * HOP);
  });
});

describe('HAConnection.ReadSocketService housekeeping (4.9.8): a SYNC_MASTER whose slave is cut off closes its connection', () => {
  const V4 = { rocketmqVersion: '4.x' };
  const T = 32_050;
  const HEAL = 90_500;

  it('FLUSH_SLAVE_TIMEOUT for puts before lastRead + 21 s, then SLAVE_NOT_AVAILABLE at once; after the heal the next report reopens it, the report after that acks, and sends are SEND_OK', () => {
    const sim = new TestSim(scenario('SYNC_MASTER', V4)).at(T);
    // The last report the master read: the 30 s tick's (one hop later), or the ack of the last
    // transfer the slave took (one hop after it stored it), whichever came last before T.
    const lastAck = (slaveStores(sim).filter((e) => e.t + HOP <= T).at(-1)?.t ?? 0) + HOP;
    const lastRead = Math.max(30_000 + HOP, lastAck);
    expect(closesAt(sim.sim.state, sim.broker('broker-a').haConnections['broker-a/1']!)).toBe(lastRead + HA_HOUSEKEEPING + READ_SELECT);
    const closed = lastRead + HA_HOUSEKEEPING + READ_SELECT;
    sim.act({ action: 'partitionBroker', target: 'broker-a', brokerId: 1 }).at(HEAL);
    sim.act({ action: 'healPartition', target: 'broker-a', brokerId: 1 }).at(HEAL + 30_000);
    // The slave's first tick after the heal is at 95 s; its report, refused by the closed
    // connection, makes it connect again at once, reaching the master one hop later. 4.9.8's
    // connectMaster sets lastWriteTimestamp, so its first report on the new connection comes at its
    // next tick, 5 s later; the master sends from it, and the slave's report of the copy acks.
    const reopened = firstTickAfter(HEAL) + HOP;
    const firstReport = reopened + HA_TICK;
    const firstAck = firstReport + 2 * HOP;
    const puts = sim.events('message.stored', (e) => e.brokerId === 0 && e.topic === 'TopicTest' && e.t > T);
    let waited = 0;
    let refused = 0;
    let ok = 0;
    const window = { waited: 0, late: 0 };
    for (const put of puts) {
      const result = sim.first('send.result', { msgId: put.msgId })!;
      if (put.t < closed) {
        expect(result).toMatchObject({ status: 'FLUSH_SLAVE_TIMEOUT', t: put.t + SLAVE_TIMEOUT + HOP });
        waited++;
      } else if (put.t < reopened) {
        expect(result).toMatchObject({ status: 'SLAVE_NOT_AVAILABLE', t: put.t + HOP });
        refused++;
      } else if (put.t < firstReport && put.t + SLAVE_TIMEOUT < firstAck) {
        // The connection counts (isSlaveOK), but acks nothing before its first report.
        expect(result).toMatchObject({ status: 'FLUSH_SLAVE_TIMEOUT', t: put.t + SLAVE_TIMEOUT + HOP });
        window.waited++;
      } else if (put.t < firstReport) {
        expect(result).toMatchObject({ status: 'SEND_OK', t: firstAck + HOP });
        window.late++;
      } else if (put.t > firstReport + 4 * HOP && put.t < HEAL + 29_000) {
        // To the master, to the slave, the ack, the answer.
        expect(result).toMatchObject({ status: 'SEND_OK', t: put.t + 3 * HOP });
        ok++;
      }
    }
    // About 10 sends a second: ~21 s of waits, ~37 s of refusals, 2 s of waits and 3 s of late
    // answers after the reconnect, then ~20 s of SEND_OK.
    expect(waited).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(350);
    expect(window.waited).toBeGreaterThanOrEqual(19);
    expect(window.late).toBeGreaterThanOrEqual(29);
    expect(ok).toBeGreaterThan(180);
  });
});

describe('a healthy idle master and its slave', () => {
  for (const version of ['5.x', '4.x'] as const) {
    it(`${version}: no HA connection closes over 5 minutes`, () => {
      const sim = new TestSim(scenario('SYNC_MASTER', { rocketmqVersion: version }, false));
      // From the first report (the 5 s tick, read one hop later) on, every second.
      for (let t = HA_TICK + HOP; t <= 300_000; t += 1_000) {
        sim.at(t);
        const connection = sim.broker('broker-a').haConnections['broker-a/1'];
        expect(connection, `at ${t}`).toBeDefined();
        expect(closesAt(sim.sim.state, connection!)).toBeGreaterThan(t);
        expect(sim.broker('broker-a', 1).haConnected).toBe(true);
      }
      expect(sim.summary().detections).toEqual([]);
    });
  }
});
