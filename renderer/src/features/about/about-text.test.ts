import { describe, expect, it } from 'vitest';
import { runtimeLines } from './about-text';

const runtime = { node: '22.20.0', electron: '45.4.1', chromium: '142.0.7444.0' };

describe('runtimeLines', () => {
  it("names Electron's, Chromium's and Node's versions in the desktop app", () => {
    expect(runtimeLines({ transport: 'electron', runtime }, 'Mozilla/5.0 (ignored)')).toEqual([
      { label: 'Runs in', value: 'the desktop app' },
      { label: 'Electron', value: '45.4.1' },
      { label: 'Chromium', value: '142.0.7444.0' },
      { label: 'Node.js', value: '22.20.0' },
    ]);
  });

  it('says "web host" and names the browser and the host’s Node, never an Electron that is not there', () => {
    const lines = runtimeLines(
      { transport: 'web', runtime: { node: '22.20.0', electron: null, chromium: null } },
      'Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0.0.0',
    );
    expect(lines).toEqual([
      { label: 'Runs in', value: 'the web host (this browser, served from this computer)' },
      { label: 'Browser', value: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0.0.0' },
      { label: 'Host’s Node.js', value: '22.20.0' },
    ]);
    expect(lines.map((line) => line.label)).not.toContain('Electron');
  });
});
