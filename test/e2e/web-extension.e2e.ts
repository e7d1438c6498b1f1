/**
 * The extension's `browser` entry (vscode.dev, github.dev) in a real VS Code: code-server is told
 * to run the extension in its web-worker extension host (`remote.extensionKind: web`), so
 * client/web-extension.ts starts and the language server runs as a web worker inside Chromium.
 * It must see the whole workspace (the files are handed to it, since a worker cannot read the
 * folder), report the example's findings without the file-system check (no missing evidence
 * file: a browser cannot look), and keep the status bar and hover working.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openWorkbench, OUTPUT, packageExtension, ROOT, setUpTools, startCodeServer, type CodeServer, type Workbench } from './code-server.js';
import { WAIT, workbenchActions, type WorkbenchActions } from './workbench-actions.js';

let server: CodeServer | undefined;
let workbench: Workbench | undefined;
let page: Page;
let act: WorkbenchActions;
const consoleLines: string[] = [];

beforeAll(async () => {
    setUpTools();
    const vsix = packageExtension();
    server = await startCodeServer({
        vsix,
        workspace: join(ROOT, 'examples'),
        workspaceSettings: { 'aims.today': '2026-11-28' },
        userSettings: { 'remote.extensionKind': { 'aims-language-tools.aims-language-tools': ['web'] } }
    });
    workbench = await openWorkbench(server);
    page = workbench.page;
    // The web-worker extension host logs to the page's console.
    page.on('console', message => consoleLines.push(`${message.type()}: ${message.text()}`));
    act = workbenchActions(page);
});

afterEach(async context => {
    if (context.task.result?.state === 'fail' && page) {
        await act.screenshot(`web-failed-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`);
    }
});

afterAll(async () => {
    writeFileSync(join(OUTPUT, 'web-console.log'), consoleLines.join('\n'));
    await workbench?.close();
    await server?.stop();
});

describe('the extension in the browser (web-worker extension host)', () => {
    test('runs the language server as a web worker over the whole workspace', async () => {
        await act.openFile('soa.aims');
        await page.keyboard.press('Control+Shift+M');
        const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
        await filter.waitFor(WAIT);
        // Names declared in files that are not open resolve: the worker has every file.
        await filter.fill('aims/implemented-without-evidence');
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'A.3.3 is implemented but links no evidence' }).waitFor(WAIT);
        await filter.fill('aims/unresolved-reference');
        await page.waitForTimeout(1_000);
        expect(await page.locator('.markers-panel .monaco-list-row', { hasText: 'aims/unresolved-reference' }).count()).toBe(0);
        // The desktop server reports the missing evidence file; a browser has no file system to look in.
        await filter.fill('aims/evidence-path-missing');
        await page.waitForTimeout(1_000);
        expect(await page.locator('.markers-panel .monaco-list-row', { hasText: 'aims/evidence-path-missing' }).count()).toBe(0);
        await filter.fill('');
        // 0 errors and 7 warnings: the desktop's 8 without the missing evidence file.
        await expect.poll(() => page.locator('.statusbar-item', { hasText: /\d+\s+\d+/ }).first().innerText(), { timeout: WAIT.timeout }).toMatch(/0\s+7/);
        await act.screenshot('web-01-problems');
    });

    test('counts the statement of applicability in the status bar', async () => {
        const status = page.locator('.statusbar-item', { hasText: /SoA \d+\/\d+/ });
        await status.waitFor(WAIT);
        await expect.poll(() => status.innerText(), { timeout: WAIT.timeout }).toContain('SoA 38/38');
    });

    test('hovers a catalog id', async () => {
        await act.openFile('soa.aims');
        const line = readFileSync(join(ROOT, 'examples', 'soa.aims'), 'utf8').split('\n').findIndex(l => l.includes('control A.6.2.4')) + 1;
        await act.goToLine(line);
        // The cursor on the id (the line starts with `control `) and the keyboard's Show Hover: the
        // token's own span is not there until the semantic tokens arrive.
        await page.keyboard.press('Home');
        for (let i = 0; i < 'control A'.length; i++) await page.keyboard.press('ArrowRight');
        await act.untilVisible(page.locator('.monaco-hover-content', { hasText: 'AI system verification and validation' }).first(), async () => {
            await page.keyboard.press('Control+K');
            await page.keyboard.press('Control+I');
        });
    });
});
