// @vitest-environment jsdom
/**
 * The banner's words are a chunk of their own (src/ui/controls/banner-strings.ts), fetched when a
 * banner first shows: the banner appears once they are in, whole, and says what the store's reason is.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { Banner } from '../../../src/ui/controls/Banner.tsx';

afterEach(() => {
  cleanup();
  act(() => usePage.getState().setBanner(null));
});

describe('the banner\'s first showing', () => {
  it('shows once its words are in, with its text and its × button', async () => {
    act(() => { usePlayback.setState({ language: 'en' }); usePage.setState({ banner: null }); });
    render(<Banner />);
    act(() => usePage.getState().setBanner({ code: 'uploadUnreadable', file: 'lost.json' }));
    const banner = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(banner).toHaveTextContent('lost.json could not be read.');
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByRole('alert')).toHaveTextContent('无法读取 lost.json。');
    expect(screen.getByRole('button', { name: '关闭提示' })).toBeInTheDocument();
  });
});
