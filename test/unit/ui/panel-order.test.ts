import { firstFaultAt, sideOrder } from '../../../src/ui/panel-order.ts';
import { libraryScenario } from '../../support/library.ts';

describe('the side column follows the scenario\'s focus', () => {
  it('keeps the usual order without a focus', () => {
    expect(sideOrder([])).toEqual(['nameServers', 'inspector', 'log', 'failover']);
  });

  it('puts the focused panels first, in the usual order among themselves, the others after', () => {
    expect(sideOrder(['queues', 'log'])).toEqual(['log', 'nameServers', 'inspector', 'failover']);
    expect(sideOrder(['log', 'inspector'])).toEqual(['inspector', 'log', 'nameServers', 'failover']);
    expect(sideOrder(['nameServers', 'log'])).toEqual(['nameServers', 'log', 'inspector', 'failover']);
    expect(sideOrder(['failover', 'topology'])).toEqual(['failover', 'nameServers', 'inspector', 'log']);
  });

  it('puts the inspector first of all while a process is selected, the focus after it', () => {
    expect(sideOrder([], true)).toEqual(['inspector', 'nameServers', 'log', 'failover']);
    expect(sideOrder(['log', 'inspector'], true)).toEqual(['inspector', 'log', 'nameServers', 'failover']);
    expect(sideOrder(['failover', 'log'], true)).toEqual(['inspector', 'log', 'failover', 'nameServers']);
  });

  it('puts the failover record first once a broker has failed, whatever the focus, after the inspector while one is open', () => {
    // "Broker crash, network partition and clean shutdown" focuses the NameServers and the log.
    expect(sideOrder(['nameServers', 'log'], false, true)).toEqual(['failover', 'nameServers', 'log', 'inspector']);
    expect(sideOrder(['failover', 'queues'], false, true)).toEqual(['failover', 'nameServers', 'inspector', 'log']);
    expect(sideOrder(['nameServers', 'log'], true, true)).toEqual(['inspector', 'failover', 'nameServers', 'log']);
    expect(sideOrder([], false, true)).toEqual(['failover', 'nameServers', 'inspector', 'log']);
  });
});

describe('the first broker fault of a timeline', () => {
  it('is its first crash, power loss, partition or shutdown of a broker', () => {
    // broker-a crashes at 60 s, broker-b is cut off at 90 s, broker-c shuts down at 240 s.
    expect(firstFaultAt(libraryScenario('crash-partition-shutdown').timeline)).toBe(60_000);
    expect(firstFaultAt([{ at: 5_000, action: 'crashNameServer', target: 'ns-1' }, { at: 9_000, action: 'powerOffBroker', target: 'broker-a' }, { at: 7_000, action: 'partitionBroker', target: 'broker-b' }])).toBe(7_000);
  });

  it('never comes in a run whose faults are not a broker\'s (a NameServer down) or without faults', () => {
    expect(firstFaultAt(libraryScenario('nameserver-down').timeline)).toBe(Infinity);
    expect(firstFaultAt(libraryScenario('write8-read4').timeline)).toBe(Infinity);
    expect(firstFaultAt(undefined)).toBe(Infinity);
  });
});
