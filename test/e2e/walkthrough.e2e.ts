/**
 * A first-time user in a real VS Code (code-server) with the packaged extension and an empty
 * folder: the walkthrough's first step creates the starter workspace, the status bar counts its
 * SoA, a quick fix resolves the one finding the starter leaves on purpose, and the report opens.
 * Screenshots go to test/output/e2e/walkthrough-*.png.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openWorkbench, packageExtension, setUpTools, startCodeServer, type CodeServer, type Workbench } from './code-server.js';
import { WAIT, workbenchActions, type WorkbenchActions } from './workbench-actions.js';

let server: CodeServer | undefined;
let workbench: Workbench | undefined;
let page: Page;
let act: WorkbenchActions;
const empty = mkdtempSync(join(tmpdir(), 'aims-e2e-empty-'));

beforeAll(async () => {
    setUpTools();
    const vsix = packageExtension();
    server = await startCodeServer({ vsix, workspace: empty, workspaceSettings: { 'aims.today': '2026-06-01' } });
    workbench = await openWorkbench(server);
    page = workbench.page;
    act = workbenchActions(page);
});

afterEach(async context => {
    if (context.task.result?.state === 'fail' && page) {
        await act.screenshot(`walkthrough-failed-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`);
    }
});

afterAll(async () => {
    await workbench?.close();
    await server?.stop();
    rmSync(empty, { recursive: true, force: true });
});

describe('walkthrough: from an empty folder to a validated workspace and a report', () => {
    test('the walkthrough "Get started with AIMS" is offered', async () => {
        await act.runCommand('Welcome: Open Walkthrough');
        const item = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with AIMS' });
        await item.waitFor(WAIT);
        await item.click();
        const first = page.locator('.gettingStartedContainer .getting-started-step', { hasText: 'Create or open an AIMS workspace' });
        await first.waitFor(WAIT);
        // The folder has no .aims files yet: the step is not done.
        expect(await first.getAttribute('aria-checked')).toBe('false');
        await act.screenshot('walkthrough-1-steps');
    });

    test('its first step creates the starter workspace and opens the statement of applicability', async () => {
        // The step's button (an anchor styled as a button), not the step itself.
        await page.locator('.gettingStartedContainer a.monaco-button', { hasText: 'Create a new AIMS workspace' }).click();
        const input = page.locator('.quick-input-widget input');
        await input.waitFor(WAIT);
        await input.fill('Acme Robotics');
        await page.keyboard.press('Enter');
        await page.locator('.tabs-container .tab.active', { hasText: 'soa.aims' }).waitFor(WAIT);
        expect(readFileSync(join(server!.folder, 'organisation.aims'), 'utf8')).toContain('organisation acme-robotics "Acme Robotics"');
        // Now it is an AIMS workspace, and the walkthrough ticks the step off.
        const first = page.locator('.gettingStartedContainer .getting-started-step', { hasText: 'Create or open an AIMS workspace' });
        if (await first.count() > 0) await expect.poll(() => first.getAttribute('aria-checked'), { timeout: WAIT.timeout }).toBe('true');
        await act.screenshot('walkthrough-2-starter');
    });

    test('the status bar counts the decided Annex A controls', async () => {
        // The item shows 0/38 while the new files are still being built; wait for the count to settle.
        const status = page.locator('.statusbar-item', { hasText: /SoA \d+\/\d+/ });
        await status.waitFor(WAIT);
        await expect.poll(() => status.innerText(), { timeout: WAIT.timeout }).toContain('SoA 2/38');
    });

    test('the one finding of the starter is fixed with a quick fix', async () => {
        await page.keyboard.press('Control+Shift+M');
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'aims/implemented-without-evidence' });
        await row.waitFor(WAIT);
        expect(await row.innerText()).toContain('A.2.3 is implemented but links no evidence');
        await row.dblclick();
        await page.locator('.editor-instance .monaco-editor.focused').waitFor(WAIT);
        await page.keyboard.press('Control+.');
        const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Link new evidence' });
        await action.waitFor(WAIT);
        await action.click();
        await page.keyboard.press('Control+S');
        await expect.poll(() => readFileSync(join(server!.folder, 'soa.aims'), 'utf8'), { timeout: 30_000 }).toMatch(/control A\.2\.3 applicable[^{]*\{[^}]*evidence ev-a-2-3/);
        await row.waitFor({ ...WAIT, state: 'detached' });
        await act.screenshot('walkthrough-3-after-quick-fix');
    });

    test('the report shows the new organisation', async () => {
        await act.runCommand('AIMS: Open Report');
        const report = page.frameLocator('iframe.webview').frameLocator('iframe').locator('body');
        await report.locator('h1', { hasText: 'Acme Robotics' }).waitFor(WAIT);
        await act.screenshot('walkthrough-4-report');
    });
});
