import { dotOpacity, flightProgress, flightWindowMs, MAX_FLIGHT_MS, MIN_FLIGHT_MS } from '../../../src/viz/flight.ts';

describe('flightWindowMs', () => {
  it('lasts about half a second of wall time at any speed, within bounds', () => {
    expect(flightWindowMs(1)).toBe(500);
    expect(flightWindowMs(10)).toBe(5_000);
    expect(flightWindowMs(0.1)).toBe(MIN_FLIGHT_MS);
    expect(flightWindowMs(1_000)).toBe(MAX_FLIGHT_MS);
    expect(flightWindowMs(0)).toBe(500);
  });
});

describe('flightProgress', () => {
  it('runs from 0 at the event to 1 one flight later', () => {
    expect(flightProgress(1_000, 1_000, 500)).toBe(0);
    expect(flightProgress(1_000, 1_250, 500)).toBe(0.5);
    expect(flightProgress(1_000, 1_500, 500)).toBe(1);
  });

  it('is null before the event and after the flight', () => {
    expect(flightProgress(1_000, 999, 500)).toBeNull();
    expect(flightProgress(1_000, 1_501, 500)).toBeNull();
  });

  it('depends only on the times, so scrubbing back shows the same dot', () => {
    expect(flightProgress(1_000, 1_200, 500)).toBe(flightProgress(1_000, 1_200, 500));
  });
});

describe('dotOpacity', () => {
  it('is opaque while travelling and fades over the last fifth', () => {
    expect(dotOpacity(0)).toBe(1);
    expect(dotOpacity(0.79)).toBe(1);
    expect(dotOpacity(0.9)).toBeCloseTo(0.5);
    expect(dotOpacity(1)).toBe(0);
  });
});
