// Chromium for the browser tests and the benchmark, found without anything installed by hand.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where the browser came from, so that a failing run can say which one it used. */
export interface ChromiumBinary {
  executablePath: string;
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

// Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
const QUIET_HEADLESS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * CHROMIUM_PATH first, then the system's Chromium (Debian's package), then the Chromium that
 * @sparticuz/chromium ships inside its npm package (unpacked to the temp dir on first use; no install script),
 * so that `npm install && npm test` needs no browser on the machine.
 */
export async function findChromium(): Promise<ChromiumBinary> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH points to ${configured}, which does not exist`);
    return { executablePath: configured, source: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  if (system) return { executablePath: system, source: 'system' };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { executablePath: await packaged.executablePath(), source: '@sparticuz/chromium' };
}

/** `debuggingPort`: also open the DevTools protocol on that port, for tools that drive Chromium themselves (Lighthouse). */
export async function launchChromium({ debuggingPort }: { debuggingPort?: number } = {}): Promise<Browser> {
  const binary = await findChromium();
  // The packaged build is a headless shell without a zygote of its own and renders with SwiftShader.
  const packagedArgs = binary.source === '@sparticuz/chromium' ? ['--no-zygote', '--use-gl=angle', '--use-angle=swiftshader'] : [];
  const portArgs = debuggingPort ? [`--remote-debugging-port=${debuggingPort}`] : [];
  return chromium.launch({ executablePath: binary.executablePath, args: [...QUIET_HEADLESS, ...packagedArgs, ...portArgs] });
}
