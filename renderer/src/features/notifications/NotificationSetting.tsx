// Renderer: Settings › Notifications: the switch for a notification when a reply finishes or fails in the
// background (on by default, kept by the core). On the web host the browser must also allow it: turning the switch
// on asks, and the switch shows on only while both agree.

import { useState } from 'react';
import { shell } from '../../api';
import { useAppStore } from '../../store/use-app-store';
import { browserPermission } from './web-notifications';
import settingsStyles from '../../components/settings.module.css';

export function NotificationSetting() {
  const enabled = useAppStore((s) => s.notifications);
  const setNotifications = useAppStore((s) => s.setNotifications);
  const desktop = shell !== null;
  const [permission, setPermission] = useState(browserPermission);
  const [note, setNote] = useState<string | null>(null);
  const checked = enabled && (desktop || permission === 'granted');

  const change = async (on: boolean) => {
    setNote(null);
    if (on && !desktop) {
      if (permission === 'unsupported') {
        setNote('This browser cannot show notifications.');
        return;
      }
      // Asked only now, because the person asked for notifications by turning the switch on.
      const answer = permission === 'granted' ? 'granted' : await Notification.requestPermission();
      setPermission(answer);
      if (answer !== 'granted') {
        setNote('The browser did not allow notifications; allow them in its site settings, then turn this on again.');
        return;
      }
    }
    const error = await setNotifications(on);
    if (error) setNote(error.message);
  };

  return (
    <section className={settingsStyles.section} aria-labelledby="settings-notifications-title">
      <h3 id="settings-notifications-title">Notifications</h3>
      <label>
        <input type="checkbox" checked={checked} onChange={(event) => void change(event.target.checked)} />
        Notify me when a reply finishes or fails while Switchboard is in the background
      </label>
      {note ? <p role="status">{note}</p> : null}
    </section>
  );
}
