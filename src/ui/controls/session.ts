/**
 * Opening a run: from the library, from a file as written (an upload, the JSON editor, a fork),
 * or from a link. Every path validates first and keeps the file as written next to the
 * normalized scenario, so sharing and downloading give back what the person wrote.
 */
import type { Scenario } from '../../sim/index.ts';
import { checkBudget, PAGE_BUDGET } from '../../scenario/budget.ts';
import { scenarioText, type Language } from '../../scenario/language.ts';
import { LIBRARY, findLibraryEntry } from '../../scenario/library/index.ts';
import { longestPrefix, MINUTE_MS, movedWindow } from '../../scenario/prefix.ts';
import { decodeChapterLink } from '../../scenario/chapter-link.ts';
import { decodeLink, readLinkKey } from '../../scenario/link.ts';
import { decodeSelection } from '../../scenario/selection-link.ts';
import { decodeTopicQuery } from '../../scenario/topic-query-link.ts';
import { validateScenario, type ValidationResult } from '../../scenario/validate.ts';
import { useLesson } from '../../store/lesson.ts';
import { useInsight } from '../../store/insight.ts';
import { usePage, type BannerOffer } from '../../store/page.ts';
import { usePlayback, type LoadOptions } from '../../store/playback.ts';
import { useWhatIf } from '../../store/what-if.ts';
import { inLanguage } from '../i18n/index.ts';
import { resolveTab } from '../insight/tabs.ts';
import { isChapterId } from '../learn/chapters/ids.ts';
import { describeOverBudget } from './budget-text.ts';

interface OpenOptions extends Omit<LoadOptions, 'source'> {
  /** Where the playhead goes once the run is built (reached across frames if far). */
  atMs?: number;
}

const libraryTexts = new Map(LIBRARY.map((entry) => [JSON.stringify(entry.scenario), entry.id]));

/** The library entry a file is, unchanged, or null. */
function libraryIdOf(source: unknown): string | null {
  return libraryTexts.get(JSON.stringify(source)) ?? null;
}

type Described = { name?: unknown; description?: unknown };

/**
 * The library entry a changed file was made from, its name and description as the entry's (an
 * edit keeps them; a file whose description was rewritten is described by its own), or null.
 */
export function libraryBaseOf(source: unknown): string | null {
  if (typeof source !== 'object' || source === null) return null;
  const { name, description } = source as Described;
  const base = LIBRARY.find((entry) => {
    const file = entry.scenario as Described;
    return file.name === name && file.description === description;
  });
  return base?.id ?? null;
}

/**
 * The name the page gives a run: a built-in scenario's title in the page's language, also for a
 * file changed from one (libraryBaseOf: the Chinese page wrote the English name of the file), else
 * the file's own name.
 */
export function runName(scenario: Scenario, source: unknown, libraryId: string | null, language: Language): string {
  const entry = findLibraryEntry(libraryId ?? libraryBaseOf(source) ?? '');
  return entry ? inLanguage(entry.title, language) : scenarioText(scenario, language).name;
}

function load(scenario: Scenario, source: unknown, options: OpenOptions): void {
  const { atMs = 0, ...rest } = options;
  usePlayback.getState().loadScenario(scenario, 0, { libraryId: libraryIdOf(source), ...rest, source });
  if (atMs > 0) usePlayback.getState().requestSeek(atMs);
}

/**
 * Validates a file as written and, when it is valid and within the page's cost budget, plays it.
 * The budget is judged before the run is built, so a scenario too heavy for a tab never freezes it.
 */
export function openSource(source: unknown, options: OpenOptions = {}): ValidationResult {
  return openChecked(source, validateScenario(source), options);
}

/** openSource for a file already validated (`checked` is validateScenario's answer for it). */
export function openChecked(source: unknown, checked: ValidationResult, options: OpenOptions = {}): ValidationResult {
  const result = withinPageBudget(checked);
  if (result.ok) load(result.scenario, source, options);
  return result;
}

/** A valid scenario over the page's cost budget, as a problem at `$` that says what to reduce; any other result as it is. */
export function withinPageBudget(result: ValidationResult): ValidationResult {
  const over = result.ok ? checkBudget(result.scenario, PAGE_BUDGET) : null;
  return over ? { ok: false, errors: [{ path: '$', message: describeOverBudget(over, 'en'), zh: describeOverBudget(over, 'zh') }] } : result;
}

/**
 * What the banner offers for a valid file over the page's budget: its first minutes the budget
 * takes (src/scenario/prefix.ts), at the moment asked for or their end; null when not even one fits.
 * When they leave timeline actions out, a second choice keeps the first of them: as many minutes
 * with the timeline moved earlier, at the moment asked for moved with it.
 */
export function shorterOffer(source: object, atMs: number): BannerOffer | null {
  const prefix = longestPrefix(source, PAGE_BUDGET);
  if (!prefix) return null;
  const endMs = prefix.minutes * MINUTE_MS;
  const moved = movedWindow(source, prefix, PAGE_BUDGET);
  const story: BannerOffer | null = moved && {
    source: moved.file, minutes: moved.minutes, atMs: Math.max(0, Math.min(atMs - moved.shiftMs, endMs)), dropped: moved.dropped,
    moved: { shiftMs: moved.shiftMs, brought: moved.brought },
  };
  return { source: prefix.file, minutes: prefix.minutes, atMs: Math.min(atMs, endMs), dropped: prefix.dropped, ...(story && { story }) };
}

/** Opens what the banner offered, and says what the run is of the scenario, and what it leaves out. */
export function openOffer(offer: BannerOffer): void {
  openSource(offer.source, { atMs: offer.atMs });
  const { minutes, dropped, moved } = offer;
  usePage.getState().setBanner({ code: 'firstMinutes', minutes, dropped, ...(moved && { moved }) }, { tone: 'note' });
}

export function openLibraryEntry(id: string): void {
  const entry = findLibraryEntry(id) ?? LIBRARY[0]!;
  const result = openSource(entry.scenario, { libraryId: entry.id });
  // The library is validated by test/unit/link/library.test.ts; this would be a bug.
  if (!result.ok) throw new Error(`library scenario ${entry.id} does not validate: ${result.errors[0]?.path} ${result.errors[0]?.message}`);
}

export function openDefault(): void {
  openLibraryEntry(LIBRARY[0]!.id);
}

/**
 * Says that a link named a chapter the page does not have (mistyped, or from another version), as
 * text, in both languages so the banner follows the toggle. Its words come with the chapters'
 * (a chunk): the first script carries only the chapters' ids.
 */
function sayUnknownChapter(id: string): void {
  import('../learn/learn-strings.ts').then(({ LEARN_STRINGS }) => {
    const words = (language: Language) => inLanguage(LEARN_STRINGS, language).unknownChapter(id);
    usePage.getState().setBanner({ code: 'words', words: { en: words('en'), zh: words('zh') } });
  }, () => {});
}

/**
 * Opens the run a URL fragment carries. A fragment without a scenario opens the default; a
 * bad one opens the default with a banner saying what was wrong. A guided chapter it names
 * (`ch`, `st`) opens too, and then loads its own scenario; one the page does not have never
 * opens: the banner names it, and the page keeps the run the rest of the link opened.
 */
export function openFromHash(hash: string): void {
  const chapter = decodeChapterLink(hash);
  if (chapter) {
    if (isChapterId(chapter.chapter)) {
      useLesson.getState().openChapter(chapter.chapter, chapter.step, chapter);
    } else {
      // As a link to another chapter would, it replaces the chapter open (a pasted address).
      useLesson.getState().closeChapter();
      sayUnknownChapter(chapter.chapter);
    }
    useInsight.getState().setTab(resolveTab(readLinkKey(hash, 'v')).id);
  }
  const decoded = decodeLink(hash);
  const state = usePlayback.getState();
  const page = usePage.getState();
  if (decoded.ok) {
    load(decoded.scenario, decoded.scenarioJson, { atMs: decoded.timeMs });
    // The card or process open when the link was made; a damaged or made-up one is ignored.
    const selection = decodeSelection(readLinkKey(hash, 'sel'), decoded.scenario);
    if (selection) state.select(selection);
    useInsight.getState().setTab(resolveTab(decoded.extra.v).id);
    // The Message tab's query by topic and time, with its rows; a damaged or made-up one is ignored.
    useInsight.getState().setTopicQuery(decodeTopicQuery(decoded.extra.tq, decoded.scenario));
    // Read by the What-if view when it opens (a damaged one is ignored there).
    useWhatIf.getState().setChange(decoded.extra.w ?? null);
    page.setBanner(decoded.timeUnreadable ? { code: 'linkTimeUnreadable' } : null, { tone: 'note' });
    return;
  }
  openDefault();
  const { reason } = decoded;
  page.setBanner(reason.code === 'none' ? null : { code: 'link', problem: reason }, {
    offer: reason.code === 'tooHeavy' ? shorterOffer(reason.source, reason.timeMs) : null,
  });
}

/**
 * Opens a link's invalid scenario (its JSON text) in the JSON editor with every problem listed,
 * by the path Open JSON… takes for an invalid file (./open-file.ts, loaded on demand as there).
 */
export async function showLinkProblems(text: string): Promise<void> {
  const { openFileText } = await import('./open-file.ts');
  openFileText(text, (count) => ({ code: 'linkInEditor', count }));
}
