/**
 * How the HTML report reads on screens and paper: it follows VS Code's theme inside the webview
 * (the body carries `vscode-dark` / `vscode-high-contrast` there) and stays light as a file; its
 * tables never overlap from 360 px up; printed pages carry a running header and page numbers;
 * the risks of each heat-map cell are listed in text; overdue reviews are marked; the tool's
 * version is stated. Checked in headless Chromium. Screenshots go to test/output/report-layout/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { renderHtmlReport } from '../../src/report/report-html.js';
import { TOOL } from '../../src/cli/tool-info.js';
import { itInBrowser, withPage } from './report-browser.js';
import { EXAMPLES, loadFolder, OUTPUT } from './report-workspace.js';

/** Browser-side values, typed loosely: the project's TypeScript has no DOM library. */
type Dom = any;

const SHOTS = join(OUTPUT, 'report-layout');

/** The page as VS Code's webview shows it: the theme class on the body and the theme's variables. */
function inWebview(page: string, theme: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast'): string {
    const variables = {
        'vscode-light': '--vscode-editor-background: #ffffff; --vscode-editor-foreground: #3b3b3b;',
        'vscode-dark': '--vscode-editor-background: #1f1f1f; --vscode-editor-foreground: #cccccc;',
        'vscode-high-contrast': '--vscode-editor-background: #000000; --vscode-editor-foreground: #ffffff; --vscode-contrastBorder: #6fc3df;'
    }[theme];
    return page.replace('<body>', `<body class="${theme}">`).replace('</style>', `:root { ${variables} }</style>`);
}

async function examplesReport(): Promise<string> {
    const { data } = await loadFolder(EXAMPLES, '2026-11-28');
    return renderHtmlReport(data);
}

function colours(page: Page, selector: string) {
    return page.locator(selector).first().evaluate((e: Dom) => {
        const style = (globalThis as Dom).getComputedStyle(e);
        return { color: style.color as string, background: style.backgroundColor as string };
    });
}

/** Perceived lightness 0..255 of an `rgb(...)` colour. */
function lightness(rgb: string): number {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
    return 0.299 * r + 0.587 * g + 0.114 * b;
}

describe('html report: theme', () => {
    itInBrowser('stays light as a file, whatever the reader\'s system prefers', async () => {
        await withPage(await examplesReport(), async ({ page }) => {
            await page.emulateMedia({ colorScheme: 'dark' });
            const body = await colours(page, 'body');
            expect(body.background).toBe('rgb(255, 255, 255)');
            expect(lightness(body.color)).toBeLessThan(80);
        });
    });

    itInBrowser('follows a dark VS Code theme in the webview: dark paper, light text, light table heads', async () => {
        await withPage(inWebview(await examplesReport(), 'vscode-dark'), async ({ page }) => {
            const body = await colours(page, 'body');
            expect(body.background).toBe('rgb(31, 31, 31)');
            expect(lightness(body.color)).toBeGreaterThan(180);
            expect(lightness((await colours(page, 'table.soa thead th')).background)).toBeLessThan(60);
            expect(lightness((await colours(page, '.tile')).background)).toBeLessThan(60);
            mkdirSync(SHOTS, { recursive: true });
            await page.screenshot({ path: join(SHOTS, 'dark-1280.png') });
        }, { width: 1280, height: 900 });
    });

    itInBrowser('uses the high-contrast theme\'s colours and borders', async () => {
        await withPage(inWebview(await examplesReport(), 'vscode-high-contrast'), async ({ page }) => {
            const body = await colours(page, 'body');
            expect(body.background).toBe('rgb(0, 0, 0)');
            expect(body.color).toBe('rgb(255, 255, 255)');
            const border = await page.locator('.badge').first().evaluate((e: Dom) => (globalThis as Dom).getComputedStyle(e).borderTopColor);
            expect(border).toBe('rgb(111, 195, 223)');
        });
    });

    itInBrowser('keeps the light palette for a light VS Code theme', async () => {
        await withPage(inWebview(await examplesReport(), 'vscode-light'), async ({ page }) => {
            expect((await colours(page, 'body')).background).toBe('rgb(255, 255, 255)');
        });
    });
});

describe('html report: narrow screens', () => {
    for (const width of [360, 800, 1280]) {
        itInBrowser(`at ${width} px no cell of the SoA, risk or system tables spills into its neighbour, and the page does not scroll sideways`, async () => {
            await withPage(await examplesReport(), async ({ page }) => {
                const spills = await page.locator('table.soa td, table.risks td, table.systems td, table.findings td').evaluateAll((cells: Dom[]) =>
                    cells.filter(cell => {
                        const box = cell.getBoundingClientRect();
                        return [...cell.querySelectorAll('.badge, .rating, .date, .cid')].some((inner: Dom) => {
                            const r = inner.getBoundingClientRect();
                            return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
                        });
                    }).map(cell => cell.textContent.trim().slice(0, 40)));
                expect(spills).toEqual([]);
                expect(await page.evaluate(() => (globalThis as Dom).document.documentElement.scrollWidth - (globalThis as Dom).innerWidth)).toBeLessThanOrEqual(0);
                mkdirSync(SHOTS, { recursive: true });
                await page.locator('table.soa').scrollIntoViewIfNeeded();
                await page.screenshot({ path: join(SHOTS, `light-${width}-soa.png`) });
            }, { width, height: 900 });
        });
    }
});

describe('html report: paper', () => {
    itInBrowser('prints a running header with organisation, date and commit, and "Page n of m"', async () => {
        const { data } = await loadFolder(EXAMPLES, '2026-11-28');
        await withPage(renderHtmlReport(data), async ({ page }) => {
            const margins = await page.evaluate(() => {
                const out: Record<string, string> = {};
                for (const sheet of [...(globalThis as Dom).document.styleSheets]) {
                    for (const rule of [...sheet.cssRules]) {
                        if (rule.type !== 6 /* CSSPageRule */) continue;
                        for (const margin of [...(rule.cssRules ?? [])]) out[margin.name] = margin.style.getPropertyValue('content');
                    }
                }
                return out;
            });
            expect(margins['top-left']).toBe(`"${data.organisation!.title} · AIMS report 2026-11-28 · commit ${data.commit!.hash.slice(0, 12)}"`);
            expect(margins['bottom-right']).toBe('"Page " counter(page) " of " counter(pages)');
            mkdirSync(SHOTS, { recursive: true });
            await page.pdf({ path: join(SHOTS, 'examples.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
        });
    });

    itInBrowser('keeps a running header that holds quotes or </style> inside the style sheet, as text', async () => {
        const { data } = await loadFolder(EXAMPLES, '2026-11-28');
        const odd = { ...data, organisation: { ...data.organisation!, title: 'Quote " and </style><b>x</b>' } };
        await withPage(renderHtmlReport(odd), async ({ page }) => {
            expect(await page.locator('b', { hasText: 'x' }).count()).toBe(0);
            const header = await page.evaluate(() => {
                for (const sheet of [...(globalThis as Dom).document.styleSheets]) {
                    for (const rule of [...sheet.cssRules]) {
                        const top = rule.type === 6 ? [...(rule.cssRules ?? [])].find((m: Dom) => m.name === 'top-left') : undefined;
                        if (top) return top.style.getPropertyValue('content') as string;
                    }
                }
                return '';
            });
            expect(header).toContain('Quote \\" and </style><b>x</b>');
        });
    });

    itInBrowser('lists the risks of each occupied heat-map cell in text, highest level first', async () => {
        const { data } = await loadFolder(EXAMPLES, '2026-11-28');
        await withPage(renderHtmlReport(data), async ({ page }) => {
            const lists = page.locator('ul.cell-risks');
            expect(await lists.count()).toBe(2);
            const inherent = (await lists.nth(0).locator('li').allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
            const cells = data.heatMaps.inherent.cells.filter(c => c.risks.length > 0);
            expect(inherent).toHaveLength(cells.length);
            const credit = cells.find(c => c.risks.includes('credit-bias'))!;
            expect(inherent[0]).toBe(`${credit.likelihood} × ${credit.impact} ${credit.risks.join(', ')}`);
            expect(await lists.nth(0).locator('li .score').first().getAttribute('class')).toContain(`lv-${credit.level}`);
        });
    });
});

describe('html report: dates and version', () => {
    itInBrowser('marks a review date that has passed as overdue, and only that one', async () => {
        const { data } = await loadFolder(EXAMPLES, '2026-11-28');
        await withPage(renderHtmlReport(data), async ({ page }) => {
            const overdue = page.locator('table.risks .date.overdue');
            expect(await overdue.allInnerTexts()).toEqual(['2026-10-31']);
            expect(await page.locator('table.risks tr:has(.date.overdue)').innerText()).toContain('automation-bias');
            expect(await page.locator('table.risks tr:has(.badge.overdue)').count()).toBe(1);
        });
    });

    itInBrowser('states the tool and its version on the cover and in the footer', async () => {
        await withPage(await examplesReport(), async ({ page }) => {
            expect(await page.locator('.facts').innerText()).toContain(`AIMS language tools ${TOOL.version}`);
            expect(await page.locator('footer').innerText()).toContain(`Generated by AIMS language tools ${TOOL.version}`);
        });
    });
});
