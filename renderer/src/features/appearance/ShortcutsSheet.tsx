// Renderer: the Keyboard Shortcuts sheet (Ctrl/Cmd+/, or Settings › Appearance): the shared table, grouped, with the
// keys as this platform writes them. Esc closes it, as every dialog.

import clsx from 'clsx';
import styles from './appearance.module.css';
import { shortcutGroups, shortcuts } from '../../../../shared/shortcuts';
import { Modal } from '../../components/Modal';
import { shortcutLabel } from '../../lib/keyboard';
import { useShortcut } from '../../lib/use-shortcut';
import { appStore, useAppStore } from '../../store/use-app-store';

export function ShortcutsSheet() {
  const open = useAppStore((s) => s.shortcutsSheetOpen);
  const setOpen = useAppStore((s) => s.setShortcutsSheetOpen);
  useShortcut('shortcuts-sheet', () => {
    const isOpen = appStore.getState().shortcutsSheetOpen;
    // Over another dialog it would trap focus twice; Settings has its own button for it.
    if (!isOpen && document.querySelector('dialog[open]')) return false;
    setOpen(!isOpen);
    return true;
  });
  if (!open) return null;
  return (
    <Modal role="dialog" label="Keyboard shortcuts" className={styles.sheet} onClose={() => setOpen(false)}>
      <div className="dialog-header">
        <h2>Keyboard shortcuts</h2>
      </div>
      {shortcutGroups.map((group) => (
        <section key={group} aria-labelledby={`shortcuts-${group}`}>
          <h3 id={`shortcuts-${group}`}>{group}</h3>
          <table className={styles.table}>
            <tbody>
              {shortcuts
                .filter((s) => s.group === group)
                .map((s) => (
                  <tr key={s.id} data-shortcut={s.id}>
                    <th scope="row">
                      {s.label}
                      {s.when ? <span className="muted"> — {s.when}</span> : null}
                    </th>
                    <td>
                      <kbd>{shortcutLabel(s.id)}</kbd>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <div className={clsx('button-row end dialog-footer', styles.footer)}>
        <button type="button" data-autofocus onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </Modal>
  );
}
