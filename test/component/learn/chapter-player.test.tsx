// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chapterMoments, type StepMoment } from '../../../src/sim/queries/chapter-moments.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { useInsight } from '../../../src/store/insight.ts';
import { shownStepOf, stepEventIndexOf, stepMomentOf, useLesson } from '../../../src/store/lesson.ts';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { chapterScenario } from '../../../src/ui/learn/chapter.ts';
import { findChapter } from '../../../src/ui/learn/chapters/index.ts';
import { LearnSlot } from '../../../src/ui/learn/LearnSlot.tsx';
import { Banner } from '../../../src/ui/controls/Banner.tsx';
import { CardHost } from '../../../src/ui/controls/CardHost.tsx';
import { ScenarioPicker } from '../../../src/ui/controls/ScenarioPicker.tsx';
import { InspectorPanel } from '../../../src/ui/panels/InspectorPanel.tsx';
import { openFromHash, openLibraryEntry, openSource } from '../../../src/ui/controls/session.ts';
import { currentLink } from '../../../src/ui/controls/url-sync.ts';
import { onShortcutKey } from '../../../src/ui/controls/use-keyboard.ts';
import { PROGRESS_STORAGE_KEY } from '../../../src/ui/learn/progress-key.ts';
import { formatTime } from '../../../src/viz/format.ts';

const WAIT = { timeout: 10_000 };

/** The moments the chapter's steps must land on (with the events they wait for), found here independently of the page. */
async function expectedStepMoments(id: string): Promise<StepMoment[]> {
  const chapter = await findChapter(id)!.load();
  const result = validateScenario(chapterScenario(chapter));
  if (!result.ok) throw new Error('chapter scenario invalid');
  return chapterMoments(new Timeline(result.scenario), { waits: chapter.steps.map((step) => step.wait) }).moments;
}

async function expectedMoments(id: string): Promise<number[]> {
  return (await expectedStepMoments(id)).map((m) => m.t);
}

function reducedMotion(reduce: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: reduce && query.includes('reduce'), media: query, addEventListener() {}, removeEventListener() {} }));
}

async function openChapter(id: string, step = 0): Promise<void> {
  render(<LearnSlot />);
  act(() => useLesson.getState().openChapter(id, step));
  await waitFor(() => expect(screen.getByTestId('chapter')).toHaveAttribute('data-arrived', 'true'), WAIT);
}

/** A fresh page opened at the link, as a learner who was sent it. */
function reopen(link: string): void {
  cleanup();
  act(() => useLesson.getState().closeChapter());
  render(<LearnSlot />);
  act(() => openFromHash(link.slice(link.indexOf('#'))));
}

async function arrivedAt(step: number): Promise<void> {
  await waitFor(() => {
    expect(screen.getByTestId('chapter')).toHaveAttribute('data-step', String(step));
    expect(screen.getByTestId('chapter')).toHaveAttribute('data-arrived', 'true');
  }, WAIT);
}

/** A key pressed with nothing focused: it bubbles from the body, through the document (the chapter's keys), to the window. */
const key = (name: string) => fireEvent.keyDown(document.body, { key: name });

beforeEach(() => {
  reducedMotion(true);
  usePlayback.setState({ language: 'en', playing: false, selection: null });
});
afterEach(() => {
  cleanup();
  act(() => useLesson.getState().closeChapter());
  act(() => useLesson.getState().forgetLeftChapter());
  vi.unstubAllGlobals();
});

describe('the chapter player', () => {
  it('loads the chapter\'s scenario and pauses at the first step\'s moment', async () => {
    const moments = await expectedMoments('basics');
    await openChapter('basics');
    expect(usePlayback.getState().timeMs).toBe(moments[0]);
    expect(usePlayback.getState().playing).toBe(false);
    expect(screen.getByTestId('step-progress')).toHaveTextContent('Step 1 of 7');
    expect(screen.getByTestId('step-caption')).toHaveTextContent('TopicOrder');
  });

  it('goes forward with → and PageDown, and back with ← and PageUp, moving the run each time', async () => {
    const moments = await expectedMoments('basics');
    await openChapter('basics');
    key('ArrowRight');
    await arrivedAt(1);
    expect(usePlayback.getState().timeMs).toBe(moments[1]);
    key('PageDown');
    await arrivedAt(2);
    expect(usePlayback.getState().timeMs).toBe(moments[2]);
    key('PageUp');
    await arrivedAt(1);
    expect(usePlayback.getState().timeMs).toBe(moments[1]);
    key('ArrowLeft');
    await arrivedAt(0);
    expect(usePlayback.getState().timeMs).toBe(moments[0]);
  });

  it('opens the card of the message a step is about', async () => {
    await openChapter('basics', 1);
    expect(usePlayback.getState().selection).toMatchObject({ kind: 'message' });
  });

  it('shows the allocation strategies side by side at the rebalancing step: AVG in blocks, AVG_BY_CIRCLE dealt round', async () => {
    await openChapter('consumers', 4);
    const figure = await screen.findByTestId('allocation-figure', {}, WAIT);
    expect(figure).toHaveTextContent('An example, not the group on the canvas: 8 queues among the first 3 members of CG_ORDER');
    const rows = [...figure.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    // AllocateMessageQueueAveragely: 3, 3 and 2 in a row; AveragelyByCircle: every third queue.
    expect(rows.map((cells) => cells.slice(0, 2))).toEqual([
      ['broker-a 0 1 2', 'broker-a 0 3 · broker-b 2'],
      ['broker-a 3 · broker-b 0 1', 'broker-a 1 · broker-b 0 3'],
      ['broker-b 2 3', 'broker-a 2 · broker-b 1'],
    ]);
  });

  it('shows on the canvas the topic a step is about, and the default topic again at a step that names none', async () => {
    await openChapter('topics', 4);
    expect(useInsight.getState().canvasTopic).toBe('NewTopic');
    expect(usePlayback.getState().selection).toEqual({ kind: 'broker', id: 'broker-b' });
    key('ArrowLeft');
    await arrivedAt(3);
    // NewTopic exists on no broker yet: the step shows TBW102, whose route p-2 borrows.
    expect(useInsight.getState().canvasTopic).toBe('TBW102');
    key('ArrowLeft');
    await arrivedAt(2);
    expect(useInsight.getState().canvasTopic).toBe('TopicPay');
    key('ArrowLeft');
    await arrivedAt(1);
    expect(useInsight.getState().canvasTopic).toBeNull();
  });

  it('takes → pressed while the chapter gets ready, after it is: the page\'s shortcut does not step the run meanwhile', async () => {
    const moments = await expectedMoments('basics');
    // The chapter's steps arrive when the test says: until then the box says it is getting ready.
    const entry = findChapter('basics')!;
    const load = entry.load;
    let arrive = () => {};
    const held = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    vi.spyOn(entry, 'load').mockImplementation(() => held.then(load));
    window.addEventListener('keydown', onShortcutKey);
    try {
      // A run on screen, which the page's → would step.
      act(() => openLibraryEntry('write8-read4'));
      render(<LearnSlot />);
      act(() => useLesson.getState().openChapter('basics'));
      await waitFor(() => expect(screen.getByTestId('chapter')).toHaveAttribute('data-status', 'loading'), WAIT);
      const before = usePlayback.getState().timeMs;
      key('ArrowRight');
      key('PageDown');
      expect(usePlayback.getState().timeMs).toBe(before);
      arrive();
      await arrivedAt(2);
      expect(usePlayback.getState().timeMs).toBe(moments[2]);
    } finally {
      window.removeEventListener('keydown', onShortcutKey);
    }
  });

  it('holds a question at the previous moment, then runs to the answer and says whether the pick was right', async () => {
    const moments = await expectedMoments('basics');
    await openChapter('basics', 3);
    expect(usePlayback.getState().timeMs).toBe(moments[2]);
    expect(screen.queryByTestId('step-caption')).toBeNull();
    fireEvent.click(screen.getByTestId('choice-0'));
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveAttribute('data-right', 'false'), WAIT);
    expect(usePlayback.getState().timeMs).toBe(moments[3]);
    expect(screen.getByTestId('verdict')).toHaveTextContent('Not quite: the run shows “Each queue in turn: broker-a gets 4 of every 6”.');
    expect(screen.getByTestId('step-caption')).toBeInTheDocument();
    // The verdict stands where the choices were: the answered box is no taller than it must be.
    expect(screen.queryByTestId('choice-0')).toBeNull();
  });

  it('gives a keyboard user\'s focus to the verdict: the picked choice is disabled, then gone', async () => {
    await openChapter('basics', 3);
    const choice = screen.getByTestId('choice-1');
    choice.focus();
    fireEvent.click(choice);
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveFocus(), WAIT);
    expect(screen.getByTestId('verdict')).toHaveTextContent('Right:');
  });

  it('opens, at the keys step, the card of a message with a key, at its key lookup in the index', async () => {
    const chapter = await findChapter('basics')!.load();
    expect(chapter.steps[5]!.focus).toEqual({ kind: 'message', section: 'index' });
    const moments = await expectedMoments('basics');
    await openChapter('basics', 5);
    expect(usePlayback.getState().timeMs).toBe(moments[5]);
    expect(moments[5]).toBeGreaterThan(moments[4]!);
    expect(moments[5]).toBeLessThanOrEqual(moments[6]!);
    expect(usePlayback.getState().selection).toMatchObject({ kind: 'message' });
  });

  it('leaves focus on Next when the next step opens a message\'s card: Enter goes on to the step after', async () => {
    await openChapter('basics', 0);
    render(<CardHost />);
    const next = screen.getByTestId('step-next');
    next.focus();
    fireEvent.click(next);
    await waitFor(() => expect(screen.getByTestId('chapter')).toHaveAttribute('data-arrived', 'true'), WAIT);
    expect(usePlayback.getState().selection).toMatchObject({ kind: 'message' });
    await screen.findByTestId('message-card');
    expect(screen.getByTestId('step-next')).toHaveFocus();
  });

  it('says "right" for the right choice, in Chinese too', async () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    await openChapter('basics', 3);
    fireEvent.click(screen.getByTestId('choice-1'));
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveAttribute('data-right', 'true'), WAIT);
    expect(screen.getByTestId('verdict')).toHaveTextContent('答对了：“逐个队列轮流：每 6 条里 broker-a 得 4 条”。');
    expect(screen.getByTestId('step-progress')).toHaveTextContent('第 4 步，共 7 步');
  });

  it('plays forward to the next step when motion is allowed, and stops exactly on its moment', async () => {
    reducedMotion(false);
    const moments = await expectedMoments('groups');
    await openChapter('groups');
    fireEvent.click(screen.getByTestId('step-next'));
    // Step 1 asks first: the run stays; answering plays on to the answer.
    expect(usePlayback.getState().timeMs).toBe(moments[0]);
    fireEvent.click(screen.getByTestId('choice-1'));
    await waitFor(() => expect(screen.getByTestId('verdict')).toBeInTheDocument(), WAIT);
    expect(usePlayback.getState().timeMs).toBe(moments[1]);
  });

  it('a link names the moment shown when the run was moved off the step\'s, and opens the step there', async () => {
    const moments = await expectedMoments('basics');
    await openChapter('basics', 1);
    expect(currentLink()).toMatch(/#ch=basics&st=1$/);
    const elsewhere = moments[1]! + 7_000;
    act(() => usePlayback.getState().seek(elsewhere));
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(elsewhere), WAIT);
    const link = currentLink()!;
    expect(link).toMatch(new RegExp(`#ch=basics&st=1&t=${elsewhere}$`));
    reopen(link);
    await waitFor(() => {
      expect(screen.getByTestId('chapter')).toHaveAttribute('data-step', '1');
      expect(usePlayback.getState().timeMs).toBe(elsewhere);
    }, WAIT);
    expect(screen.getByTestId('step-caption')).toBeInTheDocument();
    // The sender's page said the run had left the step's moment: so does the link's.
    expect(await screen.findByTestId('step-left', {}, WAIT)).toHaveTextContent(`The run has left this step's moment (${formatTime(moments[1]!)})`);
  });

  it('a link with an answer, made off the answer\'s moment, opens with the verdict and says the run has left the step', async () => {
    const moments = await expectedMoments('groups');
    const { answer } = (await findChapter('groups')!.load()).steps[1]!.predict!;
    render(<LearnSlot />);
    act(() => openFromHash(`#ch=groups&st=1&a=${answer}&t=${moments[1]! + 1_000}`));
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(moments[1]! + 1_000), WAIT);
    expect(await screen.findByTestId('verdict', {}, WAIT)).toHaveAttribute('data-right', 'true');
    expect(screen.getByTestId('step-left')).toBeInTheDocument();
  });

  it('says so when the run was moved off the step\'s moment, dims the step\'s words, and goes back on request', async () => {
    const moments = await expectedMoments('basics');
    await openChapter('basics', 1);
    expect(screen.queryByTestId('step-left')).toBeNull();
    act(() => usePlayback.getState().seek(moments[1]! + 7_000));
    const left = await screen.findByTestId('step-left', {}, WAIT);
    expect(left).toHaveTextContent(`The run has left this step's moment (${formatTime(moments[1]!)}): what the step says may not match the drawing.`);
    expect(screen.getByTestId('chapter')).toHaveClass('rs-lesson-left');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('step-left')).toHaveTextContent(`画面已离开本步的时刻（${formatTime(moments[1]!)}）`);
    act(() => usePlayback.getState().setLanguage('en'));
    fireEvent.click(screen.getByTestId('back-to-step'));
    await arrivedAt(1);
    expect(screen.queryByTestId('step-left')).toBeNull();
    expect(screen.getByTestId('chapter')).not.toHaveClass('rs-lesson-left');
    // Going on to the next step is no leaving: the marker does not show on the way.
    key('ArrowRight');
    expect(screen.queryByTestId('step-left')).toBeNull();
    await arrivedAt(2);
    expect(screen.queryByTestId('step-left')).toBeNull();
  });

  it('a link carries the answer given to the step\'s question (a) and opens the step answered, at the answer\'s moment', async () => {
    const moments = await expectedMoments('groups');
    const { answer } = (await findChapter('groups')!.load()).steps[1]!.predict!;
    const wrong = answer === 0 ? 1 : 0;
    await openChapter('groups');
    fireEvent.click(screen.getByTestId('step-next'));
    expect(currentLink()).toMatch(/#ch=groups&st=1$/);
    fireEvent.click(screen.getByTestId(`choice-${wrong}`));
    await waitFor(() => expect(screen.getByTestId('verdict')).toBeInTheDocument(), WAIT);
    const link = currentLink()!;
    expect(link).toMatch(new RegExp(`#ch=groups&st=1&a=${wrong}$`));
    reopen(link);
    await waitFor(() => expect(screen.getByTestId('verdict')).toBeInTheDocument(), WAIT);
    expect(screen.getByTestId('verdict')).toHaveAttribute('data-right', 'false');
    expect(screen.queryByTestId(`choice-${answer}`)).toBeNull();
    expect(screen.getByTestId('step-caption')).toBeInTheDocument();
    expect(usePlayback.getState().timeMs).toBe(moments[1]);
  });

  it('a link whose answer the step\'s question does not have opens the question unanswered', async () => {
    render(<LearnSlot />);
    act(() => openFromHash('#ch=groups&st=1&a=9'));
    // The lesson store drops the answer once the chapter's questions are known, before the step renders.
    await waitFor(() => {
      expect(screen.getByTestId('prediction')).toHaveAttribute('data-open', 'true');
      expect(currentLink()).toMatch(/#ch=groups&st=1$/);
    }, WAIT);
    expect(screen.queryByTestId('step-caption')).toBeNull();
  });

  it('shows each step with its own moment and awaited event from its first render: the caption and the address never read the previous step\'s', async () => {
    const moments = await expectedStepMoments('basics');
    const seen: { step: number; moment: number | null; event: number | null }[] = [];
    // Renders with the chapter, reading the lesson store as the caption (NarrationCaption) and the address (url-sync) do.
    function Reader() {
      seen.push({ step: useLesson(shownStepOf), moment: useLesson(stepMomentOf), event: useLesson(stepEventIndexOf) });
      return null;
    }
    render(<Reader />);
    await openChapter('basics', 1);
    key('ArrowRight');
    await arrivedAt(2);
    key('ArrowLeft');
    await arrivedAt(1);
    const shownAt = (step: number) => seen.filter((render) => render.step === step && render.moment !== null);
    expect(shownAt(2).length).toBeGreaterThan(0);
    for (const step of [1, 2]) {
      expect(moments[step]!.index).not.toBeNull();
      for (const render of shownAt(step)) expect(render).toEqual({ step, moment: moments[step]!.t, event: moments[step]!.index });
    }
  });

  it('a link naming a chapter the page does not have never opens one, not for a render: the banner names it', async () => {
    render(<><LearnSlot /><Banner /></>);
    const opened: string[] = [];
    const stop = useLesson.subscribe((state) => {
      if (state.chapterId !== null) opened.push(state.chapterId);
    });
    act(() => openFromHash('#ch=nonexist&st=99'));
    expect(await screen.findByTestId('banner', {}, WAIT)).toHaveTextContent('This link names no chapter of the page: “nonexist”.');
    stop();
    expect(opened).toEqual([]);
    expect(screen.queryByTestId('chapter')).toBeNull();
  });

  it('"Try it yourself" leaves the chapter with the same run at the same moment', async () => {
    const moments = await expectedMoments('groups');
    await openChapter('groups', 2);
    const version = usePlayback.getState().timelineVersion;
    fireEvent.click(screen.getByTestId('try-it'));
    expect(useLesson.getState().chapterId).toBeNull();
    expect(usePlayback.getState().timelineVersion).toBe(version);
    expect(usePlayback.getState().timeMs).toBe(moments[2]);
  });

  it('"Try it yourself" keeps the moment the reader scrubbed to, as its hint says ("from this moment")', async () => {
    const moments = await expectedMoments('groups');
    await openChapter('groups', 2);
    act(() => usePlayback.getState().seek(moments[2]! + 10_000));
    await screen.findByTestId('step-left', {}, WAIT);
    fireEvent.click(screen.getByTestId('try-it'));
    expect(useLesson.getState().chapterId).toBeNull();
    expect(usePlayback.getState().timeMs).toBe(moments[2]! + 10_000);
  });

  it('"Try it yourself" names the run the chapter\'s scenario in the picker, not the person\'s own, until it is changed', async () => {
    await openChapter('groups', 2);
    render(<ScenarioPicker />);
    const picked = () => (screen.getByTestId('scenario-picker') as HTMLSelectElement).selectedOptions[0]!.textContent;
    // At the picker's widest (360 px) the English title does not fit whole, and has no colon: its number alone.
    expect(picked()).toBe('Chapter 2');
    fireEvent.click(screen.getByTestId('try-it'));
    expect(picked()).toBe('Chapter 2');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(picked()).toBe('第 2 章 · 生产者组与消费者组');
    // An edit loads the changed run: from then on it is the person's own.
    act(() => { openSource(usePlayback.getState().source, { atMs: usePlayback.getState().timeMs, keepSelection: true }); });
    expect(picked()).toBe('第 2 章 · 生产者组与消费者组（你的场景：已编辑、打开或分享）');
  });

  it('names a chapter\'s run in the picker by its number and subject, up to the colon, so no word is cut at 1280 px; the whole title is its tooltip', async () => {
    await openChapter('failover');
    render(<ScenarioPicker />);
    const picker = screen.getByTestId('scenario-picker') as HTMLSelectElement;
    expect(picker.selectedOptions[0]!.textContent).toBe('Chapter 9 · Failover');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(picker.selectedOptions[0]!.textContent).toBe('第 9 章 · 故障');
    expect(picker).toHaveAttribute('title', '第 9 章 · 故障：崩溃、Slave、网络分区与 NameServer 宕机');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('ends the chapter when another scenario is loaded, says which chapter and step it left, and offers them back', async () => {
    await openChapter('groups', 2);
    // The version switch, an edit: the chapter's source with another config, loaded as the person's own run.
    const source = usePlayback.getState().source as { config?: Record<string, unknown> };
    act(() => { openSource({ ...source, config: { ...source.config, rocketmqVersion: '4.x' } }, { atMs: usePlayback.getState().timeMs }); });
    expect(useLesson.getState().chapterId).toBeNull();
    const note = await screen.findByTestId('left-chapter', {}, WAIT);
    expect(note).toHaveTextContent('You left chapter 2 at step 3: another run was loaded (an edit, the version switch, a file or the picker).');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(note).toHaveTextContent('已离开第 2 章第 3 步');
    act(() => usePlayback.getState().setLanguage('en'));
    fireEvent.click(screen.getByTestId('left-chapter-back'));
    expect(useLesson.getState()).toMatchObject({ chapterId: 'groups', step: 2, leftChapter: null });
    await waitFor(() => expect(screen.getByTestId('chapter')).toHaveAttribute('data-arrived', 'true'), WAIT);
    expect(screen.queryByTestId('left-chapter')).toBeNull();
  });

  it('after "Try it yourself" says which chapter and step were left and offers them back, in Chinese too; the note goes when dismissed', async () => {
    await openChapter('groups', 1);
    fireEvent.click(screen.getByTestId('try-it'));
    expect(useLesson.getState()).toMatchObject({ chapterId: null, leftChapter: { id: 'groups', step: 1 } });
    const note = await screen.findByTestId('left-chapter', {}, WAIT);
    expect(note).toHaveTextContent('You left chapter 2 at step 2 and are playing its run yourself.');
    expect(screen.getByTestId('left-chapter-back')).toHaveTextContent('Back to chapter 2, step 2');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(note).toHaveTextContent('已离开第 2 章第 2 步，现在由你自己操作本章的运行。');
    expect(screen.getByTestId('left-chapter-back')).toHaveTextContent('回到第 2 章第 2 步');
    // Another run loaded meanwhile: the note says so instead, and still offers the step back.
    act(() => { openSource(usePlayback.getState().source, { atMs: 0 }); });
    expect(note).toHaveTextContent('已离开第 2 章第 2 步：载入了另一个运行');
    act(() => usePlayback.getState().setLanguage('en'));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('left-chapter')).toBeNull();
    expect(useLesson.getState().leftChapter).toBeNull();
  });

  it('"Try it yourself", then the note\'s way back: the chapter opens again at the step left', async () => {
    await openChapter('groups', 2);
    fireEvent.click(screen.getByTestId('try-it'));
    fireEvent.click(await screen.findByTestId('left-chapter-back', {}, WAIT));
    expect(useLesson.getState()).toMatchObject({ chapterId: 'groups', step: 2, leftChapter: null });
    await arrivedAt(2);
    expect(screen.queryByTestId('left-chapter')).toBeNull();
  });

  it('says which chapter a link named that does not exist, in the page\'s language, and opens the default scenario', async () => {
    for (const [language, words] of [['en', 'This link names no chapter of the page: “nonexist”. The Learn button lists the chapters.'], ['zh', '找不到这一章：“nonexist”。链接可能写错了，“学习”按钮里列出了全部章节。']] as const) {
      cleanup();
      usePlayback.setState({ language });
      usePage.setState({ banner: null });
      render(<><LearnSlot /><Banner /></>);
      act(() => openFromHash('#ch=nonexist&st=99'));
      await waitFor(() => expect(useLesson.getState().chapterId).toBeNull(), WAIT);
      expect(await screen.findByTestId('banner', {}, WAIT)).toHaveTextContent(words);
      expect(usePlayback.getState().libraryId).toBe('write8-read4');
    }
  });
});

/**
 * For each test of the describe it is called in: the wide layout, where the lesson box is stuck
 * under the playback bar (learn.css), and `shown`, the test ids of the elements brought into view,
 * in order (jsdom has no scrollIntoView: this one records). `phone()` unsticks the lesson box.
 */
function recordBroughtIntoView(): { shown: string[]; phone(): void } {
  const shown: string[] = [];
  let style: HTMLStyleElement | undefined;
  beforeEach(() => {
    shown.length = 0;
    Element.prototype.scrollIntoView = function record(this: Element) {
      shown.push(this.getAttribute('data-testid') ?? '');
    };
    style = document.createElement('style');
    style.textContent = '.rs-lesson { position: sticky; }';
    document.head.append(style);
  });
  afterEach(() => {
    delete (Element.prototype as Partial<Element>).scrollIntoView;
    style?.remove();
  });
  return {
    shown,
    phone() {
      if (style) style.textContent = '';
    },
  };
}

describe('a step about a part of a broker (chapter 4)', () => {
  const { shown, phone } = recordBroughtIntoView();
  const growInspector = () => act(() => {
    document.querySelector('.rs-area-inspector [data-testid="broker-modules"]')!.prepend(document.createElement('div'));
  });
  const frames = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

  it('brings into view in the inspector the module its caption is about, step by step: Remoting, the client manager, none at the first stored message (the module map says its counts), Remoting again (its pulls)', async () => {
    render(<InspectorPanel className="rs-area-inspector" />);
    await openChapter('broker', 0);
    await waitFor(() => expect(shown.at(-1)).toBe('module-remoting'), WAIT);
    key('ArrowRight');
    await arrivedAt(1);
    await waitFor(() => expect(shown.at(-1)).toBe('module-clientManager'), WAIT);
    expect(screen.getByTestId('module-clientManager')).toHaveTextContent('CG_ORDER (CLUSTERING)');
    act(() => useLesson.getState().openChapter('broker', 2));
    await arrivedAt(2);
    shown.length = 0;
    await screen.findByTestId('module-map', {}, WAIT);
    growInspector();
    await frames();
    expect(shown).toEqual([]);
    act(() => useLesson.getState().openChapter('broker', 4));
    await arrivedAt(4);
    await waitFor(() => expect(shown.at(-1)).toBe('module-remoting'), WAIT);
    expect(screen.getByTestId('module-remoting')).toHaveTextContent('PULL_MESSAGE');
  });

  it('follows the module while the inspector settles, until the person scrolls; a step about the broker alone brings no module into view', async () => {
    render(<InspectorPanel className="rs-area-inspector" />);
    await openChapter('broker', 1);
    await waitFor(() => expect(shown).toContain('module-clientManager'), WAIT);
    shown.length = 0;
    // More above the module (a table growing, the modules view's late parts): it is brought into view again.
    growInspector();
    await waitFor(() => expect(shown).toEqual(['module-clientManager']), WAIT);
    fireEvent.wheel(window);
    shown.length = 0;
    growInspector();
    await frames();
    expect(shown).toEqual([]);
    act(() => useLesson.getState().openChapter('broker', 2));
    await arrivedAt(2);
    await screen.findByTestId('module-map', {}, WAIT);
    growInspector();
    await frames();
    expect(shown).toEqual([]);
  });

  it('leaves the page where it is on a phone, where the caption scrolls with the page', async () => {
    phone();
    render(<InspectorPanel className="rs-area-inspector" />);
    await openChapter('broker', 1);
    await screen.findByTestId('module-clientManager', {}, WAIT);
    growInspector();
    await frames();
    expect(shown).toEqual([]);
  });
});

describe('a step about a table of a NameServer (chapter 5)', () => {
  const { shown } = recordBroughtIntoView();

  it('brings ns-2\'s topicQueueTable, with TopicOrder\'s rows, into view at the topic\'s creation, and nothing at the step before', async () => {
    render(<InspectorPanel className="rs-area-inspector" />);
    await openChapter('workflow', 1);
    await screen.findByTestId('topicQueueTable', {}, WAIT);
    expect(shown).toEqual([]);
    act(() => useLesson.getState().openChapter('workflow', 2));
    await arrivedAt(2);
    await waitFor(() => expect(shown.at(-1)).toBe('topicQueueTable'), WAIT);
    expect(screen.getByTestId('topicQueueTable')).toHaveTextContent('TopicOrder');
  });
});

describe('the glossary', () => {
  it('gives the study note\'s words in both languages, the broker\'s five modules among them, and closes with Esc', async () => {
    await openChapter('broker');
    fireEvent.click(screen.getByTestId('glossary-open'));
    const glossary = screen.getByRole('dialog', { name: 'Glossary' });
    const row = (english: string) => screen.getByRole('cell', { name: english }).closest('tr')!;
    // The study note's broker: Remoting Module, clientManager, Store Service, HAserver, indexServer.
    for (const [english, chinese] of [['Remoting module', 'Remoting 模块'], ['client manager', '客户端管理器（clientManager）'], ['store service', '存储服务（Store Service）'],
      ['HA service (HAService)', '高可用服务（HAService）'], ['index service (IndexService)', '索引服务（IndexService）']]) {
      expect(row(english!)).toHaveTextContent(chinese!);
    }
    expect(row('flushing: ASYNC_FLUSH / SYNC_FLUSH')).toHaveTextContent('A power loss loses what was not flushed, unless a slave has it.');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(row('flushing: ASYNC_FLUSH / SYNC_FLUSH')).toHaveTextContent('断电会丢失尚未刷盘的消息，除非 Slave 已有副本。');
    fireEvent.keyDown(glossary, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('finds a term by any word of it in either language, whatever the page\'s language', async () => {
    await openChapter('broker');
    fireEvent.click(screen.getByTestId('glossary-open'));
    const terms = () => screen.getAllByRole('row').slice(1).map((row) => row.firstElementChild!.textContent);
    const all = terms().length;
    expect(all).toBeGreaterThanOrEqual(30);
    const find = screen.getByRole('searchbox', { name: 'Find a term' });
    fireEvent.change(find, { target: { value: '刷盘' } });
    expect(terms()).toEqual(['flushing: ASYNC_FLUSH / SYNC_FLUSH']);
    fireEvent.change(find, { target: { value: ' commitlog ' } });
    expect(terms()).toEqual(expect.arrayContaining(['CommitLog', 'ConsumeQueue', 'master / slave', 'store service']));
    // The study note's headings a learner looks for: NameServer选择策略, 工作流程, 手动创建topic的两种模式.
    fireEvent.change(find, { target: { value: '选择' } });
    expect(terms()).toEqual(['NameServer selection']);
    fireEvent.change(find, { target: { value: '工作流程' } });
    expect(terms()).toEqual(['workflow']);
    fireEvent.change(find, { target: { value: '模式' } });
    expect(terms()).toEqual(expect.arrayContaining(['topic creation: cluster mode / broker mode']));
    // perm RW- in the captions (topic.updated), explained where a learner looks it up.
    fireEvent.change(find, { target: { value: 'RW-' } });
    expect(terms()).toEqual(['perm (PermName)']);
    fireEvent.change(find, { target: { value: 'ZooKeeper' } });
    expect(terms()).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('No term has "ZooKeeper".');
    // The study note's own spellings and words, spaces and case aside; a term named by the query comes before those whose meaning mentions it.
    for (const [query, first] of [['broker模式', 'topic creation: cluster mode / broker mode'], ['HAserver', 'HA service (HAService)'], ['indexServer', 'index service (IndexService)'],
      ['重平衡', 'rebalance'], ['读写队列', 'read / write queues'], ['分区', 'network partition'], ['长连接', 'long connection'], ['brokerLiveTable', 'brokerLiveTable'], ['HA', 'HA service (HAService)'],
      ['messageId', 'msgId (UNIQ_KEY)'], ['交换机', 'broker'], ['JMS', 'JMS'], ['JMO', 'JMS']] as const) {
      fireEvent.change(find, { target: { value: query } });
      expect(terms()[0], query).toBe(first);
    }
    fireEvent.change(find, { target: { value: 'Kafka' } });
    expect(terms()).toEqual(['network partition']);
    fireEvent.change(find, { target: { value: '' } });
    expect(terms()).toHaveLength(all);
  });
});

describe('the last step', () => {
  it('leads to the next chapter, from its start', async () => {
    await openChapter('basics', 6);
    expect(screen.queryByTestId('step-next')).toBeNull();
    const onward = screen.getByTestId('chapter-next');
    expect(onward).toHaveTextContent('Next chapter →');
    expect(onward).toHaveAttribute('title', 'Chapter 2 · Producer groups and consumer groups');
    fireEvent.click(onward);
    expect(useLesson.getState()).toMatchObject({ chapterId: 'groups', step: 0 });
    await waitFor(() => expect(screen.getByTestId('chapter')).toHaveAttribute('data-chapter', 'groups'), WAIT);
    await arrivedAt(0);
  });

  it('goes on to the next chapter with → or a clicker\'s PageDown, as slides do', async () => {
    await openChapter('groups', 5);
    key('PageDown');
    expect(useLesson.getState()).toMatchObject({ chapterId: 'nameserver', step: 0 });
    await waitFor(() => expect(screen.getByTestId('chapter')).toHaveAttribute('data-chapter', 'nameserver'), WAIT);
    await arrivedAt(0);
  });

  it('of the last chapter leads back to the chapter list, by its button or → (in Chinese too)', async () => {
    usePlayback.setState({ language: 'zh' });
    await openChapter('failover', 6);
    expect(screen.queryByTestId('chapter-next')).toBeNull();
    expect(screen.queryByTestId('step-next')).toBeNull();
    const end = screen.getByTestId('chapters-end');
    expect(end).toHaveTextContent('回到章节列表');
    expect(end).toBeEnabled();
    fireEvent.click(end);
    expect(useLesson.getState()).toMatchObject({ chapterId: 'failover', step: 6, listOpen: true });
    act(() => useLesson.getState().setListOpen(false));
    key('ArrowRight');
    expect(useLesson.getState()).toMatchObject({ chapterId: 'failover', step: 6, listOpen: true });
  });
});

describe('progress through the chapters, remembered in the browser', () => {
  const stored = () => JSON.parse(window.localStorage.getItem(PROGRESS_STORAGE_KEY) ?? 'null') as unknown;
  beforeEach(() => window.localStorage.clear());

  it('remembers the furthest step whose moment the run reached; going back keeps it', async () => {
    await openChapter('basics');
    expect(stored()).toEqual({ basics: { step: 0, count: 7 } });
    key('ArrowRight');
    await arrivedAt(1);
    key('ArrowRight');
    await arrivedAt(2);
    key('ArrowLeft');
    await arrivedAt(1);
    expect(stored()).toEqual({ basics: { step: 2, count: 7 } });
  });

  it('the list marks a chapter read to its end, offers a started one where it was left and opens it there', async () => {
    window.localStorage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify({ basics: { step: 6, count: 7 }, groups: { step: 2, count: 6 } }));
    render(<LearnSlot />);
    act(() => useLesson.getState().setListOpen(true));
    const basics = await screen.findByTestId('chapter-basics', {}, WAIT);
    expect(basics).toHaveTextContent('✓ Finished');
    expect(screen.getByTestId('chapter-groups')).toHaveTextContent('Continue at step 3 of 6');
    expect(screen.getByTestId('chapter-nameserver').querySelector('[data-testid="chapter-progress"]')).toBeNull();
    fireEvent.click(screen.getByTestId('chapter-groups'));
    expect(useLesson.getState()).toMatchObject({ chapterId: 'groups', step: 2 });
    await arrivedAt(2);
  });

  it('opens a chapter read to its end from the start, in Chinese marked 已读完', async () => {
    usePlayback.setState({ language: 'zh' });
    window.localStorage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify({ basics: { step: 6, count: 7 } }));
    render(<LearnSlot />);
    act(() => useLesson.getState().setListOpen(true));
    const basics = await screen.findByTestId('chapter-basics', {}, WAIT);
    expect(basics).toHaveTextContent('✓ 已读完');
    fireEvent.click(basics);
    expect(useLesson.getState()).toMatchObject({ chapterId: 'basics', step: 0 });
    await arrivedAt(0);
  });

  it('ignores what it did not write: unknown chapters, steps outside the chapter, other shapes, text that is not JSON', async () => {
    for (const junk of ['{not json', '[1,2]', '"basics"', JSON.stringify({ basics: { step: 7, count: 7 }, groups: { step: -1, count: 6 }, nameserver: { step: 1.5, count: 4 }, broker: { step: '2', count: 6 }, nope: { step: 1, count: 3 } }), '{"__proto__": {"basics": {"step": 1, "count": 7}}}']) {
      window.localStorage.setItem(PROGRESS_STORAGE_KEY, junk);
      render(<LearnSlot />);
      act(() => useLesson.getState().setListOpen(true));
      await screen.findByTestId('chapter-basics', {}, WAIT);
      expect(screen.queryAllByTestId('chapter-progress'), junk).toHaveLength(0);
      act(() => useLesson.getState().setListOpen(false));
      cleanup();
    }
  });
});
