/**
 * The canvas's dots stamped into pixels (src/ui/panels/topology-paint.ts): each kind keeps the
 * shape that tells it without its colour, edges are antialiased, a fading dot is fainter, the
 * newest dot is on top, and a dot at the border never spills onto the other side of the image.
 */
import { describe, expect, it } from 'vitest';
import { DOT_KINDS, type Dot, type DotKind } from '../../../src/ui/panels/topology-geometry.ts';
import { NOTHING_PAINTED, paintDots, unionOf, type Rgb } from '../../../src/ui/panels/topology-paint.ts';

const SIZE = 40;
const COLORS = Object.fromEntries(DOT_KINDS.map((kind, i) => [kind, [10 + i * 30, 200 - i * 20, 7 * i] as Rgb])) as Record<DotKind, Rgb>;

function image(width = SIZE, height = SIZE): ImageData {
  return { data: new Uint8ClampedArray(width * height * 4), width, height, colorSpace: 'srgb' } as ImageData;
}

function pixel(picture: ImageData, x: number, y: number): number[] {
  const at = (y * picture.width + x) * 4;
  return [...picture.data.slice(at, at + 4)];
}

function painted(dots: Dot[], unit = 1, picture = image()): ImageData {
  paintDots(picture, dots, COLORS, unit);
  return picture;
}

const at = (kind: DotKind, x: number, y: number, extra: Partial<Dot> = {}): Dot => ({ kind, x, y, opacity: 1, ...extra });

describe('the dots in flight, stamped into pixels', () => {
  it('a message is a disc of radius 4 in its kind\'s colour, antialiased at its edge', () => {
    const picture = painted([at('sent', 20, 20)]);
    expect(pixel(picture, 20, 20)).toEqual([...COLORS.sent, 255]);
    expect(pixel(picture, 23, 20)).toEqual([...COLORS.sent, 255]);
    const edgeAlpha = pixel(picture, 24, 20)[3]!;
    expect(edgeAlpha).toBeGreaterThan(0);
    expect(edgeAlpha).toBeLessThan(255);
    expect(pixel(picture, 25, 20)).toEqual([0, 0, 0, 0]);
  });

  it('a crowded drawing\'s dot carrying many messages is a wider disc: radius 4, 5, 6, 7 for 1, 2-9, 10-99, 100 or more', () => {
    const covered = (events: number | undefined) => {
      const picture = painted([at('sent', 20, 20, events === undefined ? {} : { events })]);
      return [20, 21, 22, 23, 24, 25, 26, 27, 28].filter((x) => pixel(picture, x, 20)[3]! === 255).length;
    };
    // Opaque pixels right of the centre, the centre included: radius r covers x = 20 .. 20 + r - 1.
    expect([undefined, 1, 5, 50, 500].map(covered)).toEqual([4, 4, 5, 6, 7]);
  });

  it('control traffic (a registration, a route) is a smaller disc of radius 3', () => {
    const picture = painted([at('route', 20, 20)]);
    expect(pixel(picture, 22, 20)[3]).toBe(255);
    expect(pixel(picture, 24, 20)[3]).toBe(0);
  });

  it('a store is a ring: empty inside, coloured on its radius', () => {
    const picture = painted([at('stored', 20, 20, { ring: 8 })]);
    expect(pixel(picture, 20, 20)[3]).toBe(0);
    expect(pixel(picture, 28, 20)).toEqual([...COLORS.stored, 255]);
    expect(pixel(picture, 20, 12)).toEqual([...COLORS.stored, 255]);
  });

  it('a retry is a dot inside a ring, with a gap between them', () => {
    const picture = painted([at('retried', 20, 20)]);
    expect(pixel(picture, 20, 20)[3]).toBe(255);
    expect(pixel(picture, 24, 20)[3]).toBe(0);
    expect(pixel(picture, 26, 20)[3]).toBe(255);
  });

  it('a failed send is a cross: coloured on its diagonals, empty between its arms', () => {
    const picture = painted([at('failed', 20, 20)]);
    expect(pixel(picture, 20, 20)[3]).toBe(255);
    expect(pixel(picture, 23, 23)[3]).toBe(255);
    expect(pixel(picture, 17, 23)[3]).toBe(255);
    expect(pixel(picture, 24, 20)[3]).toBe(0);
    expect(pixel(picture, 20, 16)[3]).toBe(0);
  });

  it('a fading dot is drawn at its opacity', () => {
    const alpha = pixel(painted([at('consumed', 20, 20, { opacity: 0.5 })]), 20, 20)[3]!;
    expect(Math.abs(alpha - 128)).toBeLessThanOrEqual(1);
  });

  it('the newest dot (first in the list) is on top, over the older one it covers', () => {
    const picture = painted([at('consumed', 20, 20), at('sent', 22, 20)]);
    expect(pixel(picture, 20, 20)).toEqual([...COLORS.consumed, 255]);
    // Where only the older one reaches, it shows.
    expect(pixel(picture, 25, 20)).toEqual([...COLORS.sent, 255]);
  });

  it('a half-covered pixel over another dot blends the two colours', () => {
    const picture = painted([at('consumed', 20, 20, { opacity: 0.5 }), at('sent', 20, 20)]);
    const [r, , , a] = pixel(picture, 20, 20);
    expect(a).toBe(255);
    expect(r).toBeGreaterThan(Math.min(COLORS.sent[0], COLORS.consumed[0]));
    expect(r).toBeLessThan(Math.max(COLORS.sent[0], COLORS.consumed[0]));
  });

  it('scales to device pixels: a dot at (10, 10) with 2 pixels a unit is centred at (20, 20) with radius 8', () => {
    const picture = painted([at('sent', 10, 10)], 2);
    expect(pixel(picture, 27, 20)[3]).toBe(255);
    expect(pixel(picture, 29, 20)[3]).toBe(0);
  });

  it('a dot at the border is cut there, not wrapped onto the other side', () => {
    const picture = painted([at('sent', 0, 20)]);
    expect(pixel(picture, 0, 20)[3]).toBe(255);
    expect(pixel(picture, SIZE - 1, 20)[3]).toBe(0);
    expect(pixel(picture, SIZE - 1, 19)[3]).toBe(0);
  });

  it('each frame starts from a clear image', () => {
    const picture = painted([at('sent', 20, 20)]);
    paintDots(picture, [], COLORS, 1);
    expect(picture.data.every((byte) => byte === 0)).toBe(true);
  });

  it('says where it painted: the rectangle of every pixel it touched, cut at the image\'s border', () => {
    const picture = image();
    const area = paintDots(picture, [at('sent', 10, 12), at('stored', 30, 20, { ring: 6 }), at('sent', 0, 39)], COLORS, 1);
    expect(area.x0).toBe(0);
    expect(area.y1).toBe(SIZE);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        if (pixel(picture, x, y)[3]! > 0) expect(x >= area.x0 && x < area.x1 && y >= area.y0 && y < area.y1).toBe(true);
      }
    }
    expect(paintDots(image(), [], COLORS, 1)).toEqual(NOTHING_PAINTED);
  });

  it('clearing only where the previous frame painted leaves the same image as clearing all of it', () => {
    const frames: Dot[][] = [
      [at('sent', 8, 8), at('consumed', 12, 9, { opacity: 0.4 }), at('stored', 30, 30, { ring: 9 })],
      [at('retried', 20, 20), at('failed', 39, 0)],
      [],
      [at('route', 5, 35)],
    ];
    const reused = image();
    let before = NOTHING_PAINTED;
    for (const dots of frames) {
      before = paintDots(reused, dots, COLORS, 1, before);
      expect([...reused.data]).toEqual([...painted(dots).data]);
    }
  });

  it('the rectangle a frame puts on the canvas holds what was painted before and what is painted now', () => {
    expect(unionOf({ x0: 1, y0: 2, x1: 5, y1: 6 }, { x0: 3, y0: 0, x1: 9, y1: 4 })).toEqual({ x0: 1, y0: 0, x1: 9, y1: 6 });
    expect(unionOf(NOTHING_PAINTED, { x0: 3, y0: 0, x1: 9, y1: 4 })).toEqual({ x0: 3, y0: 0, x1: 9, y1: 4 });
    expect(unionOf({ x0: 3, y0: 0, x1: 9, y1: 4 }, NOTHING_PAINTED)).toEqual({ x0: 3, y0: 0, x1: 9, y1: 4 });
  });
});
