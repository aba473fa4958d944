/**
 * What went wrong at an edge (a bad link, a refused file), with what it offers instead, or what
 * the page did instead (a note, read out politely and drawn calm): until the person dismisses it.
 * It is said here, in the page's language of the moment, from the reason the store keeps.
 */
import { usePage, type BannerReason } from '../../store/page.ts';
import { usePlayback } from '../../store/playback.ts';
import { lazyModule } from '../lazy-module.ts';
import { regionElement } from '../regions.ts';
import { openOffer, showLinkProblems } from './session.ts';

/**
 * The banner's words and sentences (banner-strings.ts), fetched when a banner first shows: the
 * default page opens without one, so its first script does not carry them.
 */
const chunk = lazyModule(() => import('./banner-strings.ts'));

/** Exported for its tests, which load the words before they render a banner. */
export const loadBannerWords = chunk.load;

/** The JSON text of an invalid scenario a link carried, to mend in the editor; null for any other banner. */
function invalidLinkText(banner: BannerReason): string | null {
  return banner.code === 'link' && banner.problem.code === 'invalidScenario' ? banner.problem.text : null;
}

/**
 * Where focus goes when the banner is dismissed by its own button, which leaves with it: the
 * playback bar's Play, right under where the banner was, the next thing to do with the run the
 * banner spoke of. Focus left on the removed button fell to the page's body, and the next Tab
 * started again at the top (WCAG 2.4.3).
 */
function focusAfterDismiss(): void {
  (regionElement('play') as HTMLElement | null)?.focus();
}

export function Banner() {
  const banner = usePage((s) => s.banner);
  return banner === null ? null : <Shown banner={banner} />;
}

function Shown({ banner }: { banner: BannerReason }) {
  const loaded = chunk.use();
  const language = usePlayback((s) => s.language);
  const offer = usePage((s) => s.bannerOffer);
  const tone = usePage((s) => s.bannerTone);
  const setBanner = usePage((s) => s.setBanner);
  // Until its words are in, nothing: a live region is announced once, with the text it is given.
  if (loaded === null) return null;
  const words = loaded.bannerWords(language);
  const linkText = invalidLinkText(banner);
  // What the offer leaves out is said with the reason, in the one live region: a too heavy scenario's faults are its story.
  const leavesOut = offer ? loaded.describeOfferLeavesOut(offer, language) : '';
  const text = [loaded.describeBanner(banner, language), leavesOut].filter((part) => part !== '').join(loaded.prefixWords(language).sentenceGap);
  const story = offer?.story;
  return (
    <div className={`rs-banner rs-banner-${tone}`} role={tone === 'alert' ? 'alert' : 'status'} data-testid="banner">
      <p className="rs-banner-text">{text}</p>
      {offer && (
        <button type="button" className="rs-button rs-button-primary" data-testid="banner-offer" onClick={() => openOffer(offer)}>
          {words.openFirstMinutes(offer.minutes)}
        </button>
      )}
      {story && (
        <button type="button" className="rs-button" data-testid="banner-offer-story" onClick={() => openOffer(story)}>
          {loaded.prefixWords(language).openStory(story.minutes, loaded.storyAroundFault(story))}
        </button>
      )}
      {linkText !== null && (
        <button type="button" className="rs-button rs-button-primary" data-testid="banner-show-problems" onClick={() => void showLinkProblems(linkText)}>
          {words.linkShowProblems}
        </button>
      )}
      <button type="button" className="rs-button rs-banner-close" aria-label={words.dismiss} title={words.dismiss} onClick={() => {
        focusAfterDismiss();
        setBanner(null);
      }}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
