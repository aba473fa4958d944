// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { EditorPanel } from '../../../src/ui/editor/EditorPanel.tsx';
import { useDraft } from '../../../src/store/draft.ts';
import { onFreshRuns, time } from './shell-harness.tsx';
import { FAST_PRODUCER, MANY_QUEUES } from '../../support/heavy-scenarios.ts';

const timelineOf = () => (usePlayback.getState().source as { timeline: unknown[] }).timeline;

onFreshRuns(() => {
  useDraft.setState({ text: null, tab: 'knobs' });
  usePage.setState({ editorOpen: true });
});

describe('the knobs', () => {
  it('show the run at the current time and fork it there on Apply', async () => {
    act(() => usePlayback.getState().seek(60_000));
    render(<EditorPanel />);
    const read = screen.getByTestId('knob-topics-TopicTest-readQueueNums');
    expect(read).toHaveValue(4);
    expect(screen.getByText(/The run forks at 1:00\.000/)).toBeInTheDocument();
    fireEvent.change(read, { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply at 1:00.000' }));
    expect(timelineOf()).toEqual([{ at: 60_000, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 8 }]);
    await waitFor(() => expect(time()).toBe(60_000), { timeout: 5_000 });
    expect(usePlayback.getState()).toMatchObject({ forks: [60_000], libraryId: null });
    expect(screen.getByTestId('knob-topics-TopicTest-readQueueNums')).toHaveValue(8);
  });

  it('edit the scenario itself at 0:00, without a fork', () => {
    render(<EditorPanel />);
    expect(screen.getByText(/At 0:00\.000 your changes edit the scenario itself/)).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('knob-groups-CG_ORDER-count'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('apply-knobs'));
    const source = usePlayback.getState().source as { consumers: { id: string }[]; timeline: unknown[] };
    expect(source.consumers.map((c) => c.id)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(source.timeline).toEqual([]);
    expect(usePlayback.getState().forks).toEqual([]);
  });

  it('say so when nothing changed', () => {
    render(<EditorPanel />);
    fireEvent.click(screen.getByTestId('apply-knobs'));
    expect(screen.getByRole('status')).toHaveTextContent('Nothing changed.');
    expect(usePlayback.getState().libraryId).toBe('write8-read4');
  });
});

describe('adding a fault', () => {
  it('offers brokers for broker faults and NameServers for crashNameServer, and adds it now', async () => {
    act(() => usePlayback.getState().seek(30_000));
    render(<EditorPanel />);
    const targets = () => within(screen.getByTestId('fault-target')).getAllByRole('option').map((o) => o.textContent);
    expect(targets()).toEqual(['broker-a', 'broker-b']);
    fireEvent.change(screen.getByTestId('fault-action'), { target: { value: 'crashNameServer' } });
    expect(targets()).toEqual(['ns-1', 'ns-2']);
    fireEvent.change(screen.getByTestId('fault-target'), { target: { value: 'ns-2' } });
    fireEvent.click(screen.getByTestId('add-fault'));
    expect(timelineOf()).toEqual([{ at: 30_000, action: 'crashNameServer', target: 'ns-2' }]);
    await waitFor(() => expect(time()).toBe(30_000), { timeout: 5_000 });
    expect(usePlayback.getState().forks).toEqual([30_000]);
  });

  it('offers a second process for a link\'s partition and adds both', () => {
    act(() => usePlayback.getState().seek(30_000));
    render(<EditorPanel />);
    expect(screen.queryByTestId('fault-peer')).toBeNull();
    fireEvent.change(screen.getByTestId('fault-action'), { target: { value: 'partitionLink' } });
    const options = (id: string) => within(screen.getByTestId(id)).getAllByRole('option').map((o) => o.textContent);
    expect(options('fault-target')).toEqual(expect.arrayContaining(['ns-1', 'broker-a', 'broker-b', 'p-1']));
    fireEvent.change(screen.getByTestId('fault-target'), { target: { value: 'broker-a' } });
    expect(options('fault-peer')).not.toContain('broker-a');
    // Two clients never talk to each other: a client's link is to a NameServer or a broker.
    fireEvent.change(screen.getByTestId('fault-target'), { target: { value: 'p-1' } });
    expect(options('fault-peer').filter((id) => /^[pc]-\d$/.test(id!))).toEqual([]);
    fireEvent.change(screen.getByTestId('fault-target'), { target: { value: 'broker-a' } });
    fireEvent.change(screen.getByTestId('fault-peer'), { target: { value: 'ns-1' } });
    fireEvent.click(screen.getByTestId('add-fault'));
    expect(timelineOf()).toEqual([{ at: 30_000, action: 'partitionLink', target: 'broker-a', peer: 'ns-1' }]);
  });
});

describe('the JSON editor', () => {
  it('shows the scenario as written, lists problems by path and applies a valid text', () => {
    useDraft.setState({ tab: 'json' });
    render(<EditorPanel />);
    const editor = screen.getByTestId('json-editor') as HTMLTextAreaElement;
    expect(JSON.parse(editor.value)).toEqual(usePlayback.getState().source);
    fireEvent.change(editor, { target: { value: editor.value.replace('"seed": 42', '"seed": "x"') } });
    expect(screen.getByTestId('json-errors')).toHaveTextContent('seed: must be an integer');
    expect(screen.getByTestId('apply-json')).toBeDisabled();
    fireEvent.change(editor, { target: { value: editor.value.replace('"seed": "x"', '"seed": 43') } });
    // Only the verdict is a live region: the time beside it follows the playhead, and would be spoken every frame of a playing run.
    expect(screen.getByRole('status')).toHaveTextContent(/^Valid\.$/);
    expect(screen.getByRole('status').parentElement).toHaveTextContent(/^Valid\. Apply rebuilds the run and returns to \d/);
    fireEvent.click(screen.getByTestId('apply-json'));
    expect(usePlayback.getState().scenario?.seed).toBe(43);
  });

  it('lists the problems in Chinese on the page in 中文, and switches with the language', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    useDraft.setState({ tab: 'json' });
    render(<EditorPanel />);
    const editor = screen.getByTestId('json-editor') as HTMLTextAreaElement;
    fireEvent.change(editor, { target: { value: editor.value.replace('"seed": 42', '"seed": "x"').replace('"name": "TopicTest"', '"name": "Topic Test"') } });
    const problems = screen.getByTestId('json-errors');
    expect(problems).toHaveTextContent('seed：必须是 0 到 4294967295 之间的整数');
    expect(problems).toHaveTextContent('只能用字母、数字、%、|、_ 和 -（RocketMQ TopicValidator）');
    act(() => usePlayback.getState().setLanguage('en'));
    expect(problems).toHaveTextContent('seed: must be an integer from 0 to 4294967295');
  });

  it('says a valid text too heavy for the page is, keeps it, and applies its first minutes that fit at the current time', async () => {
    act(() => usePlayback.getState().seek(30_000));
    useDraft.setState({ tab: 'json' });
    render(<EditorPanel />);
    const heavy = JSON.stringify(FAST_PRODUCER, null, 2);
    fireEvent.change(screen.getByTestId('json-editor'), { target: { value: heavy } });
    expect(screen.getByTestId('json-errors')).toHaveTextContent('Problems (1):');
    expect(screen.getByTestId('json-errors')).toHaveTextContent('This scenario is too heavy for the page');
    expect(screen.getByTestId('apply-json')).toBeDisabled();
    expect(usePlayback.getState().libraryId).toBe('write8-read4');
    expect(screen.getByTestId('json-editor')).toHaveValue(heavy);
    fireEvent.click(screen.getByRole('button', { name: 'Apply its first 8 min' }));
    // Building the heavy run takes about 6 s alone and passed 10 s beside two browsers: wait for it, generously.
    await waitFor(() => expect(time()).toBe(30_000), { timeout: 60_000 });
    expect(usePlayback.getState().source).toEqual({ ...FAST_PRODUCER, durationMs: 8 * 60_000 });
    expect(JSON.parse((screen.getByTestId('json-editor') as HTMLTextAreaElement).value)).toEqual({ ...FAST_PRODUCER, durationMs: 8 * 60_000 });
    expect(screen.queryByTestId('json-errors')).toBeNull();
  });

  it('offers no first minutes when not even one fits, nor for a text with other problems', () => {
    useDraft.setState({ tab: 'json' });
    render(<EditorPanel />);
    const editor = screen.getByTestId('json-editor');
    fireEvent.change(editor, { target: { value: JSON.stringify(MANY_QUEUES) } });
    expect(screen.getByTestId('json-errors')).toHaveTextContent('This scenario is too heavy for the page');
    expect(screen.queryByTestId('apply-json-shorter')).toBeNull();
    fireEvent.change(editor, { target: { value: JSON.stringify({ ...FAST_PRODUCER, seed: 'x' }) } });
    expect(screen.getByTestId('json-errors')).toHaveTextContent('seed: must be an integer');
    expect(screen.queryByTestId('apply-json-shorter')).toBeNull();
  });
});
