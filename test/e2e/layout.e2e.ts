import assert from 'node:assert/strict';
import { test } from './harness.ts';
import { jumpAndWait, openPage, stepAndWait, waitForFrames } from './shell-helpers.ts';

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`the default page at ${viewport.width}x${viewport.height}: no horizontal scroll, screenshots`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl);
    const wide = viewport.width >= 1280;
    if (wide) {
      // On the first screen: both brokers' queue rows and the legend's first row, which says what a
      // dashed, orange cell is (the lesson of the default scenario).
      const bottoms = await page.evaluate(() => ({
        cells: Math.max(...[...document.querySelectorAll('[data-testid^=canvas-queue-]')].map((cell) => cell.getBoundingClientRect().bottom)),
        legend: document.querySelector('.rs-topology-legend li')!.getBoundingClientRect().bottom,
      }));
      assert.ok(bottoms.cells > 0 && bottoms.cells <= viewport.height, `the lowest queue cell ends at ${bottoms.cells}px`);
      assert.ok(bottoms.legend <= viewport.height, `the legend's first row ends at ${bottoms.legend}px, below the first screen`);
    }
    // A jump counts from the playhead shown: after the step's frame, so the screenshots show one moment.
    await stepAndWait(page, 'forward');
    await jumpAndWait(page, 2);
    await waitForFrames(page, 5);
    await screenshot(`shell-${viewport.width}x${viewport.height}`);
    await screenshot(`shell-${viewport.width}x${viewport.height}-full`, { fullPage: true });
    // The log's rows are laid out once they come into view (content-visibility): scrolled to, they show.
    await page.locator('.rs-log').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const row = document.querySelector('[data-testid="log-row"]');
      return row !== null && row.getBoundingClientRect().height > 0 && row.checkVisibility();
    });
    await waitForFrames(page, 3);
    await screenshot(`log-${viewport.width}x${viewport.height}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.getByTestId('command-help').click();
    // The help is loaded on first use: shoot it once it is there.
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await screenshot(`help-${viewport.width}x${viewport.height}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('edit').click();
    // The editor is loaded on first use: shoot it once it is there.
    await page.getByTestId('editor-tab-knobs').waitFor();
    await screenshot(`editor-${viewport.width}x${viewport.height}`);
    // Beside the editor the canvas keeps its wide layout (the side column goes under it).
    if (wide) assert.equal(await page.getByTestId('topology-svg').getAttribute('data-mode'), 'wide');
    await page.getByTestId('language-zh').click();
    await screenshot(`editor-zh-${viewport.width}x${viewport.height}`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport });
}

// A 1024 px projector: the bar's buttons, time and speed share one row above the scrubber, so the
// bar takes two rows of the drawing's height, not three (presenting: 96 px where it took 150).
for (const presenting of [false, true]) {
  test(`the playback bar at 1024x768${presenting ? ', presenting' : ''}: buttons, time and speed on one row above the scrubber`, async ({ page, baseUrl, consoleErrors }) => {
    await openPage(page, baseUrl);
    if (presenting) {
      await page.keyboard.press('p');
      await page.locator('.rs-presenting').waitFor();
    }
    const [buttons, time, speed, scrubber] = await page.evaluate(() => ['.rs-controls-buttons', '[data-testid="time-current"]', '.rs-speed', '.rs-scrubber'].map((selector) => {
      const box = document.querySelector(`[data-testid="controls"] ${selector}`)!.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom };
    }));
    for (const part of [time!, speed!]) assert.ok(part.top < buttons!.bottom && part.bottom > buttons!.top, `${JSON.stringify(part)} beside the buttons ${JSON.stringify(buttons)}`);
    assert.ok(scrubber!.top >= (buttons!.top + buttons!.bottom) / 2, 'the scrubber below them');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport: { width: 1024, height: 768 } });
}
