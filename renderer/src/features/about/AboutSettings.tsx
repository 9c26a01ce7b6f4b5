// Renderer: Settings › About — the way to the About dialog (version, what runs the app, the data folder).

import { useAppStore } from '../../store/use-app-store';
import settingsStyles from '../../components/settings.module.css';

export function AboutSettings() {
  const openAbout = useAppStore((s) => s.setAboutOpen);
  return (
    <section className={settingsStyles.section} aria-labelledby="settings-about-title">
      <h3 id="settings-about-title">About</h3>
      <div className="button-row">
        <button type="button" onClick={() => openAbout(true)}>
          About Switchboard
        </button>
      </div>
    </section>
  );
}
