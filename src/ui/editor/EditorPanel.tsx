/** The editor drawer: the knobs and a fault at the current time, or the whole file as JSON. */
import { useRef } from 'react';
import { useDraft, type EditorTab } from '../../store/draft.ts';
import { usePage } from '../../store/page.ts';
import { Tabs } from '../controls/Tabs.tsx';
import { useFocusReturn } from '../controls/use-focus-return.ts';
import { useWords } from '../i18n/index.ts';
import { CreateTopicForm } from './CreateTopicForm.tsx';
import { EDITOR_WORDS } from './editor-strings.ts';
import { FaultForm } from './FaultForm.tsx';
import { JsonEditor } from './JsonEditor.tsx';
import { KnobsForm } from './KnobsForm.tsx';

const TABS: { tab: EditorTab; label: 'tabKnobs' | 'tabJson' }[] = [
  { tab: 'knobs', label: 'tabKnobs' },
  { tab: 'json', label: 'tabJson' },
];
const CLASSES = { list: 'rs-tabs', tab: 'rs-tab', panel: 'rs-editor-body' };

export function EditorPanel() {
  const open = usePage((s) => s.editorOpen);
  const words = useWords(EDITOR_WORDS);
  const setEditorOpen = usePage((s) => s.setEditorOpen);
  const tab = useDraft((s) => s.tab);
  const setTab = useDraft((s) => s.setTab);
  const drawer = useRef<HTMLElement>(null);
  useFocusReturn(drawer);
  if (!open) return null;
  return (
    <aside ref={drawer} tabIndex={-1} className="rs-editor" aria-label={words.title} data-testid="editor">
      <header className="rs-editor-header">
        <h2>{words.title}</h2>
        <button type="button" className="rs-button" aria-label={words.close} onClick={() => setEditorOpen(false)}>×</button>
      </header>
      <Tabs items={TABS.map((entry) => ({ id: entry.tab, label: words[entry.label] }))} selected={tab} onSelect={setTab}
        label={words.tabs} classes={CLASSES} name="editor">
        {tab === 'knobs' ? (
          <>
            <KnobsForm />
            <CreateTopicForm />
            <FaultForm />
          </>
        ) : <JsonEditor />}
      </Tabs>
    </aside>
  );
}
