import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium: Playwright's own browser download is not reachable from CI. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** How long a click or a wait for an element may take on a busy machine before the test fails. */
const ACTION_MS = 10_000;
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'dashboard');

export interface Browser {
  page: Page;
  /** Saves a PNG of the whole page to test-results/dashboard/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Headless Chromium with a profile of its own, thrown away on close. */
export async function openBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'voltstream-chromium-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(ACTION_MS);
  return {
    page,
    screenshot: async (name) => void (await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
