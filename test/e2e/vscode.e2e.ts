/**
 * The packaged extension in a real VS Code (code-server) on a copy of examples/, driven like a
 * user would: Problems panel, status bar, colours, hover, go to definition into a catalog page,
 * the SoA coverage list, a quick fix through Ctrl+. and completion through Ctrl+Space.
 * Screenshots of each step go to test/output/e2e/. Run with `npm run test:e2e`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ROOT, openWorkbench, packageExtension, setUpTools, startCodeServer, type CodeServer, type Workbench } from './code-server.js';
import { WAIT, workbenchActions, type WorkbenchActions } from './workbench-actions.js';


let server: CodeServer | undefined;
let workbench: Workbench | undefined;
let page: Page;

beforeAll(async () => {
    setUpTools();
    const vsix = packageExtension();
    // The README's example findings hold for this date.
    server = await startCodeServer({ vsix, workspace: join(ROOT, 'examples'), workspaceSettings: { 'aims.today': '2026-11-28' } });
    workbench = await openWorkbench(server);
    page = workbench.page;
    actions = workbenchActions(page);
});

afterEach(async context => {
    if (context.task.result?.state === 'fail' && page) {
        await screenshot(`failed-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
    }
});

afterAll(async () => {
    await workbench?.close();
    await server?.stop();
});

let actions: WorkbenchActions;
const screenshot = (name: string) => actions.screenshot(name);
const openFile = (name: string) => actions.openFile(name);
const goToLine = (line: number) => actions.goToLine(line);
const runCommand = (title: string) => actions.runCommand(title);
const token = (text: string) => actions.token(text);
const untilVisible = (target: Locator, trigger: () => Promise<void>) => actions.untilVisible(target, trigger);

/** The class Monaco gave a token (`mtk<n>`, one per theme colour) and the colour it is drawn in. */
async function colourOf(locator: Locator): Promise<{ className: string; color: string }> {
    // The callback runs in the page; this project's TypeScript setup has no DOM types.
    return locator.evaluate(element => {
        const view = (element.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { color: string } });
        return { className: element.className, color: view.getComputedStyle(element).color };
    });
}

function lineNumberOf(file: string, needle: string): number {
    const lines = readFileSync(join(server!.folder, file), 'utf8').split('\n');
    const index = lines.findIndex(line => line.includes(needle));
    if (index < 0) throw new Error(`'${needle}' is not in ${file}`);
    return index + 1;
}

describe('VS Code extension in code-server', () => {
    test('the Problems panel shows the example findings and the status bar the SoA count', async () => {
        await openFile('soa.aims');
        await page.keyboard.press('Control+Shift+M');
        // The example has findings in many files, more rows than the panel shows: filter by rule
        // code, as a user would, so the row is rendered.
        const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
        await filter.waitFor(WAIT);
        await filter.fill('aims/implemented-without-evidence');
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'aims/implemented-without-evidence' });
        await row.waitFor(WAIT);
        expect(await row.innerText()).toContain('A.3.3 is implemented but links no evidence');
        await filter.fill('aims/evidence-expiring');
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'aims/evidence-expiring' }).waitFor(WAIT);
        await filter.fill('');

        const status = page.locator('.statusbar-item', { hasText: /SoA \d+\/\d+/ });
        await status.waitFor(WAIT);
        await expect.poll(() => status.innerText(), { timeout: WAIT.timeout }).toContain('SoA 38/38');
        await screenshot('01-problems-and-status-bar');
    });

    test('keywords and comments are coloured by the TextMate grammar', async () => {
        const keyword = token('applicable');
        await keyword.waitFor(WAIT);
        const plain = await colourOf(page.locator('.editor-instance .view-lines .view-line span span.mtk1').first());
        const colour = await colourOf(keyword);
        // Default Dark Modern draws keyword.control in #C586C0.
        expect(colour.color).toBe('rgb(197, 134, 192)');
        expect(colour.color).not.toBe(plain);
        expect(colour.className).toMatch(/^mtk\d+/);
        // ... and comments in #6A9955.
        const comment = page.locator('.editor-instance .view-lines .view-line span span').filter({ hasText: /^\/\/\s/ }).first();
        expect((await colourOf(comment)).color).toBe('rgb(106, 153, 85)');
    });

    test('hovering a control id shows its catalog title', async () => {
        await goToLine(lineNumberOf('soa.aims', 'control A.3.3'));
        const id = token('A.3.3');
        await id.waitFor(WAIT);
        await id.hover();
        const hover = page.locator('.monaco-hover', { hasText: 'Reporting of concerns' });
        await hover.waitFor(WAIT);
        await screenshot('02-hover');
        await page.keyboard.press('Escape');
    });

    test('go to definition on a control id opens the read-only Annex A catalog page', async () => {
        await token('A.3.3').click();
        await page.keyboard.press('F12');
        await page.locator('.tabs-container .tab.active', { hasText: 'annex-a.aims' }).waitFor(WAIT);
        await page.locator('.editor-instance .view-lines', { hasText: 'Reporting of concerns' }).first().waitFor(WAIT);
        await screenshot('03-catalog-page');
        await page.keyboard.press('Control+W');
        await page.locator('.tabs-container .tab.active', { hasText: 'soa.aims' }).waitFor(WAIT);
    });

    test('clicking the status bar item lists the SoA coverage', async () => {
        await page.locator('.statusbar-item', { hasText: /SoA \d+\/\d+/ }).click();
        const title = page.locator('.quick-input-widget .quick-input-title', { hasText: 'SoA coverage' });
        await title.waitFor(WAIT);
        expect(await title.innerText()).toContain('38/38 decided');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'A.2.2' }).first().waitFor(WAIT);
        await screenshot('04-soa-coverage');
        // The one implemented control of the example without evidence, found by typing in the filter.
        await page.keyboard.type('A.3.3');
        const unproven = page.locator('.quick-input-list .monaco-list-row', { hasText: 'A.3.3' }).first();
        await unproven.waitFor(WAIT);
        expect(await unproven.innerText()).toContain('no evidence');
        await page.keyboard.press('Escape');
    });

    test('the NIST AI RMF coverage command lists subcategories and opens them as a Markdown table', async () => {
        await runCommand('AIMS: Show NIST AI RMF Coverage');
        const title = page.locator('.quick-input-widget .quick-input-title', { hasText: 'NIST AI RMF coverage' });
        await title.waitFor(WAIT);
        expect(await title.innerText()).toMatch(/3\/72 covered · 55 partly · 14 not covered/);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: /(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+/ }).first().waitFor(WAIT);
        await screenshot('05-nist-coverage-list');
        await page.locator('.quick-input-widget .quick-input-titlebar [aria-label="Open as Markdown"]').click();
        const preview = page.locator('.tabs-container .tab.active', { hasText: 'Preview NIST AI RMF coverage.md' });
        await preview.waitFor(WAIT);
        // The rendered table lives in the preview's webview iframe.
        const table = page.frameLocator('iframe.webview').frameLocator('iframe').locator('table');
        await table.locator('th', { hasText: 'Implemented controls (chain)' }).waitFor(WAIT);
        expect(await table.locator('tbody tr').count()).toBe(72);
        await screenshot('05-nist-coverage-markdown');
        await page.keyboard.press('Control+W');
        await preview.waitFor({ ...WAIT, state: 'detached' });
        await openFile('soa.aims');
    });

    test('"AIMS: Open Report" shows the workspace report in a webview', async () => {
        await runCommand('AIMS: Open Report');
        const tab = page.locator('.tabs-container .tab.active', { hasText: 'AIMS Report' });
        await tab.waitFor(WAIT);
        const report = page.frameLocator('iframe.webview').frameLocator('iframe').locator('body');
        await report.getByText('Northwind', { exact: false }).first().waitFor(WAIT);
        await screenshot('06-report');
        await page.keyboard.press('Control+W');
        await tab.waitFor({ ...WAIT, state: 'detached' });
        await openFile('soa.aims');
    });

    test('the editor title of an .aims file has the report and SoA coverage buttons; the report follows the dark theme', async () => {
        const reportButton = page.locator('.editor-actions [aria-label="Open Report"]');
        await reportButton.waitFor(WAIT);
        await page.locator('.editor-actions [aria-label="Show Statement of Applicability Coverage"]').waitFor(WAIT);
        await screenshot('10-editor-title-buttons');
        await reportButton.click();
        const tab = page.locator('.tabs-container .tab.active', { hasText: 'AIMS Report' });
        await tab.waitFor(WAIT);
        const body = page.frameLocator('iframe.webview').frameLocator('iframe').locator('body');
        await body.getByText('Northwind', { exact: false }).first().waitFor(WAIT);
        // Default Dark Modern: the webview body carries vscode-dark and the report takes the editor's background.
        const look = await body.evaluate((element: any) => {
            const style = element.ownerDocument.defaultView.getComputedStyle(element);
            return { classes: String(element.className), background: String(style.backgroundColor), color: String(style.color) };
        });
        expect(look.classes).toContain('vscode-dark');
        const lightness = (rgb: string) => { const [r, g, b] = rgb.match(/\d+/g)!.map(Number); return 0.299 * r + 0.587 * g + 0.114 * b; };
        expect(lightness(look.background)).toBeLessThan(60);
        expect(lightness(look.color)).toBeGreaterThan(180);
        await screenshot('11-report-dark');
        await page.keyboard.press('Control+W');
        await tab.waitFor({ ...WAIT, state: 'detached' });
        await openFile('soa.aims');
    });

    test('a rule code in the Problems panel is a link to the rule\'s page', async () => {
        await page.keyboard.press('Control+Shift+M');
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'aims/review-overdue' }).first();
        await row.waitFor(WAIT);
        // With a codeDescription VS Code renders the code as a link, and there is no source before it.
        const link = row.locator('a', { hasText: 'aims/review-overdue' }).first();
        await link.waitFor(WAIT);
        expect(await row.innerText()).not.toContain('aims(aims/');
        await link.click();
        const preview = page.locator('.tabs-container .tab.active', { hasText: 'review-overdue.md' });
        await preview.waitFor(WAIT);
        const rendered = page.frameLocator('iframe.webview').frameLocator('iframe').locator('body');
        await rendered.locator('h1', { hasText: 'aims/review-overdue' }).waitFor(WAIT);
        expect(await rendered.innerText()).toContain('Review it and record the next review date.');
        await screenshot('12-rule-page');
        await page.keyboard.press('Control+W');
        await preview.waitFor({ ...WAIT, state: 'detached' });
        await openFile('soa.aims');
    });

    test('the quick fix for "implemented without evidence" links and declares new evidence', async () => {
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'aims/implemented-without-evidence' });
        // Double-click: open the file at the finding with the focus in the editor, as a user would.
        await row.dblclick();
        await page.locator('.editor-instance .monaco-editor.focused').waitFor(WAIT);
        await page.keyboard.press('Control+.');
        const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Link new evidence' });
        await action.waitFor(WAIT);
        await screenshot('07-quick-fix-menu');
        await action.click();
        await page.keyboard.press('Control+S');
        const file = join(server!.folder, 'soa.aims');
        await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 30_000 }).toMatch(/control A\.3\.3 applicable[^{]*\{[^}]*evidence ev-a-3-3/);
        expect(readFileSync(file, 'utf8')).toMatch(/evidence ev-a-3-3 "Evidence for A\.3\.3 Reporting of concerns" \{/);
        await row.waitFor({ ...WAIT, state: 'detached' });
        await screenshot('08-after-quick-fix');
    });

    test('completion after typing offers Annex A control ids with titles', async () => {
        await goToLine(lineNumberOf('soa.aims', 'control A.3.3'));
        await page.keyboard.press('Home');
        await page.keyboard.press('Enter');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.type('control A.6');
        const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'A.6.2.4' });
        await untilVisible(suggestion, () => page.keyboard.press('Control+Space'));
        await screenshot('09-completion');
        const labels = await page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
        expect(labels.length).toBeGreaterThan(1);
        expect(labels.every(label => label.startsWith('A.6.'))).toBe(true);
        await page.keyboard.press('Escape');
    });

    test('after "AIMS: Restart Language Server" the findings and the SoA count come back', async () => {
        await runCommand('AIMS: Restart Language Server');
        await page.locator('.statusbar-item', { hasText: 'AIMS language server restarted' }).waitFor(WAIT);
        await page.keyboard.press('Control+Shift+M');
        const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
        await filter.waitFor(WAIT);
        await filter.fill('aims/review-overdue');
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'aims/review-overdue' }).first().waitFor(WAIT);
        await filter.fill('');
        // The new server answers the coverage request.
        await page.locator('.statusbar-item', { hasText: 'SoA 38/38' }).click();
        await page.locator('.quick-input-widget .quick-input-title', { hasText: 'SoA coverage: 38/38 decided' }).waitFor(WAIT);
        await page.keyboard.press('Escape');
    });
});
