// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { openSource } from '../../../src/ui/controls/session.ts';
import { EditorPanel } from '../../../src/ui/editor/EditorPanel.tsx';
import { KnobsForm } from '../../../src/ui/editor/KnobsForm.tsx';
import { useDraft } from '../../../src/store/draft.ts';

type File = { topics: object[]; producers: object[]; consumers: object[] };

/** write8-read4 with two of each: TopicA (8 write, 4 read) and TopicB (2, 2, read only), CG_A and CG_B, p-A and p-B. */
function twoOfEach(): File {
  const file = structuredClone(findLibraryEntry('write8-read4')!.scenario) as File;
  const [topic, producer, consumer] = [file.topics[0]!, file.producers[0]!, file.consumers[0]!];
  file.topics = [{ ...topic, name: 'TopicA' }, { ...topic, name: 'TopicB', writeQueueNums: 2, readQueueNums: 2, perm: 4 }];
  file.producers = [{ ...producer, id: 'p-A', topic: 'TopicA', ratePerSec: 10 }, { ...producer, id: 'p-B', group: 'PG_B', topic: 'TopicB', ratePerSec: 3 }];
  file.consumers = [
    { ...consumer, id: 'c-1', group: 'CG_A', topic: 'TopicA' },
    { ...consumer, id: 'c-2', group: 'CG_B', topic: 'TopicB', allocateStrategy: 'AVG_BY_CIRCLE' },
    { ...consumer, id: 'c-3', group: 'CG_B', topic: 'TopicB', allocateStrategy: 'AVG_BY_CIRCLE' },
  ];
  return file;
}

beforeEach(() => {
  usePlayback.getState().cancelSeek();
  usePlayback.setState({ playing: false, language: 'en' });
  usePage.setState({ editorOpen: false, banner: null });
  useDraft.setState({ tab: 'knobs', text: null });
  expect(openSource(twoOfEach()).ok).toBe(true);
});

afterEach(() => cleanup());

const number = (name: string) => screen.getByRole('spinbutton', { name });
const choice = (name: string) => screen.getByRole('combobox', { name });

describe('with two topics, groups and producers each knob is named with whose it is', () => {
  it('in English: "writeQueueNums of TopicA", one control per name, showing that one\'s value', () => {
    render(<KnobsForm />);
    expect(number('writeQueueNums of TopicA')).toHaveValue(8);
    expect(number('readQueueNums of TopicA')).toHaveValue(4);
    expect(number('writeQueueNums of TopicB')).toHaveValue(2);
    expect(number('readQueueNums of TopicB')).toHaveValue(2);
    expect(choice('perm of TopicA')).toHaveValue('6');
    expect(choice('perm of TopicB')).toHaveValue('4');
    expect(number('consumers of CG_A')).toHaveValue(1);
    expect(number('consumers of CG_B')).toHaveValue(2);
    expect(choice('allocateStrategy of CG_A')).toHaveValue('AVG');
    expect(choice('allocateStrategy of CG_B')).toHaveValue('AVG_BY_CIRCLE');
    expect(number('ratePerSec of p-A')).toHaveValue(10);
    expect(number('ratePerSec of p-B')).toHaveValue(3);
  });

  it('in Chinese: "TopicA 的 writeQueueNums（写队列数）", "p-A 的 ratePerSec（每秒发送条数）", "CG_B 的消费者数量"', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<KnobsForm />);
    expect(number('TopicA 的 writeQueueNums（写队列数）')).toHaveValue(8);
    expect(number('TopicB 的 readQueueNums（读队列数）')).toHaveValue(2);
    expect(choice('TopicB 的 perm（读写权限）')).toHaveValue('4');
    expect(number('CG_A 的消费者数量')).toHaveValue(1);
    expect(number('CG_B 的消费者数量')).toHaveValue(2);
    expect(choice('CG_B 的 allocateStrategy（分配策略）')).toHaveValue('AVG_BY_CIRCLE');
    expect(number('p-A 的 ratePerSec（每秒发送条数）')).toHaveValue(10);
    expect(number('p-B 的 ratePerSec（每秒发送条数）')).toHaveValue(3);
  });

  it('groups each owner\'s knobs under its visible name', () => {
    render(<KnobsForm />);
    const topicB = screen.getByRole('group', { name: 'TopicB' });
    expect(within(topicB).getAllByRole('spinbutton').map((input) => input.getAttribute('aria-label'))).toEqual(['writeQueueNums of TopicB', 'readQueueNums of TopicB']);
    expect(within(screen.getByRole('group', { name: 'CG_A' })).getByRole('combobox')).toHaveAccessibleName('allocateStrategy of CG_A');
    expect(within(screen.getByRole('group', { name: 'p-B' })).getByRole('spinbutton')).toHaveAccessibleName('ratePerSec of p-B');
  });

  it('a value typed in the knob found by name changes that topic only', () => {
    render(<KnobsForm />);
    fireEvent.change(number('readQueueNums of TopicB'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('apply-knobs'));
    expect((usePlayback.getState().source as File).topics).toMatchObject([{ name: 'TopicA', readQueueNums: 4 }, { name: 'TopicB', readQueueNums: 1 }]);
  });
});

describe('the editor\'s tabs', () => {
  it('are a tab list named in the page\'s language, their panel named by the tab shown', () => {
    act(() => usePage.setState({ editorOpen: true }));
    render(<EditorPanel />);
    expect(within(screen.getByRole('tablist', { name: 'How to edit' })).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Knobs', 'JSON']);
    expect(screen.getByRole('tabpanel', { name: 'Knobs' })).toContainElement(number('writeQueueNums of TopicA'));
    fireEvent.click(screen.getByRole('tab', { name: 'JSON' }));
    expect(screen.getByRole('tabpanel', { name: 'JSON' })).toContainElement(screen.getByTestId('json-editor'));
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByRole('tablist', { name: '编辑方式' })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel', { name: 'JSON' })).toBeInTheDocument();
  });
});

describe('a BROADCASTING group', () => {
  it('has no allocateStrategy knob: it takes every queue and never asks the strategy (RebalanceImpl.rebalanceByTopic)', () => {
    const file = twoOfEach();
    file.consumers = file.consumers.map((consumer) => ((consumer as { group: string }).group === 'CG_B' ? { ...consumer, messageModel: 'BROADCASTING' } : consumer));
    expect(openSource(file).ok).toBe(true);
    render(<KnobsForm />);
    expect(choice('allocateStrategy of CG_A')).toHaveValue('AVG');
    expect(screen.queryByRole('combobox', { name: 'allocateStrategy of CG_B' })).toBeNull();
    expect(number('consumers of CG_B')).toHaveValue(2);
  });
});
