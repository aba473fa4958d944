/**
 * Controller mode (5.x): when the controller replaces a master, and with whom. The expected times
 * are RocketMQ's rules applied to the scenario's clock (network hops of 1 ms, no jitter):
 * - a broker's heartbeat to the controller goes out at its start and every 1 s
 *   (BrokerConfig.brokerHeartbeatInterval; BrokerController.scheduleSendHeartbeat, first after 1 s);
 * - a crashed master's channel closes one hop later and the controller elects at once
 *   (BrokerHousekeepingService.onChannelClose -> onBrokerInactive);
 * - a silent master is found by the first scan that sees its last heartbeat more than 10 s old
 *   (controllerHeartBeatTimeoutMills): DefaultBrokerHeartbeatManager.scanNotActiveBroker every 5 s
 *   from 2 s, or DLedgerController.scanInactiveMasterAndTriggerReelect every 5 s from 5 s;
 * - the new master comes from the SyncStateSet, registers as brokerId 0 one hop after the
 *   controller's notice reaches it, and clients see it at their next 30 s route pull.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/validate.ts';
import { masterSlaveCluster } from '../support/cluster.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
const HEARTBEAT_INTERVAL = 1_000;
const HEARTBEAT_TIMEOUT = 10_000;
const SCAN_INITIAL = 2_000;
const SCAN_PERIOD = 5_000;
const MASTER_SCAN_PERIOD = 5_000;
const POLL_NAME_SERVER = 30_000;
const ROUTE_FIRST_PULL = 10;
const HA_MAX_TIME_NOT_CATCHUP = 15_000;
const CHECK_SYNC_STATE_SET_INITIAL = 3_000;
const CHECK_SYNC_STATE_SET_PERIOD = 5_000;

/** The cluster in controller mode, the controller inside ns-1 (enableControllerInNamesrv). */
function scenario(timeline: unknown[], config: Record<string, unknown> = {}): ScenarioJson {
  return masterSlaveCluster({ durationMs: 200_000, config: { enableControllerMode: true, enableControllerInNamesrv: true, ...config }, timeline });
}

/** The last heartbeat a broker started at 0 sent before `t` reaches the controller one hop later. */
function lastHeartbeatBefore(t: number): number {
  return Math.floor((t - 1) / HEARTBEAT_INTERVAL) * HEARTBEAT_INTERVAL + HOP;
}

/** The first run of either scan (controller started at 0) that finds `last` more than the timeout old. */
function electionAfterSilence(last: number): { at: number; trigger: 'expired' | 'masterInactive' } {
  for (let t = 0; ; t += 1_000) {
    if (t - last <= HEARTBEAT_TIMEOUT) continue;
    // At one instant the inactive-master scan (scheduled first) runs before the heartbeat scan.
    if (t % MASTER_SCAN_PERIOD === 0 && t > 0) return { at: t, trigger: 'masterInactive' };
    if (t >= SCAN_INITIAL && (t - SCAN_INITIAL) % SCAN_PERIOD === 0) return { at: t, trigger: 'expired' };
  }
}

describe('controller mode: who becomes master, and when', () => {
  it('starts with the declared master (controller id 1, epoch 1) and lets the slave (controller id 2) into the SyncStateSet once it holds everything', () => {
    const sim = new TestSim(scenario([])).at(20_000);
    expect(sim.events('broker.roleChanged', { broker: 'broker-a' }).map(({ brokerId, controllerId, role, masterEpoch }) => ({ brokerId, controllerId, role, masterEpoch })))
      .toEqual(expect.arrayContaining([
        { brokerId: 0, controllerId: 1, role: 'SYNC_MASTER', masterEpoch: 1 },
        { brokerId: 2, controllerId: 2, role: 'SLAVE', masterEpoch: 1 },
      ]));
    expect(sim.last('syncStateSet.changed', { broker: 'broker-a' })).toMatchObject({ syncStateSet: [1, 2], controller: 'ns-1/controller' });
    // The NameServer sees the master as 0 and the slave by its controller id.
    expect(Object.keys(sim.nameServer('ns-1').brokerAddrTable['broker-a']!.brokerAddrs)).toEqual(['0', '2']);
  });

  it('a crashed master: the controller elects the slave one hop after the crash, the slave registers as brokerId 0 two hops later, a consumer finds it at its next route pull', () => {
    const crashAt = 30_500;
    const sim = new TestSim(scenario([{ at: crashAt, action: 'crashBroker', target: 'broker-a' }])).at(70_000);
    const elected = sim.first('controller.elected')!;
    expect(elected).toMatchObject({ t: crashAt + HOP, broker: 'broker-a', brokerId: 2, masterEpoch: 2, trigger: 'channelClosed' });
    expect(sim.first('broker.roleChanged', (e) => e.t > crashAt)).toMatchObject({ t: crashAt + 2 * HOP, broker: 'broker-a', brokerId: 0, controllerId: 2 });
    expect(sim.first('broker.registered', (e) => e.t > crashAt && e.brokerId === 0 && e.broker === 'broker-a')?.t).toBe(crashAt + 3 * HOP);
    const nextPull = ROUTE_FIRST_PULL + Math.ceil((crashAt + 3 * HOP - ROUTE_FIRST_PULL) / POLL_NAME_SERVER) * POLL_NAME_SERVER;
    expect(sim.summary().detections.filter((d) => d.party === 'c-1' || d.party === 'ns-1/controller')).toEqual(expect.arrayContaining([
      expect.objectContaining({ party: 'ns-1/controller', noticedAt: crashAt + HOP, how: 'controllerChannelClosed', detail: 'broker-a/1' }),
    ]));
    // The consumer's route names the new master's address as brokerId 0 from its next pull on.
    const route = sim.first('route.updated', (e) => e.client === 'c-1' && e.t > crashAt)!;
    expect(route.t).toBe(nextPull + 2 * HOP);
    expect(sim.consumer('c-1').brokerAddrTable['broker-a']).toEqual({ 0: '10.0.1.2:10911' });
  });

  it.each([
    ['the heartbeat scan', 30_500],
    ['the inactive-master scan', 27_500],
  ])('a partitioned master is replaced by %s: the first scan after its last heartbeat + 10 s', (_name, partitionAt) => {
    const sim = new TestSim(scenario([{ at: partitionAt, action: 'partitionBroker', target: 'broker-a' }])).at(80_000);
    const last = lastHeartbeatBefore(partitionAt);
    const expected = electionAfterSilence(last);
    expect(sim.first('controller.elected')).toMatchObject({ t: expected.at, brokerId: 2, masterEpoch: 2, trigger: expected.trigger });
    const how = expected.trigger === 'expired' ? 'controllerExpired' : 'controllerMasterInactive';
    expect(sim.summary().detections).toContainEqual({
      fault: 'partitionBroker', target: 'broker-a', faultAt: partitionAt, party: 'ns-1/controller', noticedAt: expected.at, how, since: last, detail: 'broker-a/1',
    });
  });

  it('the old master, healed, is refused by the NameServers as brokerId 0 (older epoch) and becomes a slave at its next metadata sync', () => {
    const sim = new TestSim(scenario([
      { at: 30_500, action: 'partitionBroker', target: 'broker-a' },
      { at: 70_500, action: 'healPartition', target: 'broker-a' },
    ])).at(90_000);
    // syncBrokerMetadata runs every 5 s from 3 s after start: 73 s is the first after the heal.
    expect(sim.first('broker.roleChanged', (e) => e.t > 70_500)).toMatchObject({ t: 73_000 + 2 * HOP, brokerId: 1, controllerId: 1, role: 'SLAVE', masterEpoch: 2 });
    expect(sim.nameServer('ns-1').brokerAddrTable['broker-a']!.brokerAddrs).toEqual({ 0: '10.0.1.2:10911', 1: '10.0.1.1:10911' });
    expect(sim.broker('broker-a', 0).haMasterAddr).toBe('10.0.1.2:10911');
  });

  it('no in-sync replica alive: the slave left the SyncStateSet 15 s after it stopped catching up, so the master\'s crash elects nobody; the old master coming back asks and is elected again', () => {
    const slaveCrash = 20_500;
    const sim = new TestSim(scenario([
      { at: slaveCrash, action: 'crashBroker', target: 'broker-a', brokerId: 1 },
      { at: 60_500, action: 'crashBroker', target: 'broker-a' },
      { at: 90_500, action: 'startBroker', target: 'broker-a' },
    ])).at(120_000);
    // maybeShrinkSyncStateSet: the first check (every 5 s from 3 s) more than 15 s after the slave last caught up.
    const caughtUp = sim.last('message.stored', (e) => e.broker === 'broker-a' && e.brokerId === 2 && e.t <= slaveCrash)!.t;
    let check = CHECK_SYNC_STATE_SET_INITIAL;
    while (check - caughtUp <= HA_MAX_TIME_NOT_CATCHUP) check += CHECK_SYNC_STATE_SET_PERIOD;
    expect(sim.first('syncStateSet.changed', (e) => e.t > slaveCrash)).toMatchObject({ t: check + HOP, syncStateSet: [1] });
    expect(sim.events('controller.elected').map(({ t, brokerId, trigger }) => ({ t, brokerId, trigger }))).toEqual([
      { t: 60_500 + HOP, brokerId: null, trigger: 'channelClosed' },
      // Back at 90.5 s: its heartbeat first, then the register answer (no live master), then brokerElect.
      { t: 90_500 + 3 * HOP, brokerId: 1, trigger: 'brokerElect' },
    ]);
    expect(sim.summary().detections).toContainEqual(expect.objectContaining({ party: 'ns-1/controller', how: 'controllerChannelClosed', detail: 'none' }));
  });

  it.each([
    [false, null],
    [true, 2],
  ])('enableElectUncleanMaster %s: a live slave outside the SyncStateSet is elected only when unclean election is on', (unclean, elected) => {
    // The slave, cut off from 20.5 s to 50.5 s, left the SyncStateSet; its heartbeats reach the
    // controller again from 51 s, and its next HA report (every 5 s: 55 s) would let it back in.
    const sim = new TestSim(scenario([
      { at: 20_500, action: 'partitionBroker', target: 'broker-a', brokerId: 1 },
      { at: 50_500, action: 'healPartition', target: 'broker-a', brokerId: 1 },
      { at: 52_600, action: 'crashBroker', target: 'broker-a' },
    ], { enableElectUncleanMaster: unclean })).at(60_000);
    expect(sim.last('syncStateSet.changed', (e) => e.t < 52_600)).toMatchObject({ syncStateSet: [1] });
    expect(sim.first('controller.elected')).toMatchObject({ t: 52_600 + HOP, brokerId: elected, trigger: 'channelClosed' });
  });

  it('minInSyncReplicas 2: with the slave out of the SyncStateSet the master refuses puts before storing them', () => {
    const json = scenario([{ at: 20_500, action: 'crashBroker', target: 'broker-a', brokerId: 1 }]);
    (json.brokers as Record<string, unknown>[])[0]!.minInSyncReplicas = 2;
    const sim = new TestSim(json).at(60_000);
    // The master changes its own set when it reports it, one hop before the controller records
    // it; a refusal reaches the producer one hop after the broker refused.
    const joined = sim.first('syncStateSet.changed', { broker: 'broker-a' })!.t - HOP;
    const shrunk = sim.first('syncStateSet.changed', (e) => e.t > 20_500)!.t - HOP;
    const refused = sim.events('send.failed', (e) => e.broker === 'broker-a' && e.reason === 'SYSTEM_ERROR').map((e) => e.t - HOP);
    // Refused while the set is the master alone: before the slave joined, and after it left.
    expect(refused.some((t) => t < joined)).toBe(true);
    expect(refused.some((t) => t >= shrunk)).toBe(true);
    expect(refused.filter((t) => t >= joined && t < shrunk)).toEqual([]);
    expect(sim.events('message.stored', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.t > shrunk + HOP)).toEqual([]);
  });
});

describe('controller mode is checked by JSON path', () => {
  const errors = (json: ScenarioJson) => {
    const result = validateScenario(json);
    return result.ok ? [] : result.errors.map(({ path, message }) => ({ path, message }));
  };

  it('is refused in 4.x', () => {
    expect(errors(scenario([], { rocketmqVersion: '4.x' }))).toEqual([
      { path: 'config.enableControllerMode', message: expect.stringContaining('only in RocketMQ 5.x') },
      { path: 'config.enableControllerInNamesrv', message: expect.stringContaining('only in RocketMQ 5.x') },
    ]);
  });

  it('needs a controller', () => {
    expect(errors(scenario([], { enableControllerInNamesrv: false }))).toEqual([
      { path: 'config.enableControllerMode', message: expect.stringContaining('needs a controller') },
    ]);
  });

  it('takes a standalone controller, but not beside one in the NameServer', () => {
    const standalone = { ...scenario([], { enableControllerInNamesrv: false }), controllers: [{ id: 'controller-1' }] };
    expect(errors(standalone)).toEqual([]);
    const both = { ...scenario([]), controllers: [{ id: 'controller-1' }] };
    expect(errors(both)).toEqual([{ path: 'controllers[0]', message: expect.stringContaining('not both') }]);
    const twice = { ...standalone, controllers: [{ id: 'controller-1' }, { id: 'controller-2' }] };
    expect(errors(twice).map((e) => e.path)).toEqual(['controllers']);
  });
});
