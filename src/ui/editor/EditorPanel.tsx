/** The editor drawer: the knobs and a fault at the current time, or the whole file as JSON. */
import { useId, useRef } from 'react';
import { usePlayback } from '../../store/playback.ts';
import { useFocusReturn } from '../controls/use-focus-return.ts';
import { useT } from '../i18n/index.ts';
import { useDraft, type EditorTab } from './draft.ts';
import { CreateTopicForm } from './CreateTopicForm.tsx';
import { editorStrings } from './editor-strings.ts';
import { FaultForm } from './FaultForm.tsx';
import { JsonEditor } from './JsonEditor.tsx';
import { KnobsForm } from './KnobsForm.tsx';

const TABS: { tab: EditorTab; label: 'tabKnobs' | 'tabJson' }[] = [
  { tab: 'knobs', label: 'tabKnobs' },
  { tab: 'json', label: 'tabJson' },
];

export function EditorPanel() {
  const t = useT();
  const open = usePlayback((s) => s.editorOpen);
  const language = usePlayback((s) => s.language);
  const setEditorOpen = usePlayback((s) => s.setEditorOpen);
  const tab = useDraft((s) => s.tab);
  const setTab = useDraft((s) => s.setTab);
  const drawer = useRef<HTMLElement>(null);
  const id = useId();
  const tabId = (name: EditorTab) => `${id}-tab-${name}`;
  useFocusReturn(drawer);
  if (!open) return null;
  return (
    <aside ref={drawer} tabIndex={-1} className="rs-editor" aria-label={t('editorTitle')} data-testid="editor">
      <header className="rs-editor-header">
        <h2>{t('editorTitle')}</h2>
        <button type="button" className="rs-button" aria-label={t('close')} onClick={() => setEditorOpen(false)}>×</button>
      </header>
      <div className="rs-tabs" role="tablist" aria-label={editorStrings(language).tabs}>
        {TABS.map((entry) => (
          <button
            key={entry.tab}
            type="button"
            role="tab"
            id={tabId(entry.tab)}
            aria-controls={`${id}-panel`}
            className="rs-tab"
            aria-selected={tab === entry.tab}
            data-testid={`editor-tab-${entry.tab}`}
            onClick={() => setTab(entry.tab)}
          >
            {t(entry.label)}
          </button>
        ))}
      </div>
      {/* One panel holds whichever tab is chosen: both tabs control it, and it is named by the chosen one. */}
      <div className="rs-editor-body" role="tabpanel" id={`${id}-panel`} aria-labelledby={tabId(tab)}>
        {tab === 'knobs' ? (
          <>
            <KnobsForm />
            <CreateTopicForm />
            <FaultForm />
          </>
        ) : <JsonEditor />}
      </div>
    </aside>
  );
}
