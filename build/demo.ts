// `npm run demo`: the local OpenRouter fake plus the app on the loopback web host — try Switchboard without a real key.
// History lives in .profile/demo; on a machine without a desktop keyring the key goes to a private demo keyring.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, runStep, startAndWaitFor, stopWithParent } from './processes';

const profileDir = process.env.SWITCHBOARD_PROFILE_DIR ?? join(projectRoot, '.profile/demo');

// keytar needs a Secret Service; without a desktop session, re-run this script inside a private keyring session.
if (
  process.platform === 'linux' &&
  !process.env.DBUS_SESSION_BUS_ADDRESS &&
  !process.env.SWITCHBOARD_KEYRING_SESSION &&
  existsSync('/usr/bin/dbus-run-session')
) {
  runStep('bash', [
    join(projectRoot, 'build/with-keyring.sh'),
    join(projectRoot, '.profile/demo-keyring'),
    process.execPath,
    '--import',
    'tsx',
    join(projectRoot, 'build/demo.ts'),
  ]);
  process.exit(0);
}

mkdirSync(profileDir, { recursive: true });
console.log('Building the app…');
runStep('npx', ['electron-vite', 'build', '--logLevel', 'warn']);

const fake = await startAndWaitFor('e2e/fake-openrouter/cli.ts', /fake OpenRouter listening at (\S+)/, process.env);
const host = await startAndWaitFor('electron/web/cli.ts', /Switchboard web host listening at (\S+)/, {
  ...process.env,
  OPENROUTER_BASE_URL: fake.value,
  SWITCHBOARD_PROFILE_DIR: profileDir,
});
stopWithParent([fake.child, host.child]);

console.log(`
Switchboard demo: the app is talking to a local OpenRouter fake at ${fake.value}

  Open  ${host.value}

Paste any key of the form sk-or-v1- followed by 64 hex digits, for example
  sk-or-v1-${'0123456789abcdef'.repeat(4)}
History is kept in ${profileDir}: stop with Ctrl+C, run "npm run demo" again, and it is still there.
`);
