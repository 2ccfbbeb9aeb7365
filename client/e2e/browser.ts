import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, never a downloaded browser. The flags keep it from reaching for the network
 * (this machine has none) and let it run as root in CI; playwright gives it a fresh profile.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
