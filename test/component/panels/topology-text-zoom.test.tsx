// @vitest-environment jsdom
/**
 * Presenting, the canvas's text is drawn larger where the drawing is not (viz/topology-scale.ts
 * canvasTextZoom): a box's name and status line are cut to the larger type, and the status line
 * moves down with it, still above the queue cells (queue-strip.ts's strip starts 36 below the box's top).
 */
import { render } from '@testing-library/react';
import { CanvasTextZoom, NodeText, nodeTextCut } from '../../../src/ui/panels/TopologyLabels.tsx';

const box = { x: 0, y: 0, width: 240, height: 64 };
const detail = 'running · TopicTest R 2 · serves reads';

function drawn(zoom: number) {
  const { container, unmount } = render(<svg><CanvasTextZoom.Provider value={zoom}><NodeText box={box} label="broker-a/1 · slave" detail={detail} /></CanvasTextZoom.Provider></svg>);
  const [label, status] = [...container.querySelectorAll('text')].map((text) => ({ y: Number(text.getAttribute('y')), text: text.textContent ?? '' }));
  unmount();
  return { label: label!, status: status! };
}

describe('a box\'s text at the presenting zoom', () => {
  it('keeps the page\'s placement at 1, and moves the status line down 3.5 px at 1.25, its baseline above the queue cells', () => {
    expect([drawn(1).label.y, drawn(1).status.y]).toEqual([17, 31]);
    expect([drawn(1.25).label.y, drawn(1.25).status.y]).toEqual([17, 34.5]);
  });

  it('cuts the status line to the larger type, and says so (the box then names it whole on hover)', () => {
    expect(drawn(1).status.text).toBe(detail);
    expect(drawn(1.25).status.text).toMatch(/^running · TopicTest R 2 · .*…$/);
    expect([nodeTextCut(box, 'broker-a/1 · slave', detail), nodeTextCut(box, 'broker-a/1 · slave', detail, 1.25)]).toEqual([false, true]);
  });
});
