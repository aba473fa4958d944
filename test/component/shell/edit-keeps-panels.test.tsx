// @vitest-environment jsdom
/**
 * An edit forks the run on screen (the editor's Apply): the panels keep what the person set in
 * them, as the event log's filter; another scenario starts them afresh.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePlayback } from '../../../src/store/playback.ts';
import { App } from '../../../src/ui/App.tsx';
import { ErrorBoundary } from '../../../src/ui/controls/ErrorBoundary.tsx';
import { openLibraryEntry, openSource } from '../../../src/ui/controls/session.ts';

afterEach(cleanup);

describe('the panels across a run change', () => {
  it('keep the event log\'s filter across an edit, and drop it for another scenario', async () => {
    act(() => openLibraryEntry('write8-read4'));
    act(() => usePlayback.getState().seek(20_000));
    render(<App />);
    const entity = await screen.findByRole('searchbox', { name: 'Entity' }, { timeout: 10_000 });
    fireEvent.change(entity, { target: { value: 'broker-b' } });
    const source = usePlayback.getState().source as { seed: number };
    act(() => void openSource({ ...source, seed: source.seed + 1 }, { atMs: 20_000, forks: [20_000], keepSelection: true }));
    expect(usePlayback.getState().scenario?.seed).toBe(source.seed + 1);
    expect(await screen.findByRole('searchbox', { name: 'Entity' })).toHaveValue('broker-b');
    act(() => openLibraryEntry('read8-write4'));
    expect(await screen.findByRole('searchbox', { name: 'Entity' })).toHaveValue('');
  });
});

describe('the panels\' error boundary', () => {
  it('draws its children again once its reset key changes (another run, or an edit)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Fails = ({ fail }: { fail: boolean }) => {
      if (fail) throw new Error('broken view');
      return <p>drawn</p>;
    };
    const { rerender } = render(<ErrorBoundary resetKey={1} fallback={(error) => <p role="alert">{error.message}</p>}><Fails fail /></ErrorBoundary>);
    expect(screen.getByRole('alert')).toHaveTextContent('broken view');
    rerender(<ErrorBoundary resetKey={1} fallback={(error) => <p role="alert">{error.message}</p>}><Fails fail={false} /></ErrorBoundary>);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    rerender(<ErrorBoundary resetKey={2} fallback={(error) => <p role="alert">{error.message}</p>}><Fails fail={false} /></ErrorBoundary>);
    expect(screen.getByText('drawn')).toBeInTheDocument();
    vi.restoreAllMocks();
  });
});
