// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SummaryValue } from '../../../src/ui/panels/SummaryBar.tsx';

afterEach(cleanup);

function value(count: number, language: 'en' | 'zh'): HTMLElement {
  render(<dl><div><dt>Sent</dt><SummaryValue value={count} language={language} /></div></dl>);
  return screen.getByRole('definition');
}

describe('a summary counter past a million (the large scenario sent 1,078,470 in 18 min)', () => {
  it('shows the short form, which a column of fourteen counters holds whole, and the exact count in its tooltip and to a screen reader', () => {
    const dd = value(1_078_470, 'en');
    expect(dd.querySelector('[aria-hidden="true"]')).toHaveTextContent(/^1\.08M$/);
    expect(dd).toHaveAttribute('title', '1,078,470');
    expect(dd.querySelector('.rs-visually-hidden')).toHaveTextContent(/^1,078,470$/);
    expect(dd).toHaveClass('rs-summary-value');
  });

  it('in Chinese counts in 万', () => {
    expect(value(1_617_705, 'zh').querySelector('[aria-hidden="true"]')).toHaveTextContent(/^161\.77万$/);
  });

  it('keeps every digit below a million, as the reference scenario\'s counters read', () => {
    const dd = value(999_999, 'en');
    expect(dd.textContent).toBe('999,999');
    expect(dd).not.toHaveAttribute('title');
  });
});
