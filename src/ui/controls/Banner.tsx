/**
 * What went wrong at an edge (a bad link, a refused file), with what it offers instead, or what
 * the page did instead (a note, read out politely and drawn calm): until the person dismisses it.
 */
import { usePlayback } from '../../store/playback.ts';
import { useT } from '../i18n/index.ts';
import { openOffer } from './session.ts';

export function Banner() {
  const t = useT();
  const banner = usePlayback((s) => s.banner);
  const offer = usePlayback((s) => s.bannerOffer);
  const tone = usePlayback((s) => s.bannerTone);
  const setBanner = usePlayback((s) => s.setBanner);
  if (banner === null) return null;
  return (
    <div className={`rs-banner rs-banner-${tone}`} role={tone === 'alert' ? 'alert' : 'status'} data-testid="banner">
      <p className="rs-banner-text">{banner}</p>
      {offer && (
        <button type="button" className="rs-button rs-button-primary" data-testid="banner-offer" onClick={() => openOffer(offer)}>
          {t('openFirstMinutes', { minutes: offer.minutes })}
        </button>
      )}
      <button type="button" className="rs-button rs-banner-close" aria-label={t('dismiss')} title={t('dismiss')} onClick={() => setBanner(null)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
