import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from './harness.ts';
import { currentTime, openPage, parseTime } from './shell-helpers.ts';

/** Waits until the chapter is at `step` (0-based) and the run has arrived at its moment. */
async function arrivedAt(page: Page, step: number): Promise<number> {
  await page.locator(`[data-testid="chapter"][data-step="${step}"][data-arrived="true"]`).waitFor({ timeout: 20_000 });
  return parseTime(await currentTime(page));
}

async function openChapterFromList(page: Page, id: string): Promise<void> {
  await page.getByTestId('learn').click();
  await page.getByTestId('chapter-list').waitFor();
  await page.getByTestId(`chapter-${id}`).click();
  await arrivedAt(page, 0);
}

test('a first visit at 1280x800 offers chapter 1 on its first screen, in the page\'s language; taken or declined, it is not offered again', async ({ page, baseUrl, context, screenshot }) => {
  await openPage(page, baseUrl, '#lang=zh');
  const offer = page.getByTestId('first-visit');
  await offer.waitFor();
  assert.match((await offer.textContent()) ?? '', /从第 1 章开始/);
  const box = (await offer.boundingBox())!;
  assert.ok(box.y + box.height <= 800, 'the offer is on screen without scrolling');
  await screenshot('first-visit-zh');
  await page.getByTestId('first-visit-start').click();
  await arrivedAt(page, 0);
  assert.equal(await page.getByTestId('chapter').getAttribute('data-chapter'), 'basics');
  assert.equal(await offer.count(), 0);
  // The chapter's progress is remembered: a new visit is not offered it again.
  const again = await context.newPage();
  await openPage(again, baseUrl);
  await again.getByTestId('learn').waitFor();
  assert.equal(await again.getByTestId('first-visit').count(), 0);
}, { firstVisit: true });

test('a first visit declined is not offered again', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('first-visit-decline').click();
  assert.equal(await page.getByTestId('first-visit').count(), 0);
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByTestId('learn').waitFor();
  assert.equal(await page.getByTestId('first-visit').count(), 0);
}, { firstVisit: true });

test('a chapter in English: the keyboard walks it, back moves the run back, a prediction answered wrong', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, '#lang=en');
  await openChapterFromList(page, 'basics');
  const first = await arrivedAt(page, 0);
  await page.keyboard.press('ArrowRight');
  const second = await arrivedAt(page, 1);
  assert.ok(second > first, `the run moved forward (${first} -> ${second})`);
  await page.keyboard.press('PageDown');
  const third = await arrivedAt(page, 2);
  assert.ok(third >= second);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await arrivedAt(page, 1), second, 'back lands on the previous step\'s moment');
  await page.keyboard.press('PageUp');
  assert.equal(await arrivedAt(page, 0), first, 'the playhead goes back to the first step');
  for (const step of [1, 2, 3]) {
    await page.keyboard.press('ArrowRight');
    await arrivedAt(page, step);
  }
  // Step 4 asks first; the run waits at step 3's moment until an answer is picked.
  assert.equal(await page.getByTestId('prediction').getAttribute('data-open'), 'true');
  await page.getByTestId('choice-0').click();
  await page.getByTestId('verdict').waitFor({ timeout: 20_000 });
  assert.equal(await page.getByTestId('verdict').getAttribute('data-right'), 'false');
  assert.match((await page.getByTestId('verdict').textContent()) ?? '', /Not quite/);
  assert.equal(await page.getByTestId('step-progress').textContent(), 'Step 4 of 7');
  await screenshot('learn-en-1280x800');
  assert.deepEqual(consoleErrors, []);
});

test('a chapter in Chinese: walked with PageDown, a prediction answered right, and back inside it', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, '#lang=zh');
  await openChapterFromList(page, 'groups');
  assert.equal(await page.getByTestId('learn').textContent(), '学习');
  const first = await arrivedAt(page, 0);
  await page.keyboard.press('PageDown');
  await arrivedAt(page, 1);
  await page.getByTestId('choice-1').click();
  await page.getByTestId('verdict').waitFor({ timeout: 20_000 });
  assert.equal(await page.getByTestId('verdict').getAttribute('data-right'), 'true');
  assert.match((await page.getByTestId('verdict').textContent()) ?? '', /答对了/);
  const answered = await arrivedAt(page, 1);
  assert.ok(answered > first);
  await page.keyboard.press('PageUp');
  assert.equal(await arrivedAt(page, 0), first, '上一步 moves the run back');
  assert.equal(await page.getByTestId('step-progress').textContent(), '第 1 步，共 6 步');
  await screenshot('learn-zh-1280x800');
  assert.deepEqual(consoleErrors, []);
});

test('a chapter link lands on its step, and the address follows the step', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, '#ch=nameserver&st=4&lang=en');
  const at = await arrivedAt(page, 4);
  assert.equal(at, 40_000, 'step 5 of the NameServer chapter is the partition at 0:40');
  await page.getByTestId('step-next').click();
  await arrivedAt(page, 5);
  await page.waitForFunction(() => window.location.hash === '#ch=nameserver&st=5', undefined, { timeout: 5_000 });
  await page.getByTestId('step-back').click();
  await page.waitForFunction(() => window.location.hash === '#ch=nameserver&st=4', undefined, { timeout: 5_000 });
  assert.deepEqual(consoleErrors, []);
});

test('at 1280x800 a step that opens a message card keeps its lesson whole: the card starts under it, over the side column', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, '#ch=basics&st=1&lang=en');
  await arrivedAt(page, 1);
  await page.locator('.rs-card.rs-card-docked [data-testid="card-msgid"]').waitFor();
  const rect = (selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
  const [lesson, card, tabs] = [await rect('[data-testid="chapter"]'), await rect('[data-testid="message-card"]'), await rect('[role="tablist"]')];
  assert.ok(card.top >= lesson.bottom, `the card (from y ${card.top}) is under the lesson (to y ${lesson.bottom})`);
  assert.ok(lesson.right >= card.right - 1, `the lesson keeps the page's width (to x ${lesson.right}, the card to ${card.right})`);
  assert.ok(card.left >= tabs.right, 'the card is over the side column, not the panels');
  assert.ok(card.bottom <= 800, 'the card is on screen');
  assert.deepEqual(consoleErrors, []);
});

test('at 1280x800 a step pointing at a process below the fold scrolls it into view under the lesson, which stays under the playback bar', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  // Chapter 9's partition: broker-c, the third of three broker groups, starts at the window's bottom edge.
  await openPage(page, baseUrl, '#ch=failover&st=3&lang=en');
  await arrivedAt(page, 3);
  const box = page.locator('[data-testid="topology-broker-broker-c/0"][aria-pressed="true"]');
  await box.waitFor();
  const rect = (selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
  // The page scrolls (smoothly) until the focused box ends on screen.
  await page.waitForFunction(() => {
    const node = document.querySelector('[data-testid="topology-broker-broker-c/0"]')?.getBoundingClientRect();
    return node !== undefined && node.bottom <= window.innerHeight;
  }, undefined, { timeout: 10_000 });
  const [bar, lesson, broker] = [await rect('[data-testid="controls"]'), await rect('[data-testid="chapter"]'), await rect('[data-testid="topology-broker-broker-c/0"]')];
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the page scrolled');
  assert.ok(lesson.top >= bar.bottom && lesson.top <= bar.bottom + 16, `the lesson (from y ${lesson.top}) is right under the bar (to y ${bar.bottom})`);
  assert.ok(broker.top >= lesson.bottom, `broker-c/0 (from y ${broker.top}) is below the lesson (to y ${lesson.bottom})`);
  await screenshot('learn-focus-in-view-1280x800');
  assert.deepEqual(consoleErrors, []);
});

// Chapter 9's partition: its caption sends the learner to the counters over the canvas (Failed attempts, Failed messages);
// with broker-c's frame they need all but 186 px of an 800 px window, so the lesson box may hold three lines, no more.
for (const language of ['en', 'zh'] as const) {
  test(`chapter 9 step 4 at 1280x800 (${language}): the counters its caption points to show below the lesson, broker-c's whole frame with them`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl, `#ch=failover&st=3&lang=${language}`);
    await arrivedAt(page, 3);
    await page.waitForFunction(() => {
      const node = document.querySelector('[data-testid="topology-broker-broker-c/0"]')?.getBoundingClientRect();
      return node !== undefined && node.bottom <= window.innerHeight;
    }, undefined, { timeout: 10_000 });
    await page.waitForFunction(() => window.scrollY > 0 && document.querySelector('[data-testid="summary-line"]') !== null);
    const rect = (selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    const frame = () => page.evaluate(() => {
      const node = document.querySelector('[data-testid="topology-svg"] .rs-node-selected')!.getBoundingClientRect();
      return [...document.querySelectorAll('[data-testid="topology-svg"] .rs-group > rect')].map((rect) => rect.getBoundingClientRect())
        .find((rect) => rect.top <= node.top && rect.bottom >= node.bottom && rect.left <= node.left)!.toJSON() as DOMRect;
    });
    const [lesson, counters, broker] = [await rect('[data-testid="chapter"]'), await rect('[data-testid="summary-line"]'), await frame()];
    assert.ok(counters.top >= lesson.bottom, `the counters (from y ${counters.top}) are below the lesson (to y ${lesson.bottom})`);
    assert.ok(broker.bottom <= 800, `broker-c's frame ends on screen (y ${broker.bottom})`);
    await screenshot(`ch9-step4-counters-${language}`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport: { width: 1280, height: 800 } });
}

test('at 1280x800 an answer keeps the topology\'s event caption and counters on screen under the grown lesson, the focused process with them', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  // Chapter 9 step 2: the verdict grows the lesson box; the three broker groups cannot all fit below it with the heading.
  await openPage(page, baseUrl, '#ch=failover&st=1&lang=en');
  await arrivedAt(page, 1);
  await page.getByTestId('choice-1').click();
  await page.getByTestId('verdict').waitFor();
  const rect = (selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
  // Whatever the page scrolls after the verdict (smoothly), it settles with these below the lesson and on screen.
  await page.waitForFunction(() => {
    const lesson = document.querySelector('[data-testid="chapter"]')?.getBoundingClientRect();
    const caption = document.querySelector('[data-testid="caption"]')?.getBoundingClientRect();
    const producer = document.querySelector('[data-testid="topology-client-p-1"]')?.getBoundingClientRect();
    return lesson !== undefined && caption !== undefined && producer !== undefined
      && caption.top >= lesson.bottom && producer.bottom <= window.innerHeight;
  }, undefined, { timeout: 10_000 });
  const [lesson, counters, producer] = [await rect('[data-testid="chapter"]'), await rect('.rs-summary-line'), await rect('[data-testid="topology-client-p-1"]')];
  assert.ok(counters.top >= lesson.bottom, `the counters (from y ${counters.top}) are below the lesson (to y ${lesson.bottom})`);
  assert.ok(producer.top >= lesson.bottom, `p-1 (from y ${producer.top}) is below the lesson`);
  await screenshot('learn-answer-keeps-caption-1280x800');
  assert.deepEqual(consoleErrors, []);
});

test('the chapter and the canvas share the first screen on a phone', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, '#ch=basics&st=2&lang=zh');
  await arrivedAt(page, 2);
  const caption = await page.getByTestId('step-caption').boundingBox();
  assert.ok(caption && caption.y + caption.height <= 844, `the caption ends within the screen (${JSON.stringify(caption)})`);
  await page.getByTestId('step-next').waitFor();
  await screenshot('learn-zh-390x844');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 390, height: 844 } });

for (const language of ['en', 'zh'] as const) {
  test(`a step with a question and the canvas share the first screen on a phone (${language})`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    // Step 4 of the first chapter asks before it runs: the lesson's tallest box.
    await openPage(page, baseUrl, `#ch=basics&st=3&lang=${language}`);
    await arrivedAt(page, 3);
    await page.locator('[data-testid="prediction"][data-open="true"]').waitFor();
    const lastChoice = await page.getByTestId('choice-2').boundingBox();
    assert.ok(lastChoice && lastChoice.y + lastChoice.height <= 844, `every choice is on the first screen (${JSON.stringify(lastChoice)})`);
    const stage = await page.locator('.rs-topology-stage').boundingBox();
    // The canvas starts on the first screen with its NameServers row in view (a box is 40 px tall, 16 px below the top).
    assert.ok(stage && stage.y + 60 <= 844, `the canvas starts on the first screen (${JSON.stringify(stage)})`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing scrolls sideways');
    await screenshot(`learn-question-${language}-390x844`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport: { width: 390, height: 844 } });
}

for (const [language, viewport] of [['en', { width: 1280, height: 800 }], ['zh', { width: 1280, height: 800 }], ['en', { width: 1920, height: 1080 }]] as const) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`presenting a chapter at ${size} (${language}): the step's text stays under the playback bar and the drawing, every queue and the legend are on screen below it, the event caption whole under the box`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl, `#ch=read-write&st=3&lang=${language}`);
    await arrivedAt(page, 3);
    await page.keyboard.press('p');
    await page.locator('.rs-app.rs-presenting').waitFor();
    // The drawing is measured for the room under the lesson box, then scrolled up under it.
    await page.waitForFunction(() => {
      const lesson = document.querySelector('[data-testid="chapter"]')?.getBoundingClientRect();
      const stage = document.querySelector('.rs-topology-stage')?.getBoundingClientRect();
      const legend = document.querySelector('.rs-topology-legend')?.getBoundingClientRect();
      return lesson !== undefined && stage !== undefined && legend !== undefined && window.scrollY > 0
        && stage.top >= lesson.bottom && stage.top - lesson.bottom < 20 && legend.bottom <= window.innerHeight;
    });
    const rect = (selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    const bar = await rect('.rs-controls');
    const lesson = await rect('[data-testid="chapter"]');
    assert.ok(lesson.top >= bar.bottom, `the lesson box (from y ${lesson.top}) is under the bar (to y ${bar.bottom})`);
    const caption = await rect('[data-testid="caption"]');
    // The gap of 8 px below the box is covered by its shadow (learn.css).
    assert.ok(caption.bottom <= lesson.bottom + 8, `the event caption (to y ${caption.bottom}) is under the lesson box (to y ${lesson.bottom}), not cut by it`);
    // The counters the steps speak of close the lesson box instead.
    const counters = await rect('[data-testid="chapter"] [data-testid="summary-line"]');
    assert.ok(counters.top >= lesson.top && counters.bottom <= lesson.bottom, `the counters (y ${counters.top}-${counters.bottom}) are in the lesson box`);
    for (const broker of ['broker-a/0', 'broker-b/0']) {
      const box = await rect(`[data-testid="canvas-queue-${broker}#7"]`);
      assert.ok(box.top >= lesson.bottom && box.bottom <= viewport.height, `${broker}'s queue 7 at y ${box.top}-${box.bottom}, below the lesson (to y ${lesson.bottom}) and on screen`);
    }
    await screenshot(`present-chapter-${language}-${size}`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport });
}

// Chapter 9's fourth step is about broker-c, the third broker group: presenting at 1280x800, the
// drawing's top under the lesson box left broker-c's box and queues below the window.
for (const language of ['en', 'zh'] as const) {
  test(`presenting chapter 9's fourth step at 1280x800 (${language}): broker-c, the broker it is about, is on screen below the lesson box`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl, `#ch=failover&st=3&lang=${language}`);
    await arrivedAt(page, 3);
    await page.keyboard.press('p');
    await page.locator('.rs-app.rs-presenting').waitFor();
    await page.waitForFunction(() => {
      const lesson = document.querySelector('[data-testid="chapter"]')?.getBoundingClientRect();
      const queue = document.querySelector('[data-testid="canvas-queue-broker-c/0#1"]')?.getBoundingClientRect();
      const selected = document.querySelector('.rs-node-selected')?.getBoundingClientRect();
      return lesson !== undefined && queue !== undefined && selected !== undefined && window.scrollY > 0
        // The selected box is broker-c/0's: its queue 1 is inside it.
        && selected.top <= queue.top && queue.bottom <= selected.bottom
        && selected.top >= lesson.bottom && selected.bottom <= window.innerHeight;
    });
    await screenshot(`present-ch9-step4-${language}`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport: { width: 1280, height: 800 } });
}

for (const language of ['en', 'zh'] as const) {
  test(`presenting a chapter at 1280x800 (${language}): a step answered with a long why scales its type down so the broker it asks about stays on screen`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    // Chapter 3's sixth step asks when the NameServers remove broker-b; the verdict explains at length.
    await openPage(page, baseUrl, `#ch=nameserver&st=5&lang=${language}`);
    await arrivedAt(page, 5);
    await page.keyboard.press('p');
    await page.locator('.rs-app.rs-presenting').waitFor();
    await page.getByTestId('choice-1').click();
    await page.getByTestId('verdict').waitFor();
    await page.waitForFunction(() => {
      const lesson = document.querySelector('[data-testid="chapter"]')?.getBoundingClientRect();
      const stage = document.querySelector('.rs-topology-stage')?.getBoundingClientRect();
      return lesson !== undefined && stage !== undefined && stage.top >= lesson.bottom && stage.top - lesson.bottom < 20;
    });
    const lesson = await page.getByTestId('chapter').evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    assert.ok(lesson.height <= 0.45 * 800, `the lesson box is ${lesson.height} px tall, at most 45 % of the window`);
    const size = await page.getByTestId('verdict').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    assert.ok(size >= 18 && size < 26, `the verdict is ${size} px: smaller than presentation size, larger than the page's`);
    const queue = await page.getByTestId('canvas-queue-broker-b/0#3').evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    assert.ok(queue.top >= lesson.bottom && queue.bottom <= 800, `broker-b's queue 3 at y ${queue.top}-${queue.bottom}, below the lesson (to y ${lesson.bottom}) and on screen`);
    await screenshot(`present-answered-${language}`);
    // The next step, short again, is at full presentation size.
    await page.keyboard.press('PageDown');
    await arrivedAt(page, 6);
    const next = await page.getByTestId('step-caption').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    assert.equal(next, 26);
    assert.deepEqual(consoleErrors, []);
  }, { viewport: { width: 1280, height: 800 } });
}

for (const [size, presenting] of [['1280x800', true], ['1024x768', true], ['1024x640', false]] as const) {
  const [width, height] = size.split('x').map(Number) as [number, number];
  test(`the lesson box takes at most 45 % of a ${size} window ${presenting ? 'presenting' : 'not presenting'}: chapter 9's answered third step scrolls its words inside it`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    // Chapter 9's third step asks what a slave serves once broker-a's master crashed; its why is the longest.
    await openPage(page, baseUrl, '#ch=failover&st=2&lang=zh');
    await arrivedAt(page, 2);
    if (presenting) {
      await page.keyboard.press('p');
      await page.locator('.rs-app.rs-presenting').waitFor();
    }
    await page.getByTestId('choice-0').click();
    await page.getByTestId('verdict').waitFor();
    await arrivedAt(page, 2);
    // Fitted (type scaled, words scrolling) once the verdict is in: the box's height holds from one poll to the next.
    await page.waitForFunction(() => {
      const seen = window as unknown as { lessonHeight?: number };
      const height = document.querySelector('[data-testid="chapter"]')!.getBoundingClientRect().height;
      const steady = seen.lessonHeight === height;
      seen.lessonHeight = height;
      return steady;
    }, null, { polling: 200 });
    const rect = (selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    const lesson = await rect('[data-testid="chapter"]');
    assert.ok(lesson.height <= 0.45 * height + 1, `the lesson box is ${lesson.height} px tall, at most 45 % of ${height}`);
    assert.ok(lesson.bottom <= height, `the lesson box ends at y ${lesson.bottom}, on screen`);
    // The bar's buttons stay; the words scroll to their end inside the box.
    const next = await rect('[data-testid="step-next"]');
    assert.ok(next.top >= lesson.top && next.bottom <= lesson.bottom, 'Next is in the box');
    // The words that scroll take a Tab stop, so a keyboard scrolls them too.
    assert.equal(await page.getByTestId('lesson-scroll').getAttribute('tabindex'), '0');
    const region = await rect('[data-testid="lesson-scroll"]');
    // Answered, the words show the question and its verdict: the student's feedback, not the caption read before.
    const shown = await rect('[data-testid="verdict"]');
    assert.ok(shown.top >= region.top && shown.top < region.bottom, `the verdict starts (y ${shown.top}) in the box's words (y ${region.top}-${region.bottom})`);
    // Scrolled to the question, the caption is above the box's edge (and the verdict's end may be below): the box fades each edge words run past.
    const edges = await page.getByTestId('lesson-scroll').evaluate((element) => ({
      marked: element.getAttribute('data-more'),
      below: element.scrollTop + element.clientHeight < element.scrollHeight - 1,
    }));
    assert.equal(edges.marked, edges.below ? 'above below' : 'above');
    await page.getByTestId('lesson-scroll').evaluate((element) => { element.scrollTop = element.scrollHeight; });
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-scroll"]')!.getAttribute('data-more') === 'above');
    const verdict = await rect('[data-testid="verdict"]');
    assert.ok(verdict.bottom <= region.bottom + 1 && verdict.bottom > region.top, `the verdict's end (y ${verdict.bottom}) scrolls into the box (to y ${region.bottom})`);
    const faded = await page.getByTestId('lesson-scroll').evaluate((element) => getComputedStyle(element).maskImage);
    assert.match(faded, /linear-gradient/, 'the top edge fades: the caption is above');
    if (presenting) {
      const counters = await rect('[data-testid="chapter"] [data-testid="summary-line"]');
      assert.ok(counters.top >= region.bottom && counters.bottom <= lesson.bottom, `the counters (y ${counters.top}-${counters.bottom}) close the box, under the words`);
      // Broker-a's slave, the node the question is about, is on screen under the box.
      await page.waitForFunction(() => {
        const box = document.querySelector('[data-testid="chapter"]')!.getBoundingClientRect();
        const slave = document.querySelector('[data-testid="topology-broker-broker-a/1"]')?.getBoundingClientRect();
        return slave !== undefined && slave.top >= box.bottom && slave.top < window.innerHeight;
      }, null, { polling: 100 });
    }
    // The step opens a message's card: its Close button stays on screen, the msgId beside it on one line.
    await page.getByTestId('card-close').waitFor();
    const button = await rect('[data-testid="card-close"]');
    assert.ok(button.right <= width, `the card's Close button ends at x ${button.right}, on a ${width} px screen`);
    await screenshot(`lesson-cap-${size}-${presenting ? 'present' : 'page'}`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport: { width, height } });
}

test('presenting a chapter at 1280x800: a step about a broker shows its modules beside the drawing, the rest of the side column still hidden', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  // Chapter 4's first step: "In the details on the right, broker-a is drawn as its modules".
  await openPage(page, baseUrl, '#ch=broker&st=0&lang=en');
  await arrivedAt(page, 0);
  await page.keyboard.press('p');
  await page.locator('.rs-app.rs-presenting').waitFor();
  const modules = page.getByTestId('module-map');
  await modules.waitFor({ state: 'visible' });
  const [map, stage] = await Promise.all([modules.boundingBox(), page.locator('.rs-topology-stage').boundingBox()]);
  assert.ok(map !== null && stage !== null && map.x >= stage.x + stage.width && map.x + map.width <= 1280, `the modules (x ${map?.x}) stand right of the drawing (to x ${stage ? stage.x + stage.width : '?'}) on screen`);
  assert.ok(map.y < 800, `the modules start on screen (y ${map.y})`);
  assert.equal(await page.locator('.rs-area-events').isVisible(), false, 'the event log stays hidden');
  await screenshot('present-broker-modules-en');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1280, height: 800 } });

// Beside the inspector the drawing stays at its layout's size (scale 1), and presenting draws the canvas's text 1.25x
// (viz/topology-scale.ts canvasTextZoom): the queue ids, 9.5 px on the page, grow with it.
test('presenting chapter 9 at 1280x800 draws the queue cells\' ids 1.25x, as the boxes\' names', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, '#ch=failover&st=3&lang=en');
  await arrivedAt(page, 3);
  await page.keyboard.press('p');
  await page.locator('.rs-app.rs-presenting').waitFor();
  await frames(page, 2);
  const scale = Number(await page.locator('.rs-topology-stage').getAttribute('data-scale'));
  const size = (selector: string) => page.locator(selector).first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const [id, name] = [await size('.rs-qcell-id'), await size('.rs-node-label')];
  assert.equal(scale, 1, 'drawn at its layout\'s size');
  assert.equal(id, 9.5 * 1.25, `a queue id is ${id} px`);
  assert.equal(name, 12.5 * 1.25, `a box's name is ${name} px`);
  await screenshot('present-ch9-queue-ids-en');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1280, height: 800 } });

test('presenting a chapter at 1280x800: a step with a message card keeps the drawing wide beside it, the consumer the step is about on screen', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  // Chapter 1's fifth step: "The consumer c-1 subscribed to TagA only. It just consumed a TagA message".
  await openPage(page, baseUrl, '#ch=basics&st=4&lang=en');
  await arrivedAt(page, 4);
  await page.keyboard.press('p');
  await page.locator('.rs-app.rs-presenting').waitFor();
  await page.getByTestId('message-card').waitFor({ state: 'visible' });
  // The card opens at the consumption the caption is about.
  await page.waitForFunction(() => {
    const body = document.querySelector('.rs-card-body');
    const section = document.querySelector('[data-testid="card-consumption"]');
    return body !== null && section !== null && section.getBoundingClientRect().top < body.getBoundingClientRect().bottom && section.getBoundingClientRect().bottom > body.getBoundingClientRect().top;
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="topology-svg"]')?.getAttribute('data-mode') === 'wide');
  const [consumer, card] = await Promise.all([page.getByTestId('topology-client-c-1').boundingBox(), page.getByTestId('message-card').boundingBox()]);
  assert.ok(consumer !== null && card !== null && consumer.x + consumer.width <= card.x, `c-1 (to x ${consumer ? consumer.x + consumer.width : '?'}) stands left of the card (from x ${card?.x})`);
  assert.ok(consumer.y + consumer.height <= 800, `c-1 is on screen (bottom ${consumer.y + consumer.height})`);
  // The lesson box reaches the card: the panels scrolled under it do not show beside it.
  const lesson = await page.getByTestId('chapter').boundingBox();
  assert.ok(lesson !== null && lesson.x + lesson.width <= card.x && lesson.x + lesson.width >= card.x - 12, `the lesson ends at x ${lesson ? lesson.x + lesson.width : '?'}, the card starts at ${card.x}`);
  await screenshot('present-card-en');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1280, height: 800 } });

/** Whether the card's consumption section starts inside the card's body and on screen, with room for its heading (window coordinates). */
function consumptionsOnScreen(): boolean {
  const body = document.querySelector('[data-testid="message-card"] .rs-card-body')?.getBoundingClientRect();
  const section = document.querySelector('[data-testid="card-consumption"]')?.closest('.rs-card-section')?.getBoundingClientRect();
  return body !== undefined && section !== undefined && section.top >= body.top - 1 && section.top + 40 <= Math.min(body.bottom, window.innerHeight);
}

/** Resolves after `count` animation frames: a re-scroll the card's ResizeObserver asked for has had its frame. */
async function frames(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, count);
}

/**
 * The card's facts come in parts: the path through the broker's modules (card-modules, its own
 * query) arrives after the card stops being busy and pushes the consumptions down. A step about
 * them must show them once everything has come, not only before.
 */
async function cardSettled(page: Page): Promise<void> {
  await page.locator('[data-testid="message-card"][aria-busy="false"] [data-testid="card-modules"]').waitFor({ timeout: 20_000 });
}

for (const [hash, step, what] of [
  ['#ch=groups&st=3&a=1&lang=zh', 3, 'chapter 2 step 4: once per group'],
  ['#ch=consumers&st=1&lang=zh', 1, 'chapter 8 step 2: once per broadcasting consumer'],
  ['#ch=basics&st=4&lang=zh', 4, 'chapter 1 step 5: c-1 consumed a TagA message'],
] as const) {
  test(`a step about the card's consumptions at 1280x800 shows them once the card has grown (${what})`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl, hash);
    await arrivedAt(page, step);
    await cardSettled(page);
    await page.waitForFunction(consumptionsOnScreen, undefined, { timeout: 10_000 });
    await screenshot(`card-consumption-${hash.slice(4, hash.indexOf('&'))}-zh`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport: { width: 1280, height: 800 } });
}

test('the card follows a step\'s section while it grows, and stops once the person scrolls it', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, '#ch=groups&st=3&a=1&lang=zh');
  await arrivedAt(page, 3);
  await cardSettled(page);
  await page.waitForFunction(consumptionsOnScreen, undefined, { timeout: 10_000 });
  // More above the consumptions (as when a late part of the card comes): the card follows.
  const grow = () => page.evaluate(() => {
    const filler = document.createElement('div');
    filler.style.height = '400px';
    document.querySelector('[data-testid="card-index"]')!.append(filler);
  });
  await grow();
  await page.waitForFunction(consumptionsOnScreen, undefined, { timeout: 5_000 });
  // The person scrolls the card up: from then on it is theirs.
  const body = page.locator('[data-testid="message-card"] .rs-card-body');
  await body.hover();
  await page.mouse.wheel(0, -5_000);
  await page.waitForFunction(() => document.querySelector('[data-testid="message-card"] .rs-card-body')?.scrollTop === 0, undefined, { timeout: 5_000 });
  await grow();
  await frames(page, 4);
  assert.equal(await body.evaluate((element) => element.scrollTop), 0, 'the card stays where the person scrolled it');
  assert.equal(await page.evaluate(consumptionsOnScreen), false);
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1280, height: 800 } });

/** Whether the element's box shows whole between the stuck lesson box's bottom and the window's bottom. */
function belowLesson(selector: string): boolean {
  const lesson = document.querySelector('[data-testid="chapter"]')?.getBoundingClientRect();
  const box = document.querySelector(selector)?.getBoundingClientRect();
  return lesson !== undefined && box !== undefined && box.top >= lesson.bottom && box.bottom <= window.innerHeight;
}

/** Whether the element's box shows whole between the inspector's title (held under the stuck lesson box) and the window's bottom. */
function belowInspectorTitle(selector: string): boolean {
  const lesson = document.querySelector('[data-testid="chapter"]')?.getBoundingClientRect();
  const title = document.querySelector('.rs-area-inspector [data-inspect-title]')?.getBoundingClientRect();
  const box = document.querySelector(`.rs-area-inspector ${selector}`)?.getBoundingClientRect();
  return lesson !== undefined && title !== undefined && box !== undefined
    && box.top >= lesson.bottom && box.top >= title.bottom && box.bottom <= window.innerHeight;
}

// Chapter 4's steps on Remoting, the client manager and Remoting's pulls: the inspector opens at its top, and in an 800 px
// window those boxes start below it; the least scroll that shows one keeps broker-a/0's box on the canvas below the lesson.
for (const [step, box, language] of [
  [0, 'module-remoting', 'zh'],
  [1, 'module-clientManager', 'zh'],
  [1, 'module-clientManager', 'en'],
  [4, 'module-remoting', 'zh'],
  [4, 'module-remoting', 'en'],
] as const) {
  test(`chapter 4 step ${step + 1} at 1280x800 brings the part of broker-a its caption is about into view in the inspector (${box}, ${language})`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl, `#ch=broker&st=${step}&lang=${language}`);
    await arrivedAt(page, step);
    await page.waitForFunction(belowInspectorTitle, `[data-testid="${box}"]`, { timeout: 10_000 });
    assert.equal(await page.locator('.rs-area-inspector [data-inspect-title]').textContent(), 'Broker broker-a/0');
    if (box === 'module-remoting') await page.waitForFunction(belowLesson, '[data-testid="topology-broker-broker-a/0"]', { timeout: 5_000 });
    await screenshot(`ch4-step${step + 1}-${box}-${language}`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport: { width: 1280, height: 800 } });
}

// Chapter 4 step 5's Remoting table, brought into view with the least scroll, left broker-a/0's box 13 px below the English
// caption: a caption two lines longer (the lesson box 48 px taller here) took the box under it. The box stays; the table's foot gives.
test('chapter 4 step 5 at 1280x800 with a lesson box two lines taller keeps broker-a/0\'s box below it, and Remoting\'s PULL_MESSAGE row in view', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    const taller = document.createElement('style');
    taller.textContent = '[data-testid="chapter"] { padding-bottom: 48px !important; }';
    document.head.append(taller);
  }));
  await openPage(page, baseUrl, '#ch=broker&st=4&lang=en');
  await arrivedAt(page, 4);
  await page.waitForFunction(() => window.scrollY > 0 && document.querySelector('[data-testid="module-remoting"]') !== null, undefined, { timeout: 10_000 });
  await frames(page, 10);
  assert.ok(await page.evaluate(belowLesson, '[data-testid="topology-broker-broker-a/0"]'), 'broker-a/0\'s box shows below the lesson');
  const pull = await page.locator('[data-testid="module-remoting"] tr', { hasText: 'PULL_MESSAGE' }).evaluate((row) => row.getBoundingClientRect().toJSON() as DOMRect);
  const lesson = await page.getByTestId('chapter').evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
  assert.ok(pull.top >= lesson.bottom && pull.bottom <= 800, `PULL_MESSAGE's row (y ${pull.top}-${pull.bottom}) is in view`);
  await screenshot('ch4-step5-taller-lesson-en');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1280, height: 800 } });

// Chapter 4's step on the first stored message: its caption quotes the module map, beside broker-a/0's box (the store's box,
// three screens down, brought into view took the box under the lesson).
test('chapter 4 step 3 at 1280x800: broker-a/0\'s box and the module map whose counts the caption quotes show below the lesson', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, '#ch=broker&st=2&lang=zh');
  await arrivedAt(page, 2);
  await page.waitForFunction(belowLesson, '[data-testid="topology-broker-broker-a/0"]', { timeout: 10_000 });
  await page.waitForFunction(belowInspectorTitle, '[data-testid="module-map"]', { timeout: 5_000 });
  assert.match(await page.getByTestId('module-map').textContent() ?? '', /CommitLog：1 条消息[\s\S]*没有已连接的 Slave/);
  await screenshot('ch4-step3-module-map-zh');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1280, height: 800 } });

// Chapter 5's step on the topic's creation: ns-2's topicQueueTable, under its other two tables, with ns-2's box.
test('chapter 5 step 3 at 1280x800: ns-2\'s box and its topicQueueTable with TopicOrder show below the lesson', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, '#ch=workflow&st=2&lang=zh');
  await arrivedAt(page, 2);
  await page.waitForFunction(belowInspectorTitle, '[data-testid="topicQueueTable"]', { timeout: 10_000 });
  await page.waitForFunction(belowLesson, '[data-testid="topology-nameserver-ns-2"]', { timeout: 5_000 });
  assert.match(await page.getByTestId('topicQueueTable').textContent() ?? '', /TopicOrder/);
  await screenshot('ch5-step3-topicQueueTable-zh');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1280, height: 800 } });

for (const language of ['zh', 'en'] as const) {
  test(`"Try it yourself" at 1280x800 says which chapter step was left and offers it back, on screen (${language})`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl, `#ch=consumers&st=4&lang=${language}`);
    await arrivedAt(page, 4);
    await page.getByTestId('try-it').click();
    const note = page.getByTestId('left-chapter');
    await note.waitFor();
    assert.equal(await page.getByTestId('chapter').count(), 0);
    assert.match((await note.textContent()) ?? '', language === 'zh' ? /已离开第 8 章第 5 步，现在由你自己操作本章的运行。/ : /You left chapter 8 at step 5 and are playing its run yourself\./);
    const back = page.getByTestId('left-chapter-back');
    assert.equal(await back.textContent(), language === 'zh' ? '回到第 8 章第 5 步' : 'Back to chapter 8, step 5');
    const box = (await note.boundingBox())!;
    assert.ok(box.y >= 0 && box.y + box.height <= 800, `the note is on screen (y ${box.y} to ${box.y + box.height})`);
    await screenshot(`try-it-note-${language}`);
    await back.click();
    await arrivedAt(page, 4);
    assert.equal(await page.getByTestId('chapter').getAttribute('data-chapter'), 'consumers');
    assert.equal(await note.count(), 0);
    assert.deepEqual(consoleErrors, []);
  }, { viewport: { width: 1280, height: 800 } });
}

test('chapter 8 step 3 at 1280x800: c-7\'s idle box and the inspector\'s title naming it both show below the lesson', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, '#ch=consumers&st=2&a=1&lang=zh');
  await arrivedAt(page, 2);
  await page.waitForFunction(belowLesson, '[data-testid="topology-client-c-7"]', { timeout: 10_000 });
  const title = page.locator('.rs-area-inspector [data-inspect-title]');
  assert.equal(await title.textContent(), '消费者 c-7');
  await page.waitForFunction(belowLesson, '.rs-area-inspector [data-inspect-title]', { timeout: 5_000 });
  // The caption gives the reason on screen, not in a panel three screens down.
  assert.match(await page.getByTestId('step-caption').textContent() ?? '', /九个消费者分八个队列，总有一个分不到。$/);
  await screenshot('ch8-idle-c7-zh');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1280, height: 800 } });

test('chapter 6 step 1 at 1280x800: all three brokers the caption counts show whole, broker-c\'s queues too', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, '#ch=topics&st=0&a=1&lang=zh');
  await arrivedAt(page, 0);
  for (const node of ['broker-a/0', 'broker-b/0', 'broker-c/0']) {
    await page.waitForFunction(belowLesson, `[data-testid="topology-broker-${node}"]`, { timeout: 10_000 });
  }
  await page.waitForFunction(belowLesson, '[data-testid="canvas-queue-broker-c/0#7"]', { timeout: 5_000 });
  await screenshot('ch6-three-brokers-zh');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1280, height: 800 } });

test('presenting a chapter: the clicker\'s blank key blanks it, its next key lifts the blank on the same step, then steps', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, '#ch=nameserver&st=1&lang=en');
  const moment = await arrivedAt(page, 1);
  await page.keyboard.press('p');
  await page.locator('.rs-app.rs-presenting').waitFor();
  await page.keyboard.press('b');
  await page.getByTestId('blank-stage').waitFor();
  await page.keyboard.press('PageDown');
  await page.getByTestId('blank-stage').waitFor({ state: 'detached' });
  assert.equal(await arrivedAt(page, 1), moment, 'still on step 2, at its moment');
  await page.keyboard.press('PageDown');
  assert.ok(await arrivedAt(page, 2) >= moment);
  // Presentation mode scrolls the drawing up under the lesson box: the step's text stays on screen.
  const lessonTop = await page.getByTestId('chapter').evaluate((element) => element.getBoundingClientRect().top);
  assert.ok(lessonTop >= 0, `the lesson box starts at y ${lessonTop}`);
  assert.deepEqual(consoleErrors, []);
});
