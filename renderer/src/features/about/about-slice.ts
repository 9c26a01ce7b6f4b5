// Renderer store slice: the About dialog — whether it is open, what the core says about the app, and showing the
// data folder (the desktop app opens it in the file manager; the web host cannot, so the dialog offers the path).

import type { AppInfo } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/result';
import type { SliceCreator } from '../../store/types';

export interface AboutSlice {
  aboutOpen: boolean;
  /** Null until `app:info` answers (read again each time the dialog opens: it is cheap and never stale). */
  appInfo: AppInfo | null;
  appInfoError: AppError | null;
  /** Set when "Show data folder" could not open the file manager, so the dialog says so beside the path. */
  dataFolderNotShown: boolean;
  /** Opening reads the app's facts; Help › About, Settings and the keyboard all come here. */
  setAboutOpen(open: boolean): void;
  showDataFolder(): Promise<void>;
}

export const createAboutSlice: SliceCreator<AboutSlice> = (set, get, { api }) => ({
  aboutOpen: false,
  appInfo: null,
  appInfoError: null,
  dataFolderNotShown: false,

  setAboutOpen(open) {
    set({ aboutOpen: open, dataFolderNotShown: false });
    if (!open) return;
    void api.app.info().then((result) => {
      if (result.ok) set({ appInfo: result.value, appInfoError: null });
      else set({ appInfoError: result.error });
    });
  },

  async showDataFolder() {
    if (!get().appInfo?.canShowDataFolder) return;
    const shown = await api.files.showDataFolder();
    set({ dataFolderNotShown: !shown });
  },
});
