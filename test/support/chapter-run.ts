/**
 * A chapter as its tests read it: the chapter, its scenario validated, a Timeline of it and the
 * moment each step stops at (as the player finds them, src/sim/queries/chapter-moments.ts).
 */
import { chapterMoments } from '../../src/sim/queries/chapter-moments.ts';
import { Timeline } from '../../src/sim/timeline.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { chapterScenario } from '../../src/ui/learn/chapter.ts';
import { CHAPTERS } from '../../src/ui/learn/chapters/index.ts';

export async function chapterRun(id: string) {
  const chapter = await CHAPTERS.find((entry) => entry.id === id)!.load();
  const result = validateScenario(chapterScenario(chapter));
  if (!result.ok) throw new Error(`chapter ${id}: its scenario does not validate`);
  const timeline = new Timeline(result.scenario);
  const { moments } = chapterMoments(timeline, { waits: chapter.steps.map((step) => step.wait) });
  return { chapter, scenario: result.scenario, timeline, moments };
}
