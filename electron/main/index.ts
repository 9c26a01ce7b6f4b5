// Electron main: starts the core, wires IPC, opens the window. Holds the key only inside the core; no business rules here.

import { BrowserWindow, app, dialog, net, session } from 'electron';
import { readCoreConfig } from '../core/config';
import { createCore, type Core } from '../core/core';
import { installCrashGuard } from '../core/crash-guard';
import { createLogger } from '../core/logger';
import { createRouter } from '../core/router';
import { AppFailure } from '../../shared/result';
import { registerIpc } from './ipc';
import { createMainWindow, isOwnPage } from './window';

app.enableSandbox();

let core: Core | null = null;
const logger = createLogger();
installCrashGuard(logger);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    // A second launch focuses the running window instead of opening a second database writer.
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.whenReady().then(() => {
    const env = { ...process.env };
    // The in-memory key store exists for tests; a packaged app always uses the OS keychain.
    if (app.isPackaged) delete env.SWITCHBOARD_SECRET_STORE;
    env.SWITCHBOARD_PROFILE_DIR ??= app.getPath('userData');
    const config = readCoreConfig(env, app.getVersion());

    try {
      core = createCore(config, {
        logger,
        transport: 'electron',
        fetch: (input, init) => net.fetch(input as string, init),
      });
    } catch (error) {
      logger.error('cannot start', error);
      dialog.showErrorBox(
        'Switchboard cannot start',
        error instanceof AppFailure ? error.message : 'An unexpected error stopped Switchboard from starting.',
      );
      app.quit();
      return;
    }

    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    registerIpc(createRouter(core, logger), isOwnPage);
    createMainWindow();
  });

  app.on('window-all-closed', () => {
    core?.close();
    app.quit();
  });
}
