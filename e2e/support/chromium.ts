// Test and benchmark support: the one Chromium every browser test and benchmark drives — Debian's, never a
// downloaded build — and the flags it needs on a machine with no network but loopback.

export const chromiumExecutable = process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium';

/** Without the networking flags Chromium keeps dialing Google services this machine cannot reach. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
