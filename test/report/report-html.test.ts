import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, Markup } from '../../src/report/html-markup.js';

/** Browser-side values, typed loosely: the project's TypeScript has no DOM library. */
type Dom = any;
import { renderHtmlReport, reportContentSecurityPolicy } from '../../src/report/report-html.js';
import { itInBrowser, withPage } from './report-browser.js';
import { EXAMPLES, FIXTURES, loadFolder, loadInline, OUTPUT } from './report-workspace.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

/** Every kind of user text the report shows, each holding markup. */
const HOSTILE = `
    organisation evil '${SCRIPT} Corp' { scope '${IMG} scope' likelihood scale 1 to 5 impact scale 1 to 5 }
    person mallory '${IMG}' { role '${SCRIPT}' }
    team t '${SCRIPT} team' { lead mallory }
    system sys '${SCRIPT} system' { purpose '${IMG}' owner mallory eu-ai-act high annex-iii 5 oversight '${SCRIPT}' }
    impact-assessment ia '${IMG} assessment' { system sys assessed 2026-01-01 review 2027-01-01 }
    risk r '${SCRIPT} risk' { systems sys inherent likelihood 3 impact 3 treatment mitigate with A.7.4 owner mallory }
    evidence ev '${IMG} evidence' { path "e.md" expires 2027-01-01 }
    control EVIL.1 '${SCRIPT} control' { summary '${IMG}' }
    soa {
        control A.7.4 applicable { status implemented owner mallory evidence ev note '${SCRIPT} note' }
        control A.10.4 excluded because '${IMG} because'
        control EVIL.1 applicable { status planned }
    }
`;

describe('html report: escaping', () => {
    it('escapes every interpolated value unless it is markup made by the same tag', () => {
        expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
        const name = '<b>';
        expect(html`<p title="${name}">${name}${html`<i>ok</i>`}</p>`.value).toBe('<p title="&lt;b&gt;">&lt;b&gt;<i>ok</i></p>');
        expect(html`${[name, new Markup('<br>'), 3, undefined, false]}`.value).toBe('&lt;b&gt;<br>3');
    });

    it('renders user text holding script and img tags as text', async () => {
        const { data } = await loadInline({ 'main.aims': HOSTILE });
        const page = renderHtmlReport(data);
        expect(page).not.toMatch(/<script/i);
        expect(page).not.toMatch(/<img/i);
        expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Corp');
        expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; because');
        expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; note');
    });

    itInBrowser('runs no script and creates no image in a browser, and shows the text literally', async () => {
        const { data } = await loadInline({ 'main.aims': HOSTILE });
        await withPage(renderHtmlReport(data), async ({ page, dialogs, requests, errors }) => {
            expect(await page.locator('script').count()).toBe(0);
            expect(await page.locator('img').count()).toBe(0);
            const text = await page.locator('body').innerText();
            expect(text).toContain(`${SCRIPT} Corp`);
            expect(text).toContain(`${IMG} because`);
            expect(text).toContain(`${SCRIPT} risk`);
            expect(await page.locator('h1').innerText()).toBe(`${SCRIPT} Corp`);
            expect(dialogs).toEqual([]);
            expect(requests).toEqual([]);
            expect(errors).toEqual([]);
        });
    });
});

describe('html report: self-contained', () => {
    it('references nothing outside the file and uses no style attributes', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        const page = renderHtmlReport(data);
        expect(page).toMatch(/^<!DOCTYPE html>/);
        expect(page).not.toMatch(/https?:\/\//);
        expect(page).not.toMatch(/\ssrc\s*=/i);
        expect(page).not.toMatch(/@import|url\(/i);
        expect([...page.matchAll(/\shref="([^"]*)"/g)].map(m => m[1]).every(href => href.startsWith('#'))).toBe(true);
        expect(page).not.toMatch(/<[^>]+\sstyle\s*=/i);
        expect(page.match(/<style[\s>]/g)).toHaveLength(1);
    });

    itInBrowser('loads without any network request, console error or script', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        await withPage(renderHtmlReport(data), async ({ page, requests, errors }) => {
            expect(await page.locator('script').count()).toBe(0);
            expect(requests).toEqual([]);
            expect(errors).toEqual([]);
        });
    });

    itInBrowser('with a nonce, declares a strict Content-Security-Policy under which its own styles still apply', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        const nonce = 'c2VjcmV0LW5vbmNlLTEyMw==';
        const page = renderHtmlReport(data, { nonce });
        expect(page).toContain(`<style nonce="${nonce}">`);
        expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportContentSecurityPolicy(nonce))}">`);
        expect(reportContentSecurityPolicy(nonce)).toBe(`default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'`);
        await withPage(page, async ({ page: p, errors }) => {
            expect(await p.locator('header.cover').evaluate((e: Dom) => (globalThis as Dom).getComputedStyle(e).backgroundColor)).toBe('rgb(15, 76, 129)');
            expect(errors).toEqual([]);
        });
    });
});

describe('html report: content', () => {
    itInBrowser('has a header with organisation, date and commit, and summary tiles', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        await withPage(renderHtmlReport(data), async ({ page }) => {
            expect(await page.locator('h1').innerText()).toBe('Harbour Health Insurance DAC');
            const facts = await page.locator('.facts').innerText();
            expect(facts).toContain('2026-06-01');
            expect(facts).toContain('0123456789ab');
            const tiles = (await page.locator('.tile').allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
            expect(tiles).toContain('SOA DECIDED 37 / 38 1 undecided, 0 without entry');
            expect(tiles).toContain('IMPLEMENTED 28 / 35 applicable Annex A controls');
            expect(tiles).toContain('EXCLUDED 2 each with a justification');
            expect(tiles).toContain('OPEN FINDINGS 8 1 error, 7 warnings');
            expect(tiles).toContain('HIGH-RISK AI SYSTEMS 1 / 3 EU AI Act high-risk category');
        });
    });

    itInBrowser('has the statement of applicability, NIST coverage, risk register with two heat maps, inventory and findings', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        await withPage(renderHtmlReport(data), async ({ page }) => {
            expect(await page.locator('section.part').evaluateAll((els: Dom[]) => els.map(e => e.id))).toEqual(['soa', 'nist', 'risks', 'systems', 'audits', 'nonconformities', 'review', 'findings']);
            expect(await page.locator('table.soa tbody tr:not(.group)').count()).toBe(40);
            expect(await page.locator('table.soa tr:has-text("A.10.4")').innerText()).toContain('Harbour supplies no AI systems to customers');
            expect(await page.locator('#nist .chip:not(.nist-status .chip)').count()).toBeGreaterThanOrEqual(72);
            const maps = page.locator('svg.heat-map');
            expect(await maps.count()).toBe(2);
            expect(await maps.nth(0).locator('rect').count()).toBe(25);
            expect(await maps.nth(0).locator('text.count').allTextContents()).toEqual(['1', '1', '1', '1', '1']);
            expect(await maps.nth(1).locator('text.count').allTextContents()).toEqual(['1', '1', '1']);
            expect(await page.locator('table.risks tbody tr').count()).toBe(5);
            expect(await page.locator('table.systems tbody tr').count()).toBe(3);
            expect(await page.locator('table.systems tr:has-text("Claims triage model")').innerText()).toContain('Annex III point 5');
            expect(await page.locator('table.findings tbody tr').count()).toBe(data.findings.length);
            expect(await page.locator('table.findings tbody tr').first().innerText()).toContain('evidence.aims:24');
        });
    });

    itInBrowser('prints each section on a new page', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        await withPage(renderHtmlReport(data), async ({ page }) => {
            await page.emulateMedia({ media: 'print' });
            expect(await page.locator('section.part').evaluateAll((els: Dom[]) => els.map(e => (globalThis as Dom).getComputedStyle(e).breakBefore))).toEqual(Array(8).fill('page'));
            expect(await page.locator('nav.toc').evaluate((e: Dom) => (globalThis as Dom).getComputedStyle(e).display)).toBe('none');
        });
    });

    itInBrowser('reports an empty workspace without failing', async () => {
        const { data } = await loadInline({});
        const page = renderHtmlReport(data);
        expect(page).toContain('No organisation is declared in this workspace.');
        expect(page).toContain('The AIMS declares no risks.');
        expect(page).toContain('The AIMS declares no AI systems.');
    });
});

describe('html report: screenshots for review', () => {
    const workspaces: Array<[string, string]> = [['harbour', join(FIXTURES, 'harbour')]];
    if (existsSync(EXAMPLES)) workspaces.push(['examples', EXAMPLES]);

    itInBrowser.each(workspaces)('renders the %s workspace to test/output/report/', async (name, dir) => {
        const { data } = await loadFolder(dir);
        const page = renderHtmlReport(data);
        const out = join(OUTPUT, 'report');
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, `${name}.html`), page);
        await withPage(page, async ({ page: p, requests, errors }) => {
            await p.screenshot({ path: join(out, `${name}.png`), fullPage: true });
            await p.pdf({ path: join(out, `${name}.pdf`), format: 'A4', printBackground: true, preferCSSPageSize: true });
            expect(requests).toEqual([]);
            expect(errors).toEqual([]);
        });
        expect(existsSync(join(out, `${name}.png`))).toBe(true);
    });
});
