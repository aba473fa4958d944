import { barTransform, percent, queueFill } from '../../../src/viz/scales.ts';

describe('queueFill', () => {
  it('is linear in the count against the fullest queue', () => {
    expect(queueFill(0, 40)).toBe(0);
    expect(queueFill(20, 40)).toBe(0.5);
    expect(queueFill(40, 40)).toBe(1);
  });

  it('clamps and treats an empty set as empty', () => {
    expect(queueFill(80, 40)).toBe(1);
    expect(queueFill(5, 0)).toBe(0);
  });
});

describe('percent', () => {
  it('writes a clamped fraction as a CSS percentage', () => {
    expect(percent(0.5)).toBe('50.0%');
    expect(percent(1.2)).toBe('100.0%');
    expect(percent(-1)).toBe('0.0%');
  });
});

describe('barTransform', () => {
  it('scales a full-width bar from its left end, clamped, to a thousandth', () => {
    expect(barTransform(0.5)).toBe('scaleX(0.5)');
    expect(barTransform(2 / 3)).toBe('scaleX(0.667)');
    expect(barTransform(-1)).toBe('scaleX(0)');
    expect(barTransform(1.5)).toBe('scaleX(1)');
  });
});
