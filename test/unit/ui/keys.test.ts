import { describe, expect, it } from 'vitest';
import { moveIndex } from '../../../src/ui/keys.ts';

describe('moveIndex', () => {
  it('steps along a row with ← →, stopping at the ends, and leaves ↑ ↓ to the page', () => {
    const row = { axis: 'horizontal' } as const;
    expect(moveIndex('ArrowRight', 2, 5, row)).toBe(3);
    expect(moveIndex('ArrowRight', 4, 5, row)).toBe(4);
    expect(moveIndex('ArrowLeft', 0, 5, row)).toBe(0);
    expect(moveIndex('ArrowDown', 2, 5, row)).toBeNull();
  });

  it('steps down a column with ↑ ↓, and leaves ← → to the page (the event log: they step the run)', () => {
    const column = { axis: 'vertical' } as const;
    expect(moveIndex('ArrowDown', 2, 5, column)).toBe(3);
    expect(moveIndex('ArrowUp', 0, 5, column)).toBe(0);
    expect(moveIndex('ArrowRight', 2, 5, column)).toBeNull();
  });

  it('takes all four arrows on both axes', () => {
    const both = { axis: 'both' } as const;
    expect([moveIndex('ArrowRight', 2, 5, both), moveIndex('ArrowDown', 2, 5, both)]).toEqual([3, 3]);
    expect([moveIndex('ArrowLeft', 2, 5, both), moveIndex('ArrowUp', 2, 5, both)]).toEqual([1, 1]);
  });

  it('wraps past either end when asked (a tablist)', () => {
    const tabs = { axis: 'horizontal', wrap: true } as const;
    expect(moveIndex('ArrowRight', 4, 5, tabs)).toBe(0);
    expect(moveIndex('ArrowLeft', 0, 5, tabs)).toBe(4);
    expect(moveIndex('ArrowRight', 1, 5, tabs)).toBe(2);
  });

  it('goes to the first and the last with Home and End, unless the list leaves them to the page', () => {
    expect(moveIndex('Home', 3, 5, { axis: 'vertical' })).toBe(0);
    expect(moveIndex('End', 1, 5, { axis: 'vertical' })).toBe(4);
    expect(moveIndex('Home', 3, 5, { axis: 'horizontal', ends: false })).toBeNull();
    expect(moveIndex('End', 3, 5, { axis: 'horizontal', ends: false })).toBeNull();
  });

  it('does not move for other keys, or in an empty list', () => {
    expect(moveIndex('Enter', 1, 5, { axis: 'both' })).toBeNull();
    expect(moveIndex('ArrowRight', 0, 0, { axis: 'horizontal' })).toBeNull();
    expect(moveIndex('End', 0, 0, { axis: 'horizontal' })).toBeNull();
  });
});
