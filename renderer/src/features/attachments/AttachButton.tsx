// Renderer: the paperclip beside the message field, and its shortcut (Ctrl/Cmd+U): the system's file chooser, several
// files at once. The browser reads the chosen files; the page never sees a path.

import { Paperclip } from 'lucide-react';
import { useRef } from 'react';
import { shortcutAria, shortcutLabel } from '../../lib/keyboard';
import { useShortcut } from '../../lib/use-shortcut';
import { useAppStore } from '../../store/use-app-store';
import clsx from 'clsx';
import styles from './attachments.module.css';

/** What the chooser offers first; anything else can still be picked ("All files") and gets the core's answer. */
export const attachAccept =
  'image/png,image/jpeg,image/webp,image/gif,application/pdf,text/*,.md,.csv,.json,.ts,.tsx,.js,.py,.go,.rs,.java,.c,.cpp,.h,.rb,.sh,.yaml,.yml,.toml,.html,.css,.sql';

export function AttachButton() {
  const attachFiles = useAppStore((s) => s.attachFiles);
  const input = useRef<HTMLInputElement>(null);
  const choose = () => input.current?.click();
  useShortcut('attach-files', () => {
    // Not under a dialog: the files would land in a composer the person cannot see.
    if (document.querySelector('dialog[open]')) return false;
    choose();
    return true;
  });
  return (
    <>
      <button
        type="button"
        className={clsx('icon-button', styles.attachButton)}
        aria-label="Attach files"
        title={`Attach images, PDFs or text files (${shortcutLabel('attach-files')})`}
        aria-keyshortcuts={shortcutAria('attach-files')}
        onClick={choose}
      >
        <Paperclip size={18} aria-hidden="true" />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={attachAccept}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="attach-input"
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          // Cleared so choosing the same file again (after removing it) still counts as a change.
          event.target.value = '';
          if (chosen.length > 0) attachFiles(chosen);
        }}
      />
    </>
  );
}
