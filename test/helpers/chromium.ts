/**
 * Where a Chromium is, found the way users have one: `CHROMIUM_PATH`, the distribution's
 * packages, Google Chrome, or a browser that Playwright downloaded. Browser tests skip when none
 * exists, so `npm test` passes on a bare machine; `AIMS_REQUIRE_BROWSER=1` (set by `.ci/run`)
 * turns that skip into a failure, so CI always runs them.
 */
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Flags for a closed network: no GPU, no sandbox (tests may run as root), no background chatter. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'];

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** `~/.cache/ms-playwright/chromium-<build>/chrome-linux*\/chrome`, newest build first. */
function playwrightChromium(): string[] {
    const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
    if (!existsSync(cache)) return [];
    return readdirSync(cache)
        .filter(name => /^chromium-\d+$/.test(name))
        .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]))
        .flatMap(name => ['chrome-linux64', 'chrome-linux'].map(dir => join(cache, name, dir, 'chrome')));
}

/** The places looked at, in order. */
export function chromiumCandidates(): string[] {
    return [process.env.CHROMIUM_PATH, ...SYSTEM_PATHS, ...playwrightChromium()].filter((p): p is string => !!p);
}

/** An executable regular file (after links): a leftover path or an empty stand-in does not count. */
function isExecutable(path: string): boolean {
    try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
    } catch {
        return false;
    }
}

/** The first Chromium that can run, or undefined. */
export function findChromium(): string | undefined {
    return chromiumCandidates().find(isExecutable);
}

export const CHROMIUM: string | undefined = findChromium();

/** Whether a missing browser must fail the run instead of skipping its tests. */
export function browserRequired(): boolean {
    return /^(1|true|yes)$/i.test(process.env.AIMS_REQUIRE_BROWSER ?? '');
}

/** The one line printed when browser tests are skipped. */
export const BROWSER_SKIP_NOTICE = 'Browser tests skipped: no Chromium found (CHROMIUM_PATH, /usr/bin/chromium, '
    + 'chromium-browser, google-chrome, Playwright\'s cache). Enable them with `sudo apt-get install -y chromium` '
    + 'or CHROMIUM_PATH=/path/to/chrome.';
