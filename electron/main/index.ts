// Electron main: starts the core, wires IPC, opens the window. Holds the key only inside the core; no business rules here.

import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  Notification,
  app,
  dialog,
  ipcMain,
  nativeTheme,
  net,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
// CommonJS: its named exports reach an ES module only through the default one.
import electronUpdater from 'electron-updater';
import { createCore, type Core } from '../core/core';
import { installCrashGuard } from '../core/crash-guard';
import { createLogger } from '../core/logger';
import { type ProfileLock, acquireProfileLock } from '../core/profile-lock';
import { createRouter } from '../core/router';
import { createShutdown } from '../core/shutdown';
import { readStaticFile } from '../core/static-files';
import { AppFailure } from '../../shared/result';
import { buildAppMenuTemplate } from './app-menu';
import { appScheme, appSchemePrivileges, createAppSchemeHandler } from './app-scheme';
import { createCommandSender } from './command-sender';
import { buildContextMenuTemplate } from './context-menu';
import { broadcastCoreEvents, registerIpc, type RegisteredIpc } from './ipc';
import { registerFileTransfer } from './file-transfer';
import { type LaunchSettings, readLaunchSettings } from './launch-settings';
import { guardWebContents } from './navigation-guard';
import { followThemePreference } from './native-theme';
import { followPreferences } from './follow-preferences';
import { type NotificationRequest, createReplyNotifier } from './reply-notifier';
import { originOf } from './origin';
import { createSenderCheck } from './sender-check';
import { closeWhileReplyingPrompt, guardUnload } from './unload-guard';
import { restartPrompt, startUpdates } from './updates';
import { createMainWindow, minimumWindowSize } from './window';
import { sidebarWidthHandlers } from './sidebar-width';
import {
  type SidebarWidthKeeper,
  parseWindowPlaces,
  placeFor,
  restoreWindowState,
  trackWindowState,
  windowStateFileName,
} from './window-state';

const rendererDir = join(import.meta.dirname, '../renderer');

// Both must happen before `ready`.
protocol.registerSchemesAsPrivileged(appSchemePrivileges);
app.enableSandbox();

const logger = createLogger();
installCrashGuard(logger);

function cannotStart(error: unknown): void {
  logger.error('cannot start', error);
  dialog.showErrorBox(
    'Switchboard cannot start',
    error instanceof AppFailure ? error.message : 'An unexpected error stopped Switchboard from starting.',
  );
  app.exit(1);
}

/** Notifications shown and not yet clicked or closed: held, so they are not collected before their click arrives. */
const liveNotifications = new Set<Notification>();

function showNotification(request: NotificationRequest): void {
  const notification = new Notification({ title: request.title, body: request.body });
  liveNotifications.add(notification);
  notification.on('click', () => {
    liveNotifications.delete(notification);
    request.onClick();
  });
  notification.on('close', () => liveNotifications.delete(notification));
  notification.show();
}

/**
 * The window where it was last (on a display that still exists), its state kept as it moves; returns the keeper of
 * its place, which also keeps the page's sidebar width per arrangement of displays.
 */
function openMainWindow(settings: LaunchSettings): SidebarWidthKeeper {
  const stateFile = join(settings.config.profileDir, windowStateFileName);
  let text: string | null = null;
  try {
    text = readFileSync(stateFile, 'utf8');
  } catch {
    // First start, or the file was removed: the default, centred.
  }
  const places = parseWindowPlaces(text);
  const displays = screen.getAllDisplays();
  const state = restoreWindowState(placeFor(places, displays), displays, screen.getPrimaryDisplay(), minimumWindowSize);
  const window = createMainWindow(settings.entryUrl, state);
  return trackWindowState(window, {
    places,
    displays: () => screen.getAllDisplays(),
    write: (contents) => {
      writeFileSync(`${stateFile}.tmp`, contents);
      renameSync(`${stateFile}.tmp`, stateFile);
    },
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
    onError: (error) => logger.warn(`could not keep the window's place: ${String(error)}`),
  });
}

function start(settings: LaunchSettings): void {
  let core: Core | null = null;
  let ipc: RegisteredIpc | null = null;
  let profileLock: ProfileLock | null = null;
  const isOwnPage = (url: string) => originOf(url) === settings.trustedOrigin;

  // Every web contents, the window's and any other, gets the same guard the moment it exists.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { shell, isOwnPage, logger });
    contents.on('context-menu', (_event, params) => {
      const template = buildContextMenuTemplate(params, {
        replaceMisspelling: (word) => contents.replaceMisspelling(word),
        addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
      });
      Menu.buildFromTemplate(template).popup();
    });
    guardUnload(contents, () => {
      const prompt = closeWhileReplyingPrompt;
      const choice = dialog.showMessageBoxSync({
        type: 'question',
        message: prompt.message,
        detail: prompt.detail,
        buttons: [prompt.closeButton, prompt.keepButton],
        defaultId: 1,
        cancelId: 1,
      });
      return choice === 0;
    });
  });

  app.on('second-instance', () => {
    // A second launch focuses the running window instead of opening a second database writer.
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.whenReady().then(() => {
    try {
      // One process per profile, across the web host and the desktop app, before the database is opened.
      profileLock = acquireProfileLock(settings.config.profileDir, { owner: 'desktop app' });
      core = createCore(settings.config, {
        logger,
        transport: 'electron',
        fetch: (input, init) => net.fetch(input as string, init),
      });
    } catch (error) {
      cannotStart(error);
      return;
    }
    protocol.handle(
      appScheme,
      createAppSchemeHandler({ rendererDir, readStaticFile, attachments: core.attachments, logger }),
    );
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    let windowKeeper: SidebarWidthKeeper | null = null;
    const router = createRouter(
      core,
      logger,
      sidebarWidthHandlers({ keeper: () => windowKeeper, core: core.preferences }),
    );
    const senderCheck = createSenderCheck(settings.trustedOrigin, logger);
    void followThemePreference(nativeTheme, core.preferences);
    const sendCommand = createCommandSender({
      focused: () => BrowserWindow.getFocusedWindow(),
      all: () => BrowserWindow.getAllWindows(),
      isTrustedSender: senderCheck,
    });
    const notifier = createReplyNotifier({
      isWindowFocused: () => BrowserWindow.getFocusedWindow() !== null,
      isSupported: () => Notification.isSupported(),
      show: showNotification,
      setBadgeCount: (count) => void app.setBadgeCount(count),
      openConversation: (conversationId) => {
        const [window] = BrowserWindow.getAllWindows();
        if (!window) return;
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
        sendCommand({ type: 'open-conversation', conversationId }, window);
      },
    });
    void followPreferences(core.preferences, (next) => notifier.setEnabled(next.notifications));
    app.on('browser-window-focus', () => notifier.windowFocused());
    ipc = registerIpc(ipcMain, router, senderCheck, logger, () => notifier.watchTurn());
    broadcastCoreEvents(router, () => BrowserWindow.getAllWindows().map((window) => window.webContents), senderCheck);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildAppMenuTemplate({
          platform: process.platform,
          appName: app.name,
          development: !app.isPackaged,
          send: (command, window) => void sendCommand(command, window),
        }),
      ),
    );
    const portability = core.portability;
    const backupFolder = core.backupFolder;
    registerFileTransfer({
      ipcMain,
      dialogs: {
        showSaveDialog: (options) => dialog.showSaveDialog(options),
        showOpenDialog: (options) => dialog.showOpenDialog(options),
        openPath: (path) => shell.openPath(path),
      },
      fs: {
        createReadStream: (path) => createReadStream(path),
        createWriteStream: (path) => createWriteStream(path),
        size: async (path) => (await stat(path)).size,
        remove: (path) => rm(path, { force: true }),
      },
      jobs: {
        openExport: (jobId) => portability.openExport(jobId),
        runImport: (jobId, bytes) => portability.runImport(jobId, bytes),
        cancel: (jobId) => portability.cancel(jobId),
      },
      attachments: core.attachments,
      backupFolder: () => backupFolder,
      dataFolder: () => settings.config.profileDir,
      isTrustedSender: senderCheck,
      logger,
    });
    windowKeeper = openMainWindow(settings);
    startUpdates({
      packaged: app.isPackaged,
      // electron-builder writes it only when electron-builder.yml's `publish` names a feed.
      feedConfigured: existsSync(join(process.resourcesPath, 'app-update.yml')),
      updater: () => electronUpdater.autoUpdater,
      askToRestart: async (version) => {
        const prompt = restartPrompt(version);
        const { response } = await dialog.showMessageBox({
          type: 'question',
          message: prompt.message,
          detail: prompt.detail,
          buttons: [prompt.restartButton, prompt.laterButton],
          defaultId: 0,
          cancelId: 1,
        });
        return response === 0;
      },
      setInterval: (run, ms) => setInterval(run, ms),
      clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout),
      logger,
    });
  }, cannotStart);

  const shutdown = createShutdown({
    stopTransport: () => ipc?.abortStreams(),
    settled: () => core?.chat.settled() ?? Promise.resolve(),
    closeDatabase: () => core?.close(),
    releaseProfile: () => profileLock?.release(),
    logger,
  });
  let shutDown = false;
  app.on('before-quit', (event) => {
    if (shutDown) return;
    // Quit waits for the same shutdown the web host runs: replies saved, cost lookups landed, database closed.
    event.preventDefault();
    void shutdown().finally(() => {
      shutDown = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  try {
    start(
      readLaunchSettings(process.env, {
        packaged: app.isPackaged,
        version: app.getVersion(),
        userDataDir: app.getPath('userData'),
      }),
    );
  } catch (error) {
    void app.whenReady().then(() => cannotStart(error));
  }
}
