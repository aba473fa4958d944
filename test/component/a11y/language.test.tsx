// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLesson } from '../../../src/store/lesson.ts';
import { LANGUAGE_STORAGE_KEY, usePlayback } from '../../../src/store/playback.ts';
import { scenarioText } from '../../../src/scenario/language.ts';
import { findLibraryEntry, loadLibraryDescription } from '../../../src/scenario/library/index.ts';
import { LanguageToggle } from '../../../src/ui/controls/LanguageToggle.tsx';
import { ScenarioDescription, ScenarioPicker } from '../../../src/ui/controls/ScenarioPicker.tsx';
import { openSource } from '../../../src/ui/controls/session.ts';
import {
  chooseLanguage, preferredLanguage, readRememberedLanguage,
} from '../../../src/ui/i18n/language-choice.ts';

describe('the browser\'s languages decide on a first visit', () => {
  it('opens in Chinese when the browser lists any Chinese, wherever in the list', () => {
    expect(preferredLanguage(['zh-CN'])).toBe('zh');
    expect(preferredLanguage(['en-US', 'zh-TW'])).toBe('zh');
    expect(preferredLanguage(['fr', 'zh-Hant-HK'])).toBe('zh');
    expect(preferredLanguage(['ZH'])).toBe('zh');
  });

  it('opens in English otherwise, and for tags that only begin with the letters zh', () => {
    expect(preferredLanguage(['en-GB'])).toBe('en');
    expect(preferredLanguage(['ja', 'ko'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
    expect(preferredLanguage(['zha'])).toBe('en');
  });
});

describe('a link, then the remembered choice, then the browser', () => {
  it('a link\'s lang wins over the remembered choice and the browser', () => {
    expect(chooseLanguage({ hash: '#s=1.abc.0123abcd&t=5&lang=zh', remembered: 'en', browser: ['en'] })).toBe('zh');
    expect(chooseLanguage({ hash: '#lang=en', remembered: 'zh', browser: ['zh-CN'] })).toBe('en');
  });

  it('reads lang from the query when the fragment names none, the fragment\'s winning when both do', () => {
    expect(chooseLanguage({ hash: '', search: '?lang=zh', remembered: 'en', browser: ['en-US'] })).toBe('zh');
    expect(chooseLanguage({ hash: '#ch=basics&st=0', search: '?lang=zh', remembered: null, browser: ['en'] })).toBe('zh');
    expect(chooseLanguage({ hash: '#lang=en', search: '?lang=zh', remembered: null, browser: ['zh-CN'] })).toBe('en');
    expect(chooseLanguage({ hash: '#lang=fr', search: '?x=1&lang=zh', remembered: 'en', browser: ['en'] })).toBe('zh');
    expect(chooseLanguage({ hash: '', search: '?lang=fr', remembered: 'en', browser: ['zh-CN'] })).toBe('en');
  });

  it('the remembered choice wins over the browser', () => {
    expect(chooseLanguage({ hash: '', remembered: 'zh', browser: ['en-US'] })).toBe('zh');
    expect(chooseLanguage({ hash: '', remembered: 'en', browser: ['zh-CN'] })).toBe('en');
  });

  it('ignores a damaged lang and junk in storage', () => {
    expect(chooseLanguage({ hash: '#s=x&lang=fr', remembered: '{"oops"', browser: ['zh-CN'] })).toBe('zh');
    expect(chooseLanguage({ hash: '#lang=__proto__', remembered: 'constructor', browser: ['en'] })).toBe('en');
    expect(chooseLanguage({ hash: '#lang=%E4%B8', remembered: null, browser: ['zh'] })).toBe('zh');
  });
});

describe('remembering the choice', () => {
  beforeEach(() => {
    window.localStorage.clear();
    usePlayback.setState({ language: 'en' });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('the toggle switches the page and remembers the choice for the next visit', () => {
    render(<LanguageToggle />);
    fireEvent.click(screen.getByTestId('language-zh'));
    expect(usePlayback.getState().language).toBe('zh');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh');
    expect(document.documentElement.lang).toBe('zh-Hans');
    expect(screen.getByTestId('language-zh')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(screen.getByTestId('language-en'));
    expect(readRememberedLanguage()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  // The store is the language's one owner: whoever switches it (the toggle, a test, a command),
  // the choice is kept; the language a visit opens in (a link's) is shown and not kept.
  it('the store keeps a choice made on the page, and not the language a link opened the page in', () => {
    usePlayback.getState().setLanguage('zh');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'zh');
    usePlayback.getState().openInLanguage('en');
    expect(usePlayback.getState().language).toBe('en');
    expect(readRememberedLanguage()).toBe('zh');
  });

  it('a storage that refuses reads and writes neither throws nor remembers', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => usePlayback.getState().setLanguage('zh')).not.toThrow();
    expect(usePlayback.getState().language).toBe('zh');
    expect(readRememberedLanguage()).toBeNull();
  });
});

describe('a scenario file that carries its own translation', () => {
  afterEach(() => cleanup());

  it('an edited built-in scenario keeps the entry\'s paragraph in the page\'s language, said to be the original\'s', async () => {
    usePlayback.setState({ language: 'zh' });
    const entry = findLibraryEntry('write8-read4')!;
    const file = entry.scenario as { topics: { readQueueNums?: number }[] };
    expect(openSource({ ...file, topics: file.topics.map((topic) => ({ ...topic, readQueueNums: 8 })) }).ok).toBe(true);
    expect(usePlayback.getState().libraryId).toBeNull();
    render(<ScenarioDescription />);
    const original = (await loadLibraryDescription('write8-read4'))!.zh;
    await waitFor(() => expect(screen.getByTestId('scenario-description').textContent).toBe(original));
    expect(screen.getByTestId('description-note')).toHaveTextContent('由内置场景修改而来；以下是原场景的说明，修改后可能已不再成立：');
    // The picker and the tab name it by the entry's title in the page's language: the file holds only the English name.
    render(<ScenarioPicker />);
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent(/^写 8 \/ 读 4（你的场景/);
    // Its description rewritten, a file is described by its own text.
    cleanup();
    usePlayback.setState({ language: 'en' });
    expect(openSource({ ...file, description: 'Mine now.' }).ok).toBe(true);
    render(<ScenarioDescription />);
    expect(screen.getByTestId('scenario-description')).toHaveTextContent(/^Mine now\.$/);
  });

  it('is named and described in the page\'s language in the picker, falling back to the file\'s own text', async () => {
    window.localStorage.clear();
    usePlayback.setState({ language: 'en' });
    const result = openSource({
      version: 1,
      name: 'Chapter 7 · Read queues and write queues',
      description: 'Eight write queues, four read queues.',
      translations: { zh: { name: '第 7 章 · 读队列与写队列', description: '8 个写队列，4 个读队列。' } },
      nameServers: [{ id: 'ns-1' }],
      brokers: [{ name: 'broker-a' }],
    });
    expect(result.ok).toBe(true);
    render(<><ScenarioPicker /><ScenarioDescription /><LanguageToggle /></>);
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent(/^Chapter 7 · Read queues and write queues/);
    expect(await screen.findByTestId('scenario-description')).toHaveTextContent('Eight write queues, four read queues.');
    fireEvent.click(screen.getByTestId('language-zh'));
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent(/^第 7 章 · 读队列与写队列/);
    expect(screen.getByTestId('scenario-description')).toHaveTextContent('8 个写队列，4 个读队列。');
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('（你的场景');
    // While a chapter plays it, the run is the chapter's: the picker does not call it the person's own.
    act(() => useLesson.setState({ chapterId: 'read-write' }));
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('第 7 章 · 读队列与写队列');
    act(() => useLesson.getState().closeChapter());
    expect(scenarioText({ name: 'Only English', description: '', translations: { zh: { description: '只有说明' } } }, 'zh'))
      .toEqual({ name: 'Only English', description: '只有说明' });
  });
});
