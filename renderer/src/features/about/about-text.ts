// Renderer: the About dialog's lines about what runs the app. In the desktop app that is Electron's own versions; on
// the web host the page runs in whatever browser opened it, so it names the browser (its user agent) and the host's
// Node, and says "web host" rather than pretending to be the desktop app.

import type { AppInfo } from '../../../../shared/domain';

export interface AboutLine {
  label: string;
  value: string;
}

export function runtimeLines(info: Pick<AppInfo, 'transport' | 'runtime'>, userAgent: string): AboutLine[] {
  const { electron, chromium, node } = info.runtime;
  if (info.transport === 'electron') {
    return [
      { label: 'Runs in', value: 'the desktop app' },
      { label: 'Electron', value: electron ?? 'unknown' },
      { label: 'Chromium', value: chromium ?? 'unknown' },
      { label: 'Node.js', value: node },
    ];
  }
  return [
    { label: 'Runs in', value: 'the web host (this browser, served from this computer)' },
    { label: 'Browser', value: userAgent },
    { label: 'Host’s Node.js', value: node },
  ];
}
