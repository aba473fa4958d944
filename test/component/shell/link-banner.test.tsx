// @vitest-environment jsdom
/**
 * The banner says what happened in the page's language of the moment (it keeps the reason, not
 * words), and a link whose scenario is invalid offers its text in the JSON editor with every problem.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { compressToEncodedURIComponent } from 'lz-string';
import { fnv1a } from '../../../src/scenario/link.ts';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { Banner, loadBannerWords } from '../../../src/ui/controls/Banner.tsx';
import { FileButtons } from '../../../src/ui/controls/FileButtons.tsx';
import { openFileText } from '../../../src/ui/controls/open-file.ts';
import { openFromHash } from '../../../src/ui/controls/session.ts';
import { EditorPanel } from '../../../src/ui/editor/EditorPanel.tsx';
import { useDraft } from '../../../src/store/draft.ts';
import { LearnSlot } from '../../../src/ui/learn/LearnSlot.tsx';
import { FAST_PRODUCER } from '../../support/heavy-scenarios.ts';
import { link, onFreshRuns } from './shell-harness.tsx';

const WAIT = { timeout: 10_000 };

// The banner's words load when a banner first shows (Banner.tsx): here they are there from the start.
beforeAll(() => loadBannerWords());
onFreshRuns(() => useDraft.setState({ text: null, tab: 'knobs' }));

const base = findLibraryEntry('write8-read4')!.scenario as { nameServers: object[]; topics: object[] };
/** The default scenario with seven problems: a seed and a duration out of range, two NameServers twice, a topic without queues, a field mistyped. */
const SEVEN_PROBLEMS = {
  ...base,
  seed: -1,
  durationMs: 0,
  speedz: 1,
  nameServers: [...base.nameServers, ...base.nameServers],
  topics: base.topics.map((topic) => ({ ...topic, readQueueNums: 0, writeQueueNums: 0 })),
};
const SEVEN_PATHS = ['seed', 'durationMs', 'nameServers[2].id', 'nameServers[3].id', 'topics[0].writeQueueNums', 'topics[0].readQueueNums', 'speedz'];

function banner(): HTMLElement {
  return screen.getByTestId('banner');
}

function toChinese(): void {
  act(() => usePlayback.getState().setLanguage('zh'));
}

describe('the banner follows the EN / 中文 toggle', () => {
  it('a link whose scenario is invalid: its problems, the count of the rest and the button', () => {
    openFromHash(link(SEVEN_PROBLEMS));
    render(<Banner />);
    expect(banner()).toHaveTextContent('The scenario in this link is not valid: seed: must be an integer from 0 to 4294967295; durationMs:');
    expect(banner()).toHaveTextContent('and 4 more. The default scenario is open instead.');
    toChinese();
    expect(banner()).toHaveTextContent('此链接中的场景无效：seed：必须是 0 到 4294967295 之间的整数；');
    expect(banner()).toHaveTextContent('另有 4 处问题。已改为打开默认场景。');
    expect(screen.getByRole('button', { name: '在 JSON 编辑器中查看全部问题' })).toBeInTheDocument();
    act(() => usePlayback.getState().setLanguage('en'));
    expect(banner()).toHaveTextContent('The scenario in this link is not valid');
  });

  it('a damaged link', () => {
    openFromHash('#s=1.NoXQhgjg');
    render(<Banner />);
    expect(banner()).toHaveTextContent('This link is cut short');
    toChinese();
    expect(banner()).toHaveTextContent('此链接不完整：可能在复制或发送时被截断。已改为打开默认场景。');
  });

  it('a link whose time is unreadable', () => {
    openFromHash(link(base, 5_000).replace('&t=5000', '&t=abc'));
    render(<Banner />);
    expect(banner()).toHaveTextContent('The time in this link (t=) could not be read');
    toChinese();
    expect(banner()).toHaveTextContent('此链接中的时间（t=）无法读取：已从 0:00 打开链接中的场景。');
  });

  it('a link too heavy for the page, then the note on its first minutes once opened', () => {
    openFromHash(link(FAST_PRODUCER));
    render(<Banner />);
    expect(banner()).toHaveTextContent('This scenario is too heavy for the page');
    toChinese();
    expect(banner()).toHaveTextContent('此场景对页面来说太重');
    expect(banner()).toHaveTextContent('已改为打开默认场景。');
    act(() => usePlayback.getState().setLanguage('en'));
    fireEvent.click(screen.getByRole('button', { name: 'Open its first 8 min' }));
    expect(banner()).toHaveTextContent('This is the scenario\'s first 8 minutes');
    toChinese();
    expect(banner()).toHaveTextContent('这是该场景的前 8 分钟：整个场景对页面来说太重。');
  });

  it('a file too heavy for the page, opened with Open JSON…', () => {
    openFileText(JSON.stringify(FAST_PRODUCER), () => {
      throw new Error('a valid file has no problems to count');
    });
    render(<Banner />);
    expect(banner()).toHaveTextContent('This scenario is too heavy for the page');
    toChinese();
    expect(banner()).toHaveTextContent('此场景对页面来说太重');
  });

  it('an uploaded file with problems, and one that cannot be read', async () => {
    render(<><FileButtons /><Banner /></>);
    const upload = (file: File) => fireEvent.change(screen.getByTestId('upload-input'), { target: { files: [file] } });
    upload(new File(['{ "version": 1, "durationMs": -1 }'], 'bad.json', { type: 'application/json' }));
    await waitFor(() => expect(banner()).toHaveTextContent('bad.json was not opened: problems (1), listed in the editor.'), WAIT);
    toChinese();
    expect(banner()).toHaveTextContent('未能打开 bad.json：共 1 处问题，已在编辑器中列出。');
    const unreadable = new File(['x'], 'lost.json');
    unreadable.text = () => Promise.reject(new Error('NotReadableError'));
    upload(unreadable);
    await waitFor(() => expect(banner()).toHaveTextContent('无法读取 lost.json。'), WAIT);
    act(() => usePlayback.getState().setLanguage('en'));
    expect(banner()).toHaveTextContent('lost.json could not be read.');
  });

  it('a link naming a chapter that does not exist', async () => {
    render(<><LearnSlot /><Banner /></>);
    act(() => openFromHash('#ch=nonexist&st=99'));
    expect(await screen.findByTestId('banner', {}, WAIT)).toHaveTextContent('This link names no chapter of the page: “nonexist”.');
    toChinese();
    expect(banner()).toHaveTextContent('找不到这一章：“nonexist”。');
  });
});

describe('a link whose scenario is invalid', () => {
  it('offers every problem in the JSON editor, on the link\'s JSON text as a draft, as Open JSON… does for a file', async () => {
    openFromHash(link(SEVEN_PROBLEMS));
    expect(usePlayback.getState().libraryId).toBe('write8-read4');
    render(<Banner />);
    fireEvent.click(screen.getByRole('button', { name: 'Show all problems in the JSON editor' }));
    await waitFor(() => expect(usePage.getState().editorOpen).toBe(true), WAIT);
    // The text the link carried, indented as the editor shows a scenario; the default scenario still plays.
    expect(useDraft.getState()).toMatchObject({ tab: 'json', text: JSON.stringify(SEVEN_PROBLEMS, null, 2) });
    expect(usePlayback.getState().libraryId).toBe('write8-read4');
    render(<EditorPanel />);
    const errors = await screen.findByTestId('json-errors', {}, WAIT);
    expect(errors).toHaveTextContent('7');
    for (const path of SEVEN_PATHS) expect(errors).toHaveTextContent(`${path}:`);
    expect(banner()).toHaveTextContent('The scenario in this link was not opened: problems (7), listed in the editor.');
    expect(screen.queryByTestId('banner-show-problems')).toBeNull();
    toChinese();
    expect(banner()).toHaveTextContent('此链接中的场景未能打开：共 7 处问题，已在编辑器中列出。');
  });

  it('keeps a text written by hand as it was written: a repeated field is a problem in the editor too', async () => {
    // JSON.stringify never repeats a field: this text did not come from the page, and is shown as is.
    const text = '{"version":1,"name":"Twice","name":"Again","durationMs":0}';
    openFromHash(`#s=1.${compressToEncodedURIComponent(text)}.${fnv1a(text)}&t=0`);
    render(<Banner />);
    fireEvent.click(screen.getByTestId('banner-show-problems'));
    await waitFor(() => expect(useDraft.getState().text).toBe(text), WAIT);
    render(<EditorPanel />);
    expect(await screen.findByTestId('json-errors', {}, WAIT)).toHaveTextContent('name: "name" is given twice in this object (line 1, columns 14 and 29)');
  });
});
