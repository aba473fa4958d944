/**
 * The moments a broker fault showed itself (the named query faultSigns), found by a look ahead of
 * the Timeline. The times come from RocketMQ's rules: a crashed process's connections close, so a
 * NameServer removes it at once (BrokerHousekeepingService.onChannelClose); a partitioned broker's
 * channel is closed by the NameServer's Netty idle handler 120 s after its last registration
 * (serverChannelMaxIdleTimeSeconds); a graceful shutdown unregisters (UNREGISTER_BROKER); a client
 * drops the broker at its next route pull, every 30 s (pollNameServerInterval); in controller mode
 * the controller elects once the master's heartbeats have been missing 10 s
 * (controllerHeartBeatTimeoutMs), at its scan every 5 s.
 */
import { describe, expect, it } from 'vitest';
import { faultSigns, lookAheadEndMs, signsOf, type FaultSign, type FaultSigns } from '../../../../src/sim/queries/fault-signs.ts';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { libraryScenario, libraryTimeline } from '../../../support/library.ts';
import { eventsOf } from '../../../support/trace-events.ts';

const CHANNEL_MAX_IDLE = 120_000;
const POLL_NAME_SERVER = 30_000;
const CONTROLLER_HEARTBEAT_TIMEOUT = 10_000;
const CONTROLLER_SCAN = 5_000;


/** Asks until the answer is complete, as the page does; every answer on the way. */
function askAll(timeline: Timeline): FaultSigns[] {
  const answers = [faultSigns(timeline)];
  while (!answers.at(-1)!.complete) answers.push(faultSigns(timeline));
  return answers;
}

const said = (sign: FaultSign) => `${sign.t} ${sign.kind} ${sign.fault} ${sign.node} ${sign.detection?.how ?? '-'} ${sign.parties.join(',')}`;

describe('faultSigns: Broker crash vs partition vs shutdown', () => {
  // The Timeline stays at 0: every sign is found ahead of it.
  const timeline = new Timeline(libraryScenario('crash-partition-shutdown'));
  const signs = askAll(timeline).at(-1)!.signs;
  // The same run, straight to the end, for the trace events the signs must agree with.
  const run = libraryTimeline('crash-partition-shutdown', libraryScenario('crash-partition-shutdown').durationMs);
  const removed = (broker: string, reason: string) => eventsOf(run, 'broker.removed', (e) => e.broker === broker && e.reason === reason)[0]!;

  it('never moves the Timeline', () => {
    expect(timeline.now).toBe(0);
  });

  it('a crash: first noticed by a NameServer as the connection closes, and every client has let it go by its next route pull', () => {
    const crash = signs.filter((sign) => sign.fault === 'crashBroker');
    const closed = removed('broker-a', 'channelClosed');
    // Both NameServers see the close in the same millisecond (the hop's jitter drew the same delay): the first sign names both.
    expect(crash[0]).toMatchObject({ kind: 'first', t: closed.t, parties: ['ns-1', 'ns-2'], detection: { how: 'channelClosed' } });
    expect(eventsOf(run, 'broker.removed', (e) => e.broker === 'broker-a' && e.reason === 'channelClosed').map((e) => [e.nameServer, e.t - closed.t])).toEqual([['ns-1', 0], ['ns-2', 0]]);
    expect(closed.t - 60_000).toBeLessThan(10);
    expect(crash[1]!.kind).toBe('routes');
    expect(crash[1]!.t).toBeLessThanOrEqual(closed.t + POLL_NAME_SERVER);
  });

  it('a partition: a client notices first; the NameServers 120 s after the last registration (idle close); the clients at their next route pull', () => {
    const partition = signs.filter((sign) => sign.fault === 'partitionBroker');
    expect(partition.map((sign) => sign.kind)).toEqual(['first', 'nameServer', 'routes']);
    const [first, nameServer, routes] = partition as [FaultSign, FaultSign, FaultSign];
    const firstFailure = eventsOf(run, 'send.failed', (e) => e.broker === 'broker-b' && e.t >= 90_000)[0]!;
    expect(first).toMatchObject({ t: firstFailure.t, parties: [firstFailure.producer], detection: { how: 'sendFailed', detail: 'timeout' } });
    const lastRegistration = (ns: string) => eventsOf(run, 'broker.registered', (e) => e.broker === 'broker-b' && e.nameServer === ns && e.t < 90_000).at(-1)!.t;
    // ns-1 heard that registration a millisecond before ns-2, so it closes the idle channel first, alone in the sign.
    expect(lastRegistration('ns-2') - lastRegistration('ns-1')).toBe(1);
    expect(nameServer).toMatchObject({ t: lastRegistration('ns-1') + CHANNEL_MAX_IDLE, detection: { how: 'channelIdle' }, parties: ['ns-1'] });
    expect(removed('broker-b', 'channelIdle').t).toBe(nameServer.t);
    // The last client's route pull after which none of its cached routes (its topic's and its retry topic's) lists broker-b.
    const pulls = eventsOf(run, 'route.updated', (e) => e.client === routes.parties[0] && e.t > nameServer.t && e.t <= routes.t);
    expect(pulls.at(-1)!.t).toBe(routes.t);
    expect(routes.t - nameServer.t).toBeLessThanOrEqual(POLL_NAME_SERVER + 1_000);
  });

  it('a graceful shutdown: first noticed as it unregisters', () => {
    const unregistered = removed('broker-c', 'unregistered');
    expect(signs.find((sign) => sign.fault === 'shutdownBroker')).toMatchObject({ kind: 'first', t: unregistered.t, detection: { how: 'unregistered' } });
  });

  it('are the signs a run to the end of the window records', () => {
    const endMs = lookAheadEndMs(timeline.scenario);
    expect(signs).toEqual(signsOf(libraryTimeline('crash-partition-shutdown', endMs).state, endMs));
  });
});

describe('faultSigns: A master crashes, its slave keeps serving reads', () => {
  it('looks ahead a share at a time: a partial answer holds only signs the complete one has', () => {
    const answers = askAll(new Timeline(libraryScenario('master-slave-failover')));
    expect(answers.length).toBeGreaterThan(1);
    const complete = answers.at(-1)!.signs.map(said);
    for (const partial of answers.slice(0, -1)) expect(partial.signs.map(said).every((sign) => complete.includes(sign))).toBe(true);
  });

  it('answers from the Timeline itself once it has been past the window, and keeps that answer', () => {
    const scenario = libraryScenario('master-slave-failover');
    const ahead = askAll(new Timeline(scenario)).at(-1)!;
    const timeline = libraryTimeline('master-slave-failover', scenario.durationMs);
    expect(faultSigns(timeline)).toEqual(ahead);
    timeline.seek(0);
    expect(faultSigns(timeline)).toEqual(ahead);
  });
});

describe('faultSigns: Controller mode', () => {
  it('the controller elects once the master has missed its heartbeats for 10 s; the NameServers stop listing it when the new master registers', () => {
    const timeline = libraryTimeline('controller-failover', libraryScenario('controller-failover').durationMs);
    const signs = askAll(new Timeline(libraryScenario('controller-failover'))).at(-1)!.signs;
    const elected = signs.find((sign) => sign.kind === 'elected')!;
    const election = eventsOf(timeline, 'controller.elected')[0]!;
    expect(elected).toMatchObject({ t: election.t, detection: { how: 'controllerExpired' } });
    const partitionAt = timeline.scenario.timeline.find((action) => action.action === 'partitionBroker')!.at;
    // Its last heartbeat came at most a second (controllerHeartbeatInterval) before the partition.
    expect(election.t - partitionAt).toBeGreaterThan(CONTROLLER_HEARTBEAT_TIMEOUT - 1_000);
    expect(election.t - partitionAt).toBeLessThanOrEqual(CONTROLLER_HEARTBEAT_TIMEOUT + CONTROLLER_SCAN);
    // No NameServer noticed on its own: each stopped listing the old master at the new master's registration after the
    // election, both in the same millisecond (the registration's hops drew the same jitter).
    const dropped = signs.find((sign) => sign.kind === 'nameServer')!;
    expect(dropped).toMatchObject({ detection: null, parties: ['ns-1', 'ns-2'] });
    expect(dropped.t).toBeGreaterThan(elected.t);
  });
});

describe('faultSigns: no broker fault', () => {
  it('is complete at once, with no sign and nothing simulated', () => {
    const timeline = new Timeline(libraryScenario('read8-write4'));
    expect(lookAheadEndMs(timeline.scenario)).toBe(0);
    expect(faultSigns(timeline)).toEqual({ signs: [], complete: true });
  });
});
