/** The first visit's line offering chapter 1 (FirstVisitSlot decides when it shows). */
import { useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { writeStored } from '../../store/stored.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';
import { DECLINED_KEY } from './FirstVisitSlot.tsx';

const FIRST_CHAPTER = 'basics';

const WORDS: Bilingual<{ label: string; text: string; start: string; decline: string }> = {
  en: {
    label: 'Where to start',
    text: 'New to RocketMQ? Nine guided chapters take it in order, from messages, topics, tags and queues to the NameServer, the broker, topic creation and failover: each step plays the run to its moment and says what happened.',
    start: 'Start chapter 1',
    decline: 'No thanks',
  },
  zh: {
    label: '从哪里开始',
    text: '刚接触 RocketMQ？九个引导章节按顺序讲解，从消息、主题、标签和队列，到 NameServer、Broker、主题创建和故障切换：每一步都把运行播放到那一刻，并说明发生了什么。',
    start: '从第 1 章开始',
    decline: '不用了',
  },
};

/** Storage refused (private mode): the line comes back on the next visit. */
function decline(): void {
  writeStored(DECLINED_KEY, 'true');
}

export function FirstVisit({ close }: { close: () => void }) {
  const words = inLanguage(WORDS, usePlayback((s) => s.language));
  return (
    <section className="rs-first-visit" aria-label={words.label} data-testid="first-visit">
      <p>{words.text}</p>
      <button type="button" className="rs-button rs-button-primary" data-testid="first-visit-start" onClick={() => {
        close();
        useLesson.getState().openChapter(FIRST_CHAPTER);
      }}>
        {words.start}
      </button>
      <button type="button" className="rs-button" data-testid="first-visit-decline" onClick={() => {
        decline();
        close();
      }}>
        {words.decline}
      </button>
    </section>
  );
}
