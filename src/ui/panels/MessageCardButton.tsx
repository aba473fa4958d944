/** A small button beside anything that names a message (a log row): it opens the message's card. */
import { usePlayback, type Language } from '../../store/playback.ts';
import './card-button.css';
import { inLanguage, type Bilingual } from '../i18n/index.ts';

const WORDS: Bilingual<{ text: string; label: (msgId: string) => string }> = {
  en: { text: 'card', label: (msgId) => `Open the card of message ${msgId}` },
  zh: { text: '卡片', label: (msgId) => `打开消息 ${msgId} 的卡片` },
};

export function MessageCardButton({ msgId, language }: { msgId: string; language: Language }) {
  const words = inLanguage(WORDS, language);
  return (
    <button type="button" className="rs-card-open" aria-label={words.label(msgId)} title={words.label(msgId)} data-testid="open-card"
      onClick={() => usePlayback.getState().select({ kind: 'message', msgId })}>
      {words.text}
    </button>
  );
}
