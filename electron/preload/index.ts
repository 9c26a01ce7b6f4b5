// Electron preload (sandboxed renderer, bundled to one CommonJS file): exposes DesktopApi as window.api and the
// desktop shell's commands as window.shell, nothing more.

import { contextBridge, ipcRenderer } from 'electron';
import { type DesktopApi, type Transport, createDesktopApi } from '../../shared/api';
import type { ChannelInput, RequestChannel } from '../../shared/ipc';
import { type CoreEvent, coreEventChannel } from '../../shared/core-events';
import { fileChannels } from '../../shared/file-channels';
import type { PortCancelFrame, PortFrame } from '../../shared/port-protocol';
import type { FileTransfer } from '../../shared/portability';
import { type DesktopShell, type ShellCommand, shellCommandChannel } from '../../shared/shell-commands';
import { type AttachmentTransport, attachmentPath, desktopAttachmentPrefix } from '../../shared/attachments';

const transport: Transport = {
  invoke: (channel: RequestChannel, input: ChannelInput<RequestChannel>) => ipcRenderer.invoke(channel, input),

  stream(channel, input, onEvent) {
    const { port1, port2 } = new MessageChannel();
    let settle: () => void = () => {};
    const finished = new Promise<void>((resolve) => (settle = resolve));
    port1.onmessage = (message: MessageEvent<PortFrame>) => {
      if ('end' in message.data) {
        port1.close();
        settle();
      } else {
        onEvent(message.data.event);
      }
    };
    ipcRenderer.postMessage(channel, input, [port2]);
    return {
      // Main aborts the upstream request and still sends the stopped message before its end marker.
      cancel: () => port1.postMessage({ cancel: true } satisfies PortCancelFrame),
      finished,
    };
  },

  subscribe(listener) {
    const forward = (_event: unknown, payload: CoreEvent) => listener(payload);
    ipcRenderer.on(coreEventChannel, forward);
    return () => ipcRenderer.removeListener(coreEventChannel, forward);
  },
};

// Main shows the dialogs and picks every path; the page holds only a handle for a file main chose.
const files: FileTransfer = {
  saveExport: (ticket) => ipcRenderer.invoke(fileChannels.saveExport, ticket),
  chooseImportFile: () => ipcRenderer.invoke(fileChannels.chooseImport),
  sendImport: (jobId, file) => ipcRenderer.invoke(fileChannels.sendImport, { jobId, handle: file.handle }),
  showFolder: (path) => ipcRenderer.invoke(fileChannels.showFolder, { path }),
  showDataFolder: () => ipcRenderer.invoke(fileChannels.showDataFolder),
};

// Bytes go to main over IPC (a Uint8Array crosses the bridge as is); main's app:// scheme serves them back by id.
const attachments: AttachmentTransport = {
  add: (file) => ipcRenderer.invoke(fileChannels.addAttachment, { name: file.name, bytes: file.bytes }),
  url: (id, variant) => attachmentPath(desktopAttachmentPrefix, id, variant),
};

const api = createDesktopApi(transport, files, attachments) satisfies DesktopApi;
contextBridge.exposeInMainWorld('api', api);

// The menu's and notifications' commands, main to page only (the page runs them as its own shortcuts).
const shell: DesktopShell = {
  onCommand(listener) {
    const forward = (_event: unknown, command: ShellCommand) => listener(command);
    ipcRenderer.on(shellCommandChannel, forward);
    return () => ipcRenderer.removeListener(shellCommandChannel, forward);
  },
};
contextBridge.exposeInMainWorld('shell', shell);
