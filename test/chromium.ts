/** Debian's Chromium, installed by `npm test`'s pretest step (scripts/ensure-debian-packages.mjs). */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a headless run as root on a machine with no GPU and no network beyond the package registries. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
