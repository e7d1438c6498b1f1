/**
 * The playground page (out/playground/index.html, built by esbuild.mjs from playground/): opened
 * from the built files in headless Chromium with every network request refused, it loads the
 * example workspace into Monaco and the web-worker language server, and a reader can type a
 * mistake and see it reported, hover an id, complete one, apply a quick fix and go to a
 * definition in a built-in catalog, as in VS Code.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';
import { itInBrowser } from '../report/report-browser.js';

const PAGE = join(fileURLToPath(new URL('../..', import.meta.url)), 'out/playground/index.html');

/** Browser-side values, typed loosely: the project's TypeScript has no DOM library. */
type Dom = any;

describe.runIf(CHROMIUM)('the playground page', () => {
    let context: BrowserContext;
    let page: Page;
    let profile: string;
    const requests: string[] = [];
    const errors: string[] = [];

    beforeAll(async () => {
        // The global set-up builds it (esbuild.mjs); a missing page is a failure, not a skip.
        expect(existsSync(PAGE), `${PAGE} was not built`).toBe(true);
        profile = mkdtempSync(join(tmpdir(), 'aims-playground-chromium-'));
        context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, args: CHROMIUM_ARGS });
        page = context.pages()[0] ?? await context.newPage();
        // Offline: the page's own files only.
        await context.route('**/*', route => {
            const url = route.request().url();
            if (url.startsWith('file://')) return route.continue();
            requests.push(url);
            return route.abort();
        });
        // Monaco rejects its own pending work with 'Canceled' when the editor switches files; the page
        // keeps those out of the console (an unhandledrejection handler), but CDP still reports them.
        page.on('pageerror', error => { if (error.message !== 'Canceled') errors.push(`${error.message} ${error.stack ?? ''}`); });
        page.on('console', message => { if (message.type() === 'error') errors.push(`${message.text()} at ${JSON.stringify(message.location())}`); });
        await page.goto(`${pathToFileURL(PAGE).href}?today=2026-11-28`);
        await page.evaluate(() => (globalThis as Dom).aimsPlayground.ready);
    }, 60_000);

    afterAll(async () => {
        await context?.close();
        rmSync(profile, { recursive: true, force: true });
    });

    /** Put the cursor just after the first `text` in `file` (and show that file). */
    const cursorAfter = (file: string, text: string) => page.evaluate(({ file, text }) => {
        const { monaco, editor, openFile } = (globalThis as Dom).aimsPlayground;
        const uri = `file:///workspace/${file}`;
        openFile(uri);
        const model = monaco.editor.getModel(monaco.Uri.parse(uri));
        const position = model.getPositionAt(model.getValue().indexOf(text) + text.length);
        editor.setPosition(position);
        editor.revealPositionInCenter(position);
        editor.focus();
        return position;
    }, { file, text });

    const problems = () => page.evaluate(() => (globalThis as Dom).document.getElementById('problem-count').textContent as string);

    itInBrowser('loads the example workspace and reports its findings, with evidence files not checked', async () => {
        // The CLI reports 8 warnings on this date; one is a missing evidence file, which a browser cannot look for.
        await page.waitForFunction(() => (globalThis as Dom).document.getElementById('problem-count').textContent === '0 errors, 7 warnings', undefined, { timeout: 30_000 });
        expect(await problems()).toBe('0 errors, 7 warnings');
        const files = await page.$$eval('#files button', buttons => buttons.map(b => (b as Dom).dataset.uri));
        expect(files).toHaveLength(15);
        const unchecked = await page.evaluate(() => [...(globalThis as Dom).aimsPlayground.diagnostics.values()].flat().filter((d: Dom) => d.code === 'aims/evidence-path-unchecked').length);
        expect(unchecked).toBeGreaterThan(0);
        await page.screenshot({ path: join(fileURLToPath(new URL('../output', import.meta.url)), 'playground.png') });
    });

    itInBrowser('reports a mistake as it is typed, and applies its quick fix', async () => {
        await cursorAfter('soa.aims', 'owner tomasz-nowak');
        await page.keyboard.type('x');
        await page.waitForFunction(() => (globalThis as Dom).document.getElementById('problem-count').textContent.startsWith('1 error'), undefined, { timeout: 20_000 });
        const marker = await page.evaluate(() => {
            const { monaco } = (globalThis as Dom).aimsPlayground;
            return monaco.editor.getModelMarkers({ resource: monaco.Uri.parse('file:///workspace/soa.aims') }).find((m: Dom) => m.severity === monaco.MarkerSeverity.Error);
        });
        expect(marker.message).toContain("'tomasz-nowakx'");
        expect(marker.message).toContain("Did you mean 'tomasz-nowak'");
        // The rule code links to its documentation, as in the Problems panel.
        expect(marker.code.value).toBe('aims/unresolved-reference');
        expect(marker.code.target.fragment).toBe('rule-unresolved-reference');
        expect(marker.code.target.path).toMatch(/\/docs\/language\.md$/);
        await page.keyboard.press('Control+.');
        const fix = page.locator('.action-widget .monaco-list-row.focused', { hasText: "Change to 'tomasz-nowak'" });
        await fix.waitFor({ timeout: 10_000 });
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => (globalThis as Dom).document.getElementById('problem-count').textContent === '0 errors, 7 warnings', undefined, { timeout: 20_000 });
        const text = await page.evaluate(() => (globalThis as Dom).aimsPlayground.editor.getModel().getValue() as string);
        expect(text).toContain('owner tomasz-nowak\n');
        expect(text).not.toContain('tomasz-nowakx');
    });

    itInBrowser('shows the catalog entry of an id on hover', async () => {
        const at = await cursorAfter('soa.aims', 'control A.6.2');
        const point = await page.evaluate((at: Dom) => {
            const { editor } = (globalThis as Dom).aimsPlayground;
            const visible = editor.getScrolledVisiblePosition(at);
            const box = editor.getDomNode().getBoundingClientRect();
            return { x: box.left + visible.left + 2, y: box.top + visible.top + visible.height / 2 };
        }, at);
        await page.mouse.move(point.x, point.y);
        const hover = page.locator('.monaco-hover-content', { hasText: 'AI system' }).first();
        await hover.waitFor({ timeout: 10_000 });
        expect(await hover.innerText()).toMatch(/A\.6\.2\.\d/);
    });

    itInBrowser('completes Annex A ids', async () => {
        await cursorAfter('soa.aims', 'owner tomasz-nowak\n');
        await page.keyboard.type('        treats ');
        await page.keyboard.press('Control+Space');
        const row = page.locator('.suggest-widget .monaco-list-row').first();
        await row.waitFor({ timeout: 10_000 });
        const labels = await page.locator('.suggest-widget .monaco-list-row .label-name').allInnerTexts();
        expect(labels.length).toBeGreaterThan(0);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+z');
    });

    itInBrowser('goes to the definition of a catalog id in the read-only catalog page', async () => {
        await cursorAfter('soa.aims', 'control A.6.2.');
        await page.keyboard.press('F12');
        await page.waitForFunction(() => (globalThis as Dom).document.getElementById('tab').textContent.startsWith('aims-catalog:'), undefined, { timeout: 10_000 });
        const shown = await page.evaluate(() => {
            const { editor } = (globalThis as Dom).aimsPlayground;
            return { line: editor.getModel().getLineContent(editor.getPosition().lineNumber) as string };
        });
        expect(shown.line).toMatch(/control A\.6\.2\.\d/);
    });

    itInBrowser('asked for nothing over the network and raised no error', () => {
        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
    });
});
