// Renderer: About Switchboard (Settings › About, or Help › About in the desktop app's menu): the version, what runs
// the app and the data folder. The desktop app opens the folder in the file manager; a page in a browser cannot, so
// on the web host the dialog says so and offers the path to copy.

import clsx from 'clsx';
import settingsStyles from '../../components/settings.module.css';
import styles from './about.module.css';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/Modal';
import { useCopy } from '../markdown/CopyButton';
import { useAppStore } from '../../store/use-app-store';
import { runtimeLines } from './about-text';

function CopyPathButton({ path }: { path: string }) {
  const [state, copy] = useCopy(path);
  return (
    <button type="button" onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy path'}
    </button>
  );
}

export function AboutDialog() {
  const open = useAppStore((s) => s.aboutOpen);
  const info = useAppStore((s) => s.appInfo);
  const error = useAppStore((s) => s.appInfoError);
  const notShown = useAppStore((s) => s.dataFolderNotShown);
  const setOpen = useAppStore((s) => s.setAboutOpen);
  const showDataFolder = useAppStore((s) => s.showDataFolder);
  if (!open) return null;
  return (
    <Modal role="dialog" label="About Switchboard" onClose={() => setOpen(false)}>
      <h2>About Switchboard</h2>
      {error ? <ErrorAlert error={error} /> : null}
      {info ? (
        <>
          <dl className={clsx('key-facts', styles.facts)}>
            <dt>Version</dt>
            <dd className="mono" data-about="version">
              {info.version}
            </dd>
            {runtimeLines(info, navigator.userAgent).map((line) => (
              <div key={line.label} className={styles.line}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
            <dt>Data folder</dt>
            <dd>
              <code className={styles.path}>{info.dataFolder}</code>
            </dd>
          </dl>
          <div className="button-row">
            {info.canShowDataFolder ? (
              <button type="button" onClick={() => void showDataFolder()}>
                Show data folder
              </button>
            ) : null}
            <CopyPathButton path={info.dataFolder} />
          </div>
          {info.canShowDataFolder ? null : (
            <p className={settingsStyles.hint}>
              A page in a browser cannot open your file manager: copy the path and open it there. Your history, its
              backups and the window&apos;s place are kept in this folder.
            </p>
          )}
          {notShown ? (
            <p role="status" className={settingsStyles.hint}>
              The file manager could not be opened; the folder is at the path above.
            </p>
          ) : null}
        </>
      ) : error ? null : (
        <p>Reading…</p>
      )}
      <div className="button-row end dialog-footer">
        <button type="button" data-autofocus onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </Modal>
  );
}
