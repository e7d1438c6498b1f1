/**
 * Headless Chromium (found by test/helpers/chromium.ts, driven by playwright-core) for looking
 * at reports the way a reader does. Every network request is refused and recorded, so a test can
 * assert that a report needs none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';

/** `it` for a test that needs a browser: skipped (with one notice from the global setup) when there is none. */
export const itInBrowser = CHROMIUM ? it : it.skip;

export interface OpenedPage {
    page: Page;
    /** URLs the page tried to fetch (all refused). */
    requests: string[];
    /** Messages of alert/confirm/prompt dialogs the page opened. */
    dialogs: string[];
    /** Console errors and uncaught page errors. */
    errors: string[];
}

/** Open `html` in a fresh browser, run `use`, close everything. */
export async function withPage<T>(html: string, use: (opened: OpenedPage) => Promise<T>, viewport = { width: 1200, height: 900 }): Promise<T> {
    if (!CHROMIUM) {
        throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
    }
    const profile = mkdtempSync(join(tmpdir(), 'aims-report-chromium-'));
    let context: BrowserContext | undefined;
    try {
        context = await chromium.launchPersistentContext(profile, {
            executablePath: CHROMIUM,
            headless: true,
            viewport,
            args: CHROMIUM_ARGS
        });
        const page = context.pages()[0] ?? await context.newPage();
        const opened: OpenedPage = { page, requests: [], dialogs: [], errors: [] };
        await page.route('**/*', route => {
            opened.requests.push(route.request().url());
            return route.abort();
        });
        page.on('dialog', dialog => {
            opened.dialogs.push(dialog.message());
            void dialog.dismiss();
        });
        page.on('console', msg => { if (msg.type() === 'error') opened.errors.push(msg.text()); });
        page.on('pageerror', err => opened.errors.push(err.message));
        await page.setContent(html, { waitUntil: 'load' });
        return await use(opened);
    } finally {
        await context?.close();
        rmSync(profile, { recursive: true, force: true });
    }
}
