import { boxCenter, linkBetween, linkPath, pointOnLink, type Box } from '../../../src/viz/paths.ts';

const left: Box = { x: 0, y: 100, width: 100, height: 40 };
const right: Box = { x: 300, y: 0, width: 100, height: 40 };
const top: Box = { x: 150, y: 0, width: 100, height: 40 };
const bottom: Box = { x: 0, y: 200, width: 100, height: 40 };

describe('linkBetween', () => {
  it('joins side-by-side boxes edge to edge, horizontally', () => {
    const link = linkBetween(left, right);
    expect(link.orientation).toBe('horizontal');
    expect(link.source).toEqual({ x: 100, y: 120 });
    expect(link.target).toEqual({ x: 300, y: 20 });
  });

  it('goes the other way from right to left', () => {
    const link = linkBetween(right, left);
    expect(link.source).toEqual({ x: 300, y: 20 });
    expect(link.target).toEqual({ x: 100, y: 120 });
  });

  it('joins stacked boxes bottom to top, vertically', () => {
    const link = linkBetween(bottom, top);
    expect(link.orientation).toBe('vertical');
    expect(link.source).toEqual({ x: 50, y: 200 });
    expect(link.target).toEqual({ x: 200, y: 40 });
  });
});

describe('pointOnLink', () => {
  it('starts at the source, ends at the target and passes the middle at one half', () => {
    const link = linkBetween(left, right);
    expect(pointOnLink(link, 0)).toEqual(link.source);
    expect(pointOnLink(link, 1)).toEqual(link.target);
    // The curve is symmetric: at p = 0.5 it is halfway in both x and y.
    expect(pointOnLink(link, 0.5)).toEqual({ x: 200, y: 70 });
  });

  it('clamps progress outside [0, 1]', () => {
    const link = linkBetween(bottom, top);
    expect(pointOnLink(link, -1)).toEqual(link.source);
    expect(pointOnLink(link, 2)).toEqual(link.target);
  });

  it('follows the same curve the SVG path draws (d3 linkHorizontal: control points at mid x)', () => {
    const link = linkBetween(left, right);
    expect(linkPath(link)).toBe('M100,120C200,120,200,20,300,20');
    expect(linkPath(linkBetween(bottom, top))).toBe('M50,200C50,120,200,120,200,40');
  });
});

describe('boxCenter', () => {
  it('is the middle of the box', () => {
    expect(boxCenter(left)).toEqual({ x: 50, y: 120 });
  });
});
