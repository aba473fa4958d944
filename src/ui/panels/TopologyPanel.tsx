/**
 * The cluster as a drawing: NameServers on top, producers, broker groups (master and slaves)
 * and consumer groups below, the links between them, and a canvas of messages in flight.
 * Clicking (or Enter on) a process selects it for the inspector.
 */
import { lazy, memo, Suspense, useCallback, useId, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { useInsight } from '../../store/insight.ts';
import { inChapter, useLesson } from '../../store/lesson.ts';
import { usePage } from '../../store/page.ts';
import { usePlayback, type Selection } from '../../store/playback.ts';
import { flightWindowMs } from '../../viz/flight.ts';
import { linkPath } from '../../viz/paths.ts';
import { layoutTopology, type TopologyInput, type TopologyLayout } from '../../viz/topology-layout.ts';
import { TEXT_PANEL_REFRESH, useSimView, type SimView } from '../use-sim.ts';
import { derivedAt, EmptyPanel, PanelFrame, summaryAt, usePanelStrings } from './shared.tsx';
import { SummaryLine } from './SummaryLine.tsx';
import type { PanelStrings } from './strings.ts';
import { brokerGroupTitles, CanvasTextZoom, TopologyLabels, type BrokerLabel } from './TopologyLabels.tsx';
import { brokerDetail, brokerDetailShorter, brokerTitle, Nodes } from './TopologyNodes.tsx';
import { linkOf, messageUnder, type Dot } from './topology-geometry.ts';
import type { DotRouting } from './topology-model.ts';
import { useTopologyStrings, type TopologyStrings } from './topology-strings.ts';
import { drawsChosenNameServer, topologyModel, type LinkKind, type LinkSpec, type TopologyModel } from './topology-model.ts';
import { queueFate } from './queue-model.ts';
import type { Summary } from '../../sim/summary.ts';
import { useElementWidth } from './use-element-width.ts';
import { usePresentingScroll } from './use-presenting-scroll.ts';
import { useStageRoom } from './use-stage-room.ts';
import { canvasTextZoom, topologyScale } from '../../viz/topology-scale.ts';
import { drawsDotStreams } from '../../viz/topology-density.ts';
import { NarrationCaption } from '../narration/NarrationCaption.tsx';
import { useRegionRef } from '../regions.ts';
import './topology.css';

export interface TopologyPanelProps {
  className?: string;
  /** Virtual length of a dot's flight; by default about half a second of wall time at the current speed. */
  flightMs?: number;
}

/** The queue cells and owner lines come a moment after the first paint: a chunk of their own keeps the first load small. */
const TopologyQueues = lazy(() => import('./TopologyQueues.tsx').then((module) => ({ default: module.TopologyQueues })));
/** The dots' canvas and its painter: the first paint has nothing in flight (TopologyCanvas.tsx). */
const TopologyCanvas = lazy(() => import('./TopologyCanvas.tsx').then((module) => ({ default: module.TopologyCanvas })));
const TopologyLegend = lazy(() => import('./TopologyLegend.tsx').then((module) => ({ default: module.TopologyLegend })));

const LINK_ORDER: LinkKind[] = ['notListed', 'chosenNameServer', 'registered', 'canWrite', 'allocated'];

/**
 * Each line once: the members of a group drawn as one node share its links (fifty producers
 * writing to ten brokers are ten lines, not five hundred on top of each other).
 */
function linePaths(specs: LinkSpec[], layout: TopologyLayout): { kind: LinkKind; d: string }[] {
  // Queue-to-owner lines are drawn over the boxes by TopologyQueues.
  const links = specs.filter((spec) => spec.from.kind !== 'queue').sort((a, b) => LINK_ORDER.indexOf(a.kind) - LINK_ORDER.indexOf(b.kind));
  const seen = new Set<string>();
  const paths: { kind: LinkKind; d: string }[] = [];
  for (const spec of links) {
    const link = linkOf(layout, spec.from, spec.to);
    const d = link && linkPath(link);
    if (!d || seen.has(`${spec.kind} ${d}`)) continue;
    seen.add(`${spec.kind} ${d}`);
    paths.push({ kind: spec.kind, d });
  }
  return paths;
}

const Links = memo(function Links({ specs, layout }: { specs: LinkSpec[]; layout: TopologyLayout }) {
  return (
    <g className="rs-links" aria-hidden="true">
      {linePaths(specs, layout).map(({ kind, d }) => <path key={`${kind} ${d}`} d={d} className={`rs-link rs-link-${kind}`} data-link={kind} />)}
    </g>
  );
});

/** Each broker's name, role, status and the topic's queue counts, drawn over the dots. */
function brokerLabels(model: TopologyModel, strings: PanelStrings, canvasStrings: TopologyStrings): BrokerLabel[] {
  return model.input.brokerGroups.flatMap((group) => group.members.flatMap((node) => {
    const broker = model.brokers[node];
    if (!broker) return [];
    return [{ node, label: brokerTitle(node, broker, strings), detail: brokerDetail(broker, model.topic, strings, canvasStrings), shorter: brokerDetailShorter(broker, strings, canvasStrings, model.topic), status: broker.status }];
  }));
}

interface DiagramProps {
  /** The run at the moment the drawing shows (the panel's, throttled while playing). */
  view: SimView;
  model: TopologyModel;
  layout: TopologyLayout;
  scale: number;
  selection: Selection;
  strings: PanelStrings;
  canvasStrings: TopologyStrings;
  svgId: string;
}

/**
 * The drawing without the dots, at the panel's moment: the queues follow it (one throttle for
 * the whole drawing, so the cells and the boxes change in the same frame). It renders with every
 * view (a new moment each time); its boxes and lines (Nodes, Links) keep their identity while the
 * cluster's structure, the statuses, the selection and the width stay the same (derivedAt shares
 * the model), and are skipped.
 */
function Diagram({ view, model, layout, scale, selection, strings, canvasStrings, svgId }: DiagramProps) {
  const headerText = { producers: strings.producers, brokers: strings.brokers, consumers: strings.consumers };
  const region = useRegionRef<SVGSVGElement>('topology');
  return (
    <svg ref={region} width={layout.width * scale} height={layout.height * scale} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group"
      aria-labelledby={`${svgId}-title`} aria-describedby={`${svgId}-desc`} data-testid="topology-svg" data-mode={layout.mode}>
      <title id={`${svgId}-title`}>{strings.topologyTitle}</title>
      <desc id={`${svgId}-desc`}>{strings.topologyDescription}</desc>
      <Links specs={model.links} layout={layout} />
      {layout.headers.map((header) => (
        <text key={header.section} x={header.x} y={header.y} textAnchor={header.anchor} className="rs-section-title" aria-hidden="true">{headerText[header.section]}</text>
      ))}
      <Nodes model={model} layout={layout} selection={selection} strings={strings} canvasStrings={canvasStrings} />
      <Suspense fallback={null}>
        <TopologyQueues view={view} model={model} layout={layout} />
      </Suspense>
    </svg>
  );
}

interface Scene {
  layout: TopologyLayout;
  /** The drawing is shown this much larger than its layout (topologyScale). */
  scale: number;
}

const scenes = new WeakMap<TopologyInput, { key: string; scene: Scene }>();

/** Height kept below the drawing for the legend. */
const LEGEND_ROOM = 96;
/** Presentation mode draws the topology at least this much larger, for the back of the room, where the window's height holds it and its legend. */
const PRESENTING_SCALE = 1.5;

/** The layout of one structure at one size, computed once: the input keeps its identity while the structure does. */
function sceneOf(input: TopologyInput, width: number, room: number, presenting: boolean): Scene {
  const key = `${width} ${room} ${presenting}`;
  const cached = scenes.get(input);
  if (cached?.key === key) return cached.scene;
  const scale = topologyScale(width, (layoutWidth) => layoutTopology(input, layoutWidth).height, room - LEGEND_ROOM, presenting ? PRESENTING_SCALE : 1, presenting);
  const scene = { layout: layoutTopology(input, width / scale), scale };
  scenes.set(input, { key, scene });
  return scene;
}

/** Whether the canvas draws a drained queue of the topic in view (the cells draw them so from the same summary; heat rows shade them). */
function drawsDrained(summary: Summary, topic: string | null, heat: boolean): boolean {
  return !heat && topic !== null && summary.queues.some((queue) => queue.topic === topic && queueFate(queue) === 'drained');
}

function messageClicked(event: MouseEvent<HTMLDivElement>, dots: readonly Dot[], scale: number): string | null {
  const bounds = event.currentTarget.getBoundingClientRect();
  const onBox = event.target instanceof Element && event.target.closest('[role=button]') !== null;
  return messageUnder((event.clientX - bounds.left) / scale, (event.clientY - bounds.top) / scale, dots, onBox);
}

function TopicPicker({ model, onPick, canvasStrings }: { model: TopologyModel; onPick: (topic: string) => void; canvasStrings: TopologyStrings }) {
  if (model.topics.length < 2) return model.topic === null ? null : <p className="rs-muted rs-topology-topic">{canvasStrings.queuesOf(model.topic)}</p>;
  return (
    <label className="rs-topology-topic">
      {canvasStrings.topicInView}{' '}
      <select className="rs-select" value={model.topic ?? ''} data-testid="topology-topic" onChange={(event) => onPick(event.target.value)}>
        {model.topics.map((topic) => <option key={topic} value={topic}>{topic}</option>)}
      </select>
    </label>
  );
}

interface DotsProps {
  layout: TopologyLayout;
  scale: number;
  routing: DotRouting;
  flightMs: number;
  drawnRef: RefObject<Dot[]>;
}

/**
 * The dots follow the playhead every frame; the drawing around them follows it as the text panels
 * do (TEXT_PANEL_REFRESH while playing, four times a second at size: use-sim.ts; every move at
 * rest): with 100 clients and 640 queues, deriving the model and reconciling the diagram each
 * frame cost more than the frame.
 */
function TopologyDots({ layout, scale, routing, flightMs, drawnRef }: DotsProps) {
  const view = useSimView();
  if (!view) return null;
  return (
    <Suspense fallback={null}>
      <TopologyCanvas source={view.timeline} layout={layout} scale={scale} routing={routing} timeMs={view.timeMs} flightMs={flightMs}
        traceLength={view.timeline.traceLength} drawnRef={drawnRef} />
    </Suspense>
  );
}

export function TopologyPanel({ className, flightMs }: TopologyPanelProps) {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const strings = usePanelStrings();
  const canvasStrings = useTopologyStrings();
  const selection = usePlayback((s) => s.selection);
  const speed = usePlayback((s) => s.speed);
  const language = usePlayback((s) => s.language);
  const topicWanted = useInsight((s) => s.canvasTopic);
  const presenting = usePage((s) => s.presenting);
  const [stage, setStage] = useState<HTMLDivElement | null>(null);
  const [measureWidth, width] = useElementWidth<HTMLDivElement>(960);
  // A chapter's lesson box stands above the panels: presenting scrolls the drawing up under it, not the panel.
  const reading = useLesson(inChapter);
  const room = useStageRoom(stage, presenting, reading);
  usePresentingScroll(stage, presenting, reading);
  const stageRef = useCallback((element: HTMLDivElement | null) => {
    measureWidth(element);
    setStage(element);
  }, [measureWidth]);
  const drawn = useRef<Dot[]>([]);
  const svgId = useId();
  if (!view) return <EmptyPanel name="topology" title={strings.topologyTitle} className={className} />;
  const { timeline, timeMs } = view;
  // The model keeps its identity while nothing in it changes; the layout follows only the structure and the width.
  const model = derivedAt(timeline, timeMs, `topologyModel:${topicWanted ?? ''}`, () => topologyModel(timeline.state, topicWanted));
  const { layout, scale } = sceneOf(model.input, width, room, presenting);
  const zoom = canvasTextZoom(scale, presenting);
  const summary = summaryAt(timeline, timeMs);
  const flight = flightMs ?? flightWindowMs(speed);
  const onClickCapture = (event: MouseEvent<HTMLDivElement>) => {
    const msgId = messageClicked(event, drawn.current, scale);
    if (msgId === null) return;
    event.stopPropagation();
    usePlayback.getState().select({ kind: 'message', msgId });
  };
  return (
    <PanelFrame name="topology" title={strings.topologyTitle} className={className}
      aside={<><SummaryLine /><TopicPicker model={model} onPick={useInsight.getState().setCanvasTopic} canvasStrings={canvasStrings} /></>}>
      <NarrationCaption />
      <div ref={stageRef} className="rs-topology-stage" style={{ height: layout.height * scale, ['--rs-canvas-text' as string]: zoom }}
        onClickCapture={onClickCapture} data-scale={scale}>
        <CanvasTextZoom.Provider value={zoom}>
          <Diagram view={view} model={model} layout={layout} scale={scale} selection={selection} strings={strings} canvasStrings={canvasStrings} svgId={svgId} />
          <TopologyDots layout={layout} scale={scale} routing={model.routing} flightMs={flight} drawnRef={drawn} />
          <TopologyLabels labels={derivedAt(timeline, timeMs, `brokerLabels:${topicWanted ?? ''}:${language}`, () => brokerLabels(model, strings, canvasStrings))} layout={layout} scale={scale}
            titles={brokerGroupTitles(timeline.scenario.brokers)} />
        </CanvasTextZoom.Provider>
      </div>
      <Suspense fallback={null}>
        <TopologyLegend heat={layout.density.queueHeat} streams={drawsDotStreams(layout.density)} chosenNameServer={drawsChosenNameServer(model.input.nameServers)}
          lost={summary.messages.lost > 0} drained={drawsDrained(summary, model.topic, layout.density.queueHeat)} flightMs={flight} />
      </Suspense>
    </PanelFrame>
  );
}
