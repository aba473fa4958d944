/** A small button beside anything that names a message (a log row): it opens the message's card. */
import { usePlayback } from '../../store/playback.ts';
import type { Language } from '../../scenario/language.ts';
import './card-button.css';
import { inLanguage, type Bilingual } from '../i18n/index.ts';

const WORDS: Bilingual<{ text: string; label: (msgId: string) => string }> = {
  en: { text: 'card', label: (msgId) => `card: open the card of message ${msgId}` },
  zh: { text: '卡片', label: (msgId) => `卡片：打开消息 ${msgId} 的卡片` },
};

/** In the Tab order only with its row (the event log is one stop: EventLog.tsx). */
export function MessageCardButton({ msgId, language, tabbable }: { msgId: string; language: Language; tabbable: boolean }) {
  const words = inLanguage(WORDS, language);
  return (
    <button type="button" className="rs-card-open" aria-label={words.label(msgId)} title={words.label(msgId)} data-testid="open-card"
      tabIndex={tabbable ? undefined : -1}
      onClick={() => usePlayback.getState().select({ kind: 'message', msgId })}>
      {words.text}
    </button>
  );
}
