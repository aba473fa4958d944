import { describe, expect, it } from 'vitest';
import { BASE_WIDTH, canvasTextZoom, KEEP_WIDE_MIN_SHARE, MAX_SCALE, PRESENTING_TEXT_MIN, topologyScale } from '../../../src/viz/topology-scale.ts';
import { WIDE_MIN_WIDTH } from '../../../src/viz/topology-layout.ts';

/** A layout 400 px high at any width (the wide layout's height hardly depends on its width). */
const height400 = () => 400;

describe('how much larger the topology is drawn', () => {
  it('draws a panel up to BASE_WIDTH wide at its layout\'s size', () => {
    expect(topologyScale(BASE_WIDTH, height400, 10_000)).toBe(1);
    expect(topologyScale(800, height400, 10_000)).toBe(1);
  });

  it('grows with the width, in steps of 0.05, up to MAX_SCALE', () => {
    expect(topologyScale(1_344, height400, 10_000)).toBe(1.4);
    expect(topologyScale(4_000, height400, 10_000)).toBe(MAX_SCALE);
  });

  it('grows only as far as the height left in the window allows', () => {
    // 1,344 px would give 1.4x, but 520 px of room hold 400 px drawn 1.3x.
    expect(topologyScale(1_344, height400, 520)).toBe(1.3);
    expect(topologyScale(1_344, height400, 300)).toBe(1);
  });

  it('gives presentation mode its minimum where the height holds it, while the layout stays wide', () => {
    // 1,240 px alone would give 1.25x; 600 px of room hold 400 px drawn 1.5x.
    expect(topologyScale(1_240, height400, 10_000)).toBe(1.25);
    expect(topologyScale(1_240, height400, 600, 1.5)).toBe(1.5);
    // 900 px cannot give 1.5x and keep the layout wide: as large as it stays wide, in a whole step.
    const widest = Math.floor((900 / WIDE_MIN_WIDTH) * 20) / 20;
    expect(widest).toBeGreaterThan(1);
    expect(topologyScale(900, height400, 10_000, 1.5)).toBe(widest);
    expect(topologyScale(500, height400, 10_000, 1.5)).toBe(1);
  });

  it('lets presentation mode\'s minimum yield to the height, never drawing smaller than the layout', () => {
    // 520 px hold 400 px drawn 1.3x, not 1.5x: the legend under the drawing stays on screen.
    expect(topologyScale(1_240, height400, 520, 1.5)).toBe(1.3);
    expect(topologyScale(1_240, height400, 300, 1.5)).toBe(1);
  });

  it('presenting, draws the wide layout smaller in a panel a little narrower than it, laid out at WIDE_MIN_WIDTH; a phone\'s panel stacks', () => {
    // A 1024x768 projector at 150 %: a 617 px panel.
    const scale = topologyScale(617, height400, 10_000, 1.5, true);
    expect(scale).toBeLessThan(1);
    expect(617 / scale).toBeGreaterThanOrEqual(WIDE_MIN_WIDTH);
    expect(617 / scale).toBeLessThan(WIDE_MIN_WIDTH + 1);
    // Not outside presentation mode, and not below KEEP_WIDE_MIN_SHARE of the wide layout.
    expect(topologyScale(617, height400, 10_000, 1)).toBe(1);
    expect(topologyScale(Math.floor(WIDE_MIN_WIDTH * KEEP_WIDE_MIN_SHARE) - 1, height400, 10_000, 1.5, true)).toBe(1);
  });
});

describe('canvasTextZoom: the canvas\'s type while presenting', () => {
  it('draws the text 1.25x its page size where the drawing itself stays at 1 (a chapter beside the inspector at 1280x800), and no larger inside its boxes', () => {
    expect(canvasTextZoom(1, true)).toBe(PRESENTING_TEXT_MIN);
    expect(PRESENTING_TEXT_MIN).toBe(1.25);
    // A drawing drawn smaller (KEEP_WIDE_MIN_SHARE, a 1024 px projector) keeps the cap: the name and its status line fit a 40 px box.
    expect(canvasTextZoom(0.786, true)).toBe(1.25);
  });

  it('makes up only what the drawing\'s own scale does not: none at 1.35x, and none off the projector', () => {
    expect(canvasTextZoom(1.1, true)).toBe(1.14);
    expect(canvasTextZoom(1.35, true)).toBe(1);
    expect(canvasTextZoom(1, false)).toBe(1);
  });
});
