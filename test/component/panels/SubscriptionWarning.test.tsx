// @vitest-environment jsdom
/**
 * The warning on a group whose members subscribe differently: its words load only when it first
 * shows (a chunk of their own), then follow the EN / 中文 toggle; a scenario without such a group
 * shows nothing.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePlayback } from '../../../src/store/playback.ts';
import { openLibraryEntry } from '../../../src/ui/controls/session.ts';
import { SubscriptionWarning } from '../../../src/ui/panels/SubscriptionWarning.tsx';

afterEach(cleanup);

describe('SubscriptionWarning', () => {
  it('names the group and each member\'s subscription, in English then Chinese', async () => {
    act(() => usePlayback.setState({ language: 'en' }));
    openLibraryEntry('inconsistent-subscriptions');
    render(<SubscriptionWarning />);
    const warning = await screen.findByTestId('subscription-warning', {}, { timeout: 10_000 });
    expect(warning).toHaveTextContent('Inconsistent subscriptions');
    expect(warning).toHaveTextContent('The consumers of group CG_ORDER subscribe differently (c-1: TopicTest "TagA", c-2: TopicTest "TagB").');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('subscription-warning')).toHaveTextContent('订阅关系不一致');
    expect(screen.getByTestId('subscription-warning')).toHaveTextContent('消费者组 CG_ORDER 的成员订阅不一致（c-1: TopicTest "TagA", c-2: TopicTest "TagB"）。');
  });

  it('says nothing when every group subscribes alike', () => {
    openLibraryEntry('write8-read4');
    render(<SubscriptionWarning />);
    expect(screen.queryByTestId('subscription-warning')).toBeNull();
  });
});
