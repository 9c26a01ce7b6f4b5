// Readies the folder Electron runs the app from (see electron-natives.ts) and prints its path as the last line.
// `npm start` and the end-to-end Electron host use it. Usage: tsx build/native/prepare-electron-app.ts

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prepareElectronApp } from './electron-natives';

const projectRoot = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(projectRoot, 'node_modules/electron/package.json'), 'utf8')) as {
  version: string;
};
const appDir = await prepareElectronApp(projectRoot, {
  electronVersion: version,
  platform: process.platform,
  arch: process.arch,
});
console.log(appDir);
