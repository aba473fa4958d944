/**
 * What went wrong at an edge (a bad link, a refused file), with what it offers instead, or what
 * the page did instead (a note, read out politely and drawn calm): until the person dismisses it.
 * It is said here, in the page's language of the moment, from the reason the store keeps.
 */
import { usePlayback, type BannerReason, type Language } from '../../store/playback.ts';
import { inLanguage, translate, useT } from '../i18n/index.ts';
import { describeLinkProblem, openOffer, showLinkProblems } from './session.ts';

function describe(banner: BannerReason, language: Language): string {
  switch (banner.code) {
    case 'link': return describeLinkProblem(banner.problem, language);
    case 'linkTimeUnreadable': return translate(language, 'linkTimeUnreadable');
    case 'firstMinutes': return translate(language, 'openedFirstMinutes', { minutes: banner.minutes });
    case 'linkInEditor': return translate(language, 'linkInEditor', { count: banner.count });
    case 'uploadInEditor': return translate(language, 'uploadFailed', { file: banner.file, count: banner.count });
    case 'uploadUnreadable': return translate(language, 'uploadUnreadable', { file: banner.file });
    case 'pageFailed': return translate(language, 'pageFailed', { message: banner.message });
    case 'words': return inLanguage(banner.words, language);
  }
}

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
  document.querySelector<HTMLElement>('.rs-command-play')?.focus();
}

export function Banner() {
  const t = useT();
  const language = usePlayback((s) => s.language);
  const banner = usePlayback((s) => s.banner);
  const offer = usePlayback((s) => s.bannerOffer);
  const tone = usePlayback((s) => s.bannerTone);
  const setBanner = usePlayback((s) => s.setBanner);
  if (banner === null) return null;
  const linkText = invalidLinkText(banner);
  return (
    <div className={`rs-banner rs-banner-${tone}`} role={tone === 'alert' ? 'alert' : 'status'} data-testid="banner">
      <p className="rs-banner-text">{describe(banner, language)}</p>
      {offer && (
        <button type="button" className="rs-button rs-button-primary" data-testid="banner-offer" onClick={() => openOffer(offer)}>
          {t('openFirstMinutes', { minutes: offer.minutes })}
        </button>
      )}
      {linkText !== null && (
        <button type="button" className="rs-button rs-button-primary" data-testid="banner-show-problems" onClick={() => void showLinkProblems(linkText)}>
          {t('linkShowProblems')}
        </button>
      )}
      <button type="button" className="rs-button rs-banner-close" aria-label={t('dismiss')} title={t('dismiss')} onClick={() => {
        focusAfterDismiss();
        setBanner(null);
      }}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
