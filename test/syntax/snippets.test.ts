/**
 * The VS Code snippets (snippets/aims.json): one per declaration kind, and every one of them,
 * expanded with its default text and with each of its choices, is valid AIMS that links.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { workspace } from '../helpers/workspace.js';

interface Snippet { prefix: string | string[]; description: string; body: string[] }

const snippets: Record<string, Snippet> = JSON.parse(readFileSync(new URL('../../snippets/aims.json', import.meta.url), 'utf8'));
const prefixes = Object.values(snippets).flatMap(s => [s.prefix].flat());

const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '05', CURRENT_DATE: '20' };

/** Expand a snippet as VS Code would if the user accepted every default, taking choice `choice` (or the last). */
function expand(body: string[], choice = 0): string {
    let text = body.join('\n').replace(/\$\{(\w+)\}|\$([A-Z_]+)/g, (_, braced?: string, bare?: string) => VARIABLES[(braced ?? bare)!]);
    text = text.replace(/\$\{\d+\|([^|]*)\|\}/g, (_, list: string) => {
        const options = list.split(',');
        return options[Math.min(choice, options.length - 1)];
    });
    // Innermost placeholders first, so nested ones resolve from the inside out.
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1');
    }
    return text.replace(/\$\d+/g, '');
}

function choiceCount(body: string[]): number {
    return Math.max(1, ...[...body.join('\n').matchAll(/\$\{\d+\|([^|]*)\|\}/g)].map(m => m[1].split(',').length));
}

/** All snippets in one workspace; SoA entries go inside the `soa` snippet. */
function expandAll(choice: number): Record<string, string> {
    const entries = Object.values(snippets).filter(s => [s.prefix].flat()[0].startsWith('soa-'));
    const soa = snippets['Statement of applicability'];
    const rest = Object.values(snippets).filter(s => s !== soa && !entries.includes(s));
    const files: Record<string, string> = {};
    rest.forEach((s, i) => { files[`snippet-${i}.aims`] = expand(s.body, choice); });
    files['soa.aims'] = expand(soa.body, choice).replace('{\n\t\n}', `{\n${entries.map(e => expand(e.body, choice)).join('\n')}\n}`);
    return files;
}

describe('Snippets', () => {
    test('there is one snippet for every kind of declaration and SoA entry', () => {
        for (const keyword of ['organisation', 'person', 'team', 'policy', 'objective', 'system', 'dataset', 'supplier',
            'risk', 'impact-assessment', 'soa', 'soa-entry', 'soa-exclusion', 'evidence', 'control']) {
            expect(prefixes, keyword).toContain(keyword);
        }
        for (const snippet of Object.values(snippets)) {
            expect(snippet.description.length, String(snippet.prefix)).toBeGreaterThan(10);
            expect(snippet.body.join('\n'), String(snippet.prefix)).toMatch(/\$\{1[:|]/);
        }
    });

    test('enums are offered as choices: lifecycle stages, EU AI Act categories, treatments, statuses', () => {
        const body = (name: string) => snippets[name].body.join('\n');
        expect(body('AI system')).toContain('${5|inception,design-and-development,verification-and-validation,deployment,operation-and-monitoring,re-evaluation,retirement|}');
        expect(body('AI system')).toContain('|minimal,limited,high,prohibited|');
        expect(body('Risk')).toContain('|mitigate,avoid,transfer,accept|');
        expect(body('SoA entry: applicable control')).toContain('|planned,in-progress,implemented|');
    });

    const rounds = Math.max(...Object.values(snippets).map(s => choiceCount(s.body)));
    test.each(Array.from({ length: rounds }, (_, i) => i))('expanded with choice #%i, the snippets parse and every name and catalog id links', async choice => {
        const ws = await workspace(expandAll(choice));
        for (const [name, doc] of Object.entries(ws.documents)) {
            const errors = [...doc.parseResult.lexerErrors, ...doc.parseResult.parserErrors].map(e => e.message);
            expect(errors, `${name}:\n${doc.textDocument.getText()}`).toEqual([]);
        }
        expect(ws.all.filter(d => /unresolved-reference|unknown-catalog-id|foreign-catalog-id|duplicate/.test(String(d.code)))
            .map(d => `${d.file}: ${d.code} ${d.message}`)).toEqual([]);
    });
});
