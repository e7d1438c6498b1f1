import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownCell, renderMarkdownReport } from '../../src/report/report-markdown.js';
import { EXAMPLES, FIXTURES, loadFolder, loadInline } from './report-workspace.js';

/** The rows of the GFM table that follows `heading`, split into cells on unescaped pipes. */
function tableAfter(markdown: string, heading: string): string[][] {
    const lines = markdown.split('\n');
    const start = lines.findIndex(l => l === heading);
    const rows: string[][] = [];
    for (const line of lines.slice(lines.findIndex((l, i) => i > start && l.startsWith('|')))) {
        if (!line.startsWith('|')) break;
        rows.push(line.slice(2, -2).split(/(?<!\\) \| /));
    }
    return rows;
}

describe('markdown report: cells', () => {
    it('escapes pipes, line breaks and markup so a cell stays one cell of text', () => {
        expect(markdownCell('a | b')).toBe('a \\| b');
        expect(markdownCell('line one\nline two\r\nthree')).toBe('line one<br>line two<br>three');
        expect(markdownCell('<script>alert(1)</script>')).toBe('&lt;script\\>alert(1)&lt;/script\\>');
        expect(markdownCell('*bold* _it_ [link](x) `code` \\ # ~')).toBe('\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` \\\\ \\# \\~');
        expect(markdownCell('Tom & Jerry')).toBe('Tom &amp; Jerry');
        expect(markdownCell(undefined)).toBe('');
    });

    it('keeps a justification with pipes and newlines in its row', async () => {
        const { data } = await loadInline({
            'main.aims': 'organisation o "O" { scope "s" } soa { control A.10.4 excluded because "No customers | no resale\\nsecond line" }'
        });
        const md = renderMarkdownReport(data);
        const rows = tableAfter(md, '## 1. Statement of applicability');
        expect(rows[0]).toEqual(['Control', 'Title', 'Decision', 'Owner', 'Treats', 'Evidence', 'Justification / note']);
        const row = rows.find(r => r[0] === '`A.10.4`')!;
        expect(row).toHaveLength(7);
        expect(row[2]).toBe('Excluded');
        expect(row[6]).toBe('No customers \\| no resale<br>second line');
    });
});

describe('markdown report: EU AI Act', () => {
    it('has a section per system with its operator roles, class, route and each obligation with its state', async () => {
        const { data } = await loadFolder(EXAMPLES, '2026-11-28');
        const md = renderMarkdownReport(data);
        const section = md.slice(md.indexOf('\n### EU AI Act\n'), md.indexOf('\n## 5. Internal audit'));
        expect(section).toContain('#### `credit-scoring` Credit scoring model');
        expect(section).toContain('Operator role: provider, deployer. Class: High-risk (Annex III point 5(b)). Article 27 applies: it deploys an Annex III point 5(b) system. Obligations: 23 of 23 met or not applicable.');
        expect(section).toContain('| Article 27 | fundamental rights impact assessment | 2026-08-02 | met | ia-credit-scoring |');
        expect(section).toContain('#### `support-assistant` Nora, customer support assistant');
        expect(section).toContain('Transparency: Article 50(1).');
        expect(section).toContain('| Article 50(1) | telling people they are interacting with an AI system | 2026-08-02 | met | ev-nora-disclosure |');
    });

    it('says when an open obligation applies from, and which are open today', async () => {
        const { data } = await loadInline({ 'main.aims': 'system bot "Bot" { operator provider eu-ai-act minimal transparency Article 50(1) }\n' }, '2026-06-01');
        const md = renderMarkdownReport(data);
        expect(md).toContain('| Article 4 | AI literacy of staff and others who operate or use the system | 2025-02-02 | open |');
        expect(md).toContain('| Article 50(1) | telling people they are interacting with an AI system | 2026-08-02 | applies from 2026-08-02 |');
    });
});

describe('markdown report: content', () => {
    it('has every section as GitHub-flavoured tables', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        const md = renderMarkdownReport(data);
        expect(md.startsWith('# AI management system report: Harbour Health Insurance DAC\n')).toBe(true);
        expect(md).toContain('- Commit: `0123456789abcdef0123456789abcdef01234567`');
        for (const heading of ['## Summary', '## 1. Statement of applicability', '## 2. NIST AI RMF coverage', '## 3. Risk register',
            '### Heat map: inherent', '### Heat map: residual', '## 4. AI system inventory', '## 5. Internal audit', '## 6. Nonconformities and corrective actions', '## 7. Management review', '## 8. Findings']) {
            expect(md).toContain(`\n${heading}\n`);
        }
        expect(tableAfter(md, '## 1. Statement of applicability')).toHaveLength(2 + 40);
        expect(tableAfter(md, '## 4. AI system inventory')).toHaveLength(2 + 3);
        expect(tableAfter(md, '## 8. Findings')).toHaveLength(2 + data.findings.length);
        const heat = tableAfter(md, '### Heat map: inherent');
        expect(heat[0]).toEqual(['Likelihood \\ impact', '1', '2', '3', '4', '5']);
        expect(heat[2]).toEqual(['**5**', '·', '·', '·', '·', '1']);
        // Every row of a table has as many cells as its header.
        for (const heading of ['## 1. Statement of applicability', '## 3. Risk register', '## 4. AI system inventory', '## 8. Findings']) {
            const rows = tableAfter(md, heading);
            expect(rows.every(r => r.length === rows[0].length)).toBe(true);
        }
    });
});
