/**
 * What the end-to-end tests do in the workbench, as a user would: open a file with Ctrl+P, go to
 * a line, run a command from the palette, find a rendered token, retry a trigger until a widget
 * shows, take a screenshot into test/output/e2e/.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { OUTPUT } from './code-server.js';

/** Waits guard against hangs only; a healthy run needs a fraction of each. */
export const WAIT = { timeout: Number(process.env.AIMS_E2E_WAIT_MS ?? 60_000) };

export interface WorkbenchActions {
    screenshot(name: string): Promise<void>;
    openFile(name: string): Promise<void>;
    goToLine(line: number): Promise<void>;
    runCommand(title: string): Promise<void>;
    /** The rendered token whose text is exactly `text`, in the active editor. */
    token(text: string): Locator;
    /**
     * Trigger something until `target` shows. Completion may come back empty while the server is
     * still re-building after the last keystroke, and VS Code does not ask again by itself.
     */
    untilVisible(target: Locator, trigger: () => Promise<void>): Promise<void>;
}

export function workbenchActions(page: Page): WorkbenchActions {
    const quickInput = () => page.locator('.quick-input-widget input');
    return {
        async screenshot(name) {
            await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
        },
        async openFile(name) {
            await page.keyboard.press('Control+P');
            await quickInput().waitFor(WAIT);
            await quickInput().fill(name);
            await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor(WAIT);
            await page.keyboard.press('Enter');
            await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor(WAIT);
            await page.locator('.editor-instance .view-lines').first().waitFor(WAIT);
        },
        async goToLine(line) {
            await page.keyboard.press('Control+G');
            await quickInput().waitFor(WAIT);
            await quickInput().fill(`:${line}`);
            await page.keyboard.press('Enter');
            await quickInput().waitFor({ ...WAIT, state: 'hidden' });
        },
        async runCommand(title) {
            await page.keyboard.press('F1');
            await quickInput().waitFor(WAIT);
            await quickInput().fill(`>${title}`);
            await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor(WAIT);
            await page.keyboard.press('Enter');
        },
        token(text) {
            return page.locator('.editor-instance .view-lines .view-line span span').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
        },
        async untilVisible(target, trigger) {
            const deadline = Date.now() + WAIT.timeout;
            for (;;) {
                await trigger();
                try {
                    await target.waitFor({ timeout: Math.min(5_000, Math.max(1, deadline - Date.now())) });
                    return;
                } catch (error) {
                    if (Date.now() >= deadline) throw error;
                    await page.keyboard.press('Escape');
                }
            }
        }
    };
}
