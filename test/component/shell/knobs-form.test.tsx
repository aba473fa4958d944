// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePlayback } from '../../../src/store/playback.ts';
import { KnobsForm } from '../../../src/ui/editor/KnobsForm.tsx';
import { onFreshRuns } from './shell-harness.tsx';

type File = { topics: unknown[]; producers: unknown[]; consumers: unknown[]; timeline: unknown[] };
const fileNow = () => structuredClone(usePlayback.getState().source) as File;

onFreshRuns();

/** Types `value` into a knob and presses Apply; returns the file as it was before. */
function applyTyped(testId: string, value: string): File {
  const before = fileNow();
  render(<KnobsForm />);
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
  fireEvent.click(screen.getByTestId('apply-knobs'));
  return before;
}

describe('a knob refuses a value out of the scenario\'s rules instead of changing it', () => {
  it.each([
    ['knob-topics-TopicTest-readQueueNums', '0', 'readQueueNums of TopicTest: must be an integer from 1 to 1024'],
    ['knob-topics-TopicTest-readQueueNums', '2000', 'readQueueNums of TopicTest: must be an integer from 1 to 1024'],
    ['knob-topics-TopicTest-writeQueueNums', '3.5', 'writeQueueNums of TopicTest: must be an integer from 1 to 1024'],
    ['knob-topics-TopicTest-writeQueueNums', '', 'writeQueueNums of TopicTest: must be an integer from 1 to 1024'],
    ['knob-producers-p-1-ratePerSec', '-3', 'ratePerSec of p-1: must be a number from 0 to 10000 (messages per second)'],
    ['knob-groups-CG_ORDER-count', '1001', 'consumers of CG_ORDER: must be an integer from 0 to 1000 (a scenario holds at most 1000 consumers'],
    ['knob-groups-CG_ORDER-count', '-1', 'consumers of CG_ORDER: must be an integer from 0 to 1000'],
    ['knob-groups-CG_ORDER-count', '2.5', 'consumers of CG_ORDER: must be an integer from 0 to 1000'],
    ['knob-groups-CG_ORDER-count', '', 'consumers of CG_ORDER: must be an integer from 0 to 1000'],
  ])('%s typed %j: lists the field with its range, applies nothing and keeps what was typed', (testId, value, message) => {
    const before = applyTyped(testId, value);
    expect(screen.getByTestId('knob-errors')).toHaveTextContent(message);
    expect(fileNow()).toEqual(before);
    expect((screen.getByTestId(testId) as HTMLInputElement).value).toBe(value);
  });

  it('refuses it at a later time too, without forking the run', () => {
    act(() => usePlayback.getState().seek(60_000));
    applyTyped('knob-topics-TopicTest-readQueueNums', '0');
    expect(screen.getByTestId('knob-errors')).toHaveTextContent('readQueueNums of TopicTest: must be an integer from 1 to 1024');
    expect(fileNow().timeline).toEqual([]);
    expect(usePlayback.getState().forks).toEqual([]);
  });

  it('names a producer\'s rate changed later by its producer, not by the timeline action it would be', () => {
    act(() => usePlayback.getState().seek(60_000));
    applyTyped('knob-producers-p-1-ratePerSec', '-3');
    expect(screen.getByTestId('knob-errors')).toHaveTextContent('ratePerSec of p-1: must be a number from 0 to 10000');
    expect(screen.getByTestId('knob-errors')).not.toHaveTextContent('timeline[');
  });

  it('says it in Chinese on the page in 中文', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    applyTyped('knob-groups-CG_ORDER-count', '-1');
    expect(screen.getByTestId('knob-errors')).toHaveTextContent('CG_ORDER 的消费者数量：必须是 0 到 1000 之间的整数（一个场景最多 1000 个消费者，包括时间线中加入的）');
    cleanup();
    applyTyped('knob-topics-TopicTest-readQueueNums', '0');
    expect(screen.getByTestId('knob-errors')).toHaveTextContent('TopicTest 的 readQueueNums（读队列数）：必须是 1 到 1024 之间的整数');
  });

  it('applies a group size the scenario allows as typed, above the form\'s old 50', () => {
    applyTyped('knob-groups-CG_ORDER-count', '60');
    expect(screen.queryByTestId('knob-errors')).toBeNull();
    expect(fileNow().consumers).toHaveLength(60);
  });
});

describe('a topic\'s perm', () => {
  const choices = () => within(screen.getByTestId('knob-topics-TopicTest-perm')).getAllByRole('option').map((option) => [option.getAttribute('value'), option.textContent]);

  it('is offered with PermName\'s letters and what they mean, and stored as the number', () => {
    render(<KnobsForm />);
    expect(choices()).toEqual([
      ['6', '6 · RW- (read and write)'], ['4', '4 · R-- (read only)'], ['2', '2 · -W- (write only)'], ['0', '0 · --- (neither)'],
    ]);
    fireEvent.change(screen.getByTestId('knob-topics-TopicTest-perm'), { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('apply-knobs'));
    expect(fileNow().topics[0]).toMatchObject({ perm: 4 });
  });

  it('says what it means in Chinese on the page in 中文', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<KnobsForm />);
    expect(choices().map(([, label]) => label)).toEqual(['6 · RW-（读写）', '4 · R--（只读）', '2 · -W-（只写）', '0 · ---（不可读写）']);
  });
});
