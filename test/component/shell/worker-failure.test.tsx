// @vitest-environment jsdom
/**
 * A simulation worker that stops (src/store/remote-run.ts) shows the banner, which says so in the
 * page's language of the moment, the worker's own message kept as it was thrown.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import { Banner, loadBannerWords } from '../../../src/ui/controls/Banner.tsx';
import { inThreadWorker } from '../../support/in-thread-worker.ts';

// The banner's words load when a banner first shows (Banner.tsx): here they are there from the start.
beforeAll(() => loadBannerWords());
afterEach(cleanup);

describe('a simulation worker that stops', () => {
  const port = inThreadWorker();
  runInWorker((listener) => new RemoteRun(port, listener));

  it('stops the playback and says so in English and Chinese', () => {
    act(() => usePlayback.setState({ playing: true, language: 'en' }));
    render(<Banner />);
    act(() => port.onerror!(new ErrorEvent('error', { message: 'Out of memory' })));
    expect(usePlayback.getState().playing).toBe(false);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong: Out of memory');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByRole('alert')).toHaveTextContent('出现错误：Out of memory');
  });
});
