/**
 * Download the scenario file as written, or open one. A file with problems is not played: it
 * opens in the JSON editor with every problem listed by path (./open-file.ts).
 */
import { useRef } from 'react';
import { usePage } from '../../store/page.ts';
import { usePlayback } from '../../store/playback.ts';
import { useT } from '../i18n/index.ts';
import { fileStem, saveBlob } from './save-file.ts';

function downloadName(name: string): string {
  return `${fileStem(name, 'scenario')}.json`;
}

function download(): void {
  const { source, scenario } = usePlayback.getState();
  if (!scenario) return;
  saveBlob(new Blob([`${JSON.stringify(source, null, 2)}\n`], { type: 'application/json' }), downloadName(scenario.name));
}

export function FileButtons() {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const onFile = async (file: File) => {
    try {
      const text = await file.text();
      // The JSON reader (with its line-and-column errors) is needed only once a file is chosen.
      const { openFileText } = await import('./open-file.ts');
      openFileText(text, (count) => ({ code: 'uploadInEditor', file: file.name, count }));
    } catch {
      usePage.getState().setBanner({ code: 'uploadUnreadable', file: file.name });
    }
  };
  return (
    <div className="rs-files">
      <button type="button" className="rs-button" data-testid="download" onClick={download}>{t('download')}</button>
      <button type="button" className="rs-button" data-testid="upload" onClick={() => inputRef.current?.click()}>{t('upload')}</button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="upload-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void onFile(file);
        }}
      />
    </div>
  );
}
