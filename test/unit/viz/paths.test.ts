import { boxCenter, linkBetween, linkIntoCell, linkOutOfCell, linkPath, linkUpTheGutter, RUN_BELOW_BOX, type Box } from '../../../src/viz/paths.ts';
import { pointOnLink } from '../../../src/viz/link-track.ts';
import { layoutQueueStrip, queueStripHeight, stripTop } from '../../../src/viz/queue-strip.ts';

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

describe('linkOutOfCell (a queue to its owner)', () => {
  // A broker at x 100-300, y 50-130 with a queue cell at x 120-140, y 90-106; the consumer to its right.
  const broker: Box = { x: 100, y: 50, width: 200, height: 80 };
  const cell: Box = { x: 120, y: 90, width: 20, height: 16 };
  const consumer: Box = { x: 500, y: 300, width: 100, height: 40 };

  it('drops out of the broker\'s box and runs under it to its side before it turns, so it never crosses a box below', () => {
    const link = linkOutOfCell(cell, consumer, broker);
    expect(linkPath(link)).toBe('M130,106L130,135L300,135C400,135,400,320,500,320');
    for (let i = 0; i <= 20; i++) {
      const point = pointOnLink(link, i / 20);
      // Under the broker (never further down than the run) until its right edge, then beyond it.
      if (point.x <= broker.x + broker.width) expect(point.y).toBeLessThanOrEqual(broker.y + broker.height + RUN_BELOW_BOX);
    }
    expect(pointOnLink(link, 0)).toEqual({ x: 130, y: 106 });
    expect(pointOnLink(link, 1)).toEqual({ x: 500, y: 320 });
  });

  it('never passes under a queue no consumer reads: the run is below those cells and outside the broker\'s box', () => {
    // TopicTest's "write 8 / read 4": cells 4-7 take sends but no consumer is given them.
    // A broker box as tall as its name, status line and one row of cells (topology-layout.ts).
    const tight: Box = { ...broker, height: stripTop(false) + queueStripHeight(8, broker.width) };
    const cells = layoutQueueStrip(8, tight);
    const unread = cells.slice(4);
    const dotRadius = 4;
    for (const read of cells.slice(0, 4)) {
      const link = linkOutOfCell(read, consumer, tight);
      for (let i = 0; i <= 200; i++) {
        const { x, y } = pointOnLink(link, i / 200);
        for (const other of unread) {
          if (x + dotRadius < other.x || x - dotRadius > other.x + other.width) continue;
          expect(y - dotRadius).toBeGreaterThan(other.y + other.height);
          expect(y - dotRadius).toBeGreaterThanOrEqual(tight.y + tight.height);
        }
      }
    }
  });

  it('moves forward along the run, then along the curve', () => {
    const link = linkOutOfCell(cell, consumer, broker);
    const xs = Array.from({ length: 11 }, (_, i) => pointOnLink(link, i / 10).x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1]!);
  });
});

describe('linkIntoCell (a producer to a queue)', () => {
  // A broker at x 100-300, y 50-130: its name and status line above y 84, a lane at y 87, cell 4 at x 220-240 from y 92.
  const broker: Box = { x: 100, y: 50, width: 200, height: 80 };
  const cell: Box = { x: 220, y: 92, width: 20, height: 16 };
  const producer: Box = { x: 0, y: 10, width: 60, height: 40 };
  const lane = { broker, y: 87 };

  it('reaches the broker\'s side at its lane, runs along it to above the cell, then drops into the cell', () => {
    const link = linkIntoCell(producer, cell, lane);
    expect(linkPath(link)).toBe('M60,30C80,30,80,87,100,87L230,87L230,92');
    expect(pointOnLink(link, 0)).toEqual({ x: 60, y: 30 });
    expect(pointOnLink(link, 1)).toEqual({ x: 230, y: 92 });
  });

  it('never crosses the broker\'s name or status line: inside the broker a dot is on the lane or in the cell', () => {
    const link = linkIntoCell(producer, cell, lane);
    for (let i = 0; i <= 100; i++) {
      const point = pointOnLink(link, i / 100);
      if (point.x > broker.x + 0.5) expect(point.y).toBeGreaterThanOrEqual(lane.y - 1e-9);
    }
  });

  it('moves forward along the curve, the lane, then down', () => {
    const link = linkIntoCell(producer, cell, lane);
    const points = Array.from({ length: 41 }, (_, i) => pointOnLink(link, i / 40));
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.x).toBeGreaterThanOrEqual(points[i - 1]!.x - 1e-9);
      expect(points[i]!.y).toBeGreaterThanOrEqual(points[i - 1]!.y - 1e-9);
    }
  });

  it('comes in from the broker\'s right side when the process is on its right', () => {
    const consumerSide: Box = { x: 400, y: 10, width: 60, height: 40 };
    expect(linkPath(linkIntoCell(consumerSide, cell, lane))).toBe('M400,30C350,30,350,87,300,87L230,87L230,92');
  });

  it('without a lane (a heat row) drops into the cell from above the broker', () => {
    const link = linkIntoCell(producer, cell);
    expect(link.then).toBeUndefined();
    expect(pointOnLink(link, 1)).toEqual({ x: 230, y: 92 });
  });
});

describe('links along the rail of a narrow layout (boxes stacked in one column, a rail at x 350)', () => {
  const broker: Box = { x: 16, y: 200, width: 320, height: 64 };
  const cell: Box = { x: 100, y: 242, width: 20, height: 16 };
  const producer: Box = { x: 16, y: 100, width: 320, height: 40 };
  const consumer: Box = { x: 180, y: 500, width: 140, height: 34 };

  it('a send drops from the producer to the rail, runs down it to the broker\'s lane and along it to the cell', () => {
    expect(linkPath(linkIntoCell(producer, cell, { broker, y: 237, railX: 350 }))).toBe('M176,140C176,152,350,152,350,164L350,237L110,237L110,242');
  });

  it('a pull\'s answer drops out of the broker\'s box, runs under it to the rail, down it, then along above the consumer into its top', () => {
    expect(linkPath(linkOutOfCell(cell, consumer, broker, 350))).toBe('M110,258L110,269L350,269C350,382,350,382,350,495L250,495L250,500');
  });
});

describe('linkUpTheGutter (a broker\'s registration)', () => {
  // A group box at x 100-300 holding a broker at 108-292; NameServers above, at either side.
  const group: Box = { x: 100, y: 200, width: 200, height: 120 };
  const broker: Box = { x: 108, y: 280, width: 184, height: 34 };
  const leftNameServer: Box = { x: 0, y: 0, width: 120, height: 40 };
  const rightNameServer: Box = { x: 280, y: 0, width: 120, height: 40 };

  it('leaves the broker\'s side beside its title, crosses to the gutter, runs up it, then curves into the NameServer', () => {
    const link = linkUpTheGutter(broker, group, 180, leftNameServer);
    expect(pointOnLink(link, 0)).toEqual({ x: 108, y: 292 });
    expect(link.via).toEqual([{ x: 108, y: 292 }, { x: 90, y: 292 }]);
    expect(link.source).toEqual({ x: 90, y: 180 });
    const end = pointOnLink(link, 1);
    expect(end.x).toBeCloseTo(60);
    expect(end.y).toBeCloseTo(40);
    // Between the broker's title and the top of the gutter the dot is outside the group's box.
    for (let i = 0; i <= 100; i++) {
      const { x, y } = pointOnLink(link, i / 100);
      if (y < 292 && y > 180) expect(x).toBeLessThan(group.x);
    }
  });

  it('takes the gutter on the NameServer\'s side, or the side it is given', () => {
    expect(linkUpTheGutter(broker, group, 180, rightNameServer).source).toEqual({ x: 310, y: 180 });
    expect(linkUpTheGutter(broker, group, 180, rightNameServer, 'left').source).toEqual({ x: 90, y: 180 });
  });
});
