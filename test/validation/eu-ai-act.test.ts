/**
 * The EU AI Act rules beyond their fixtures: the fixtures cover every role and class of the
 * obligations table, and every article a rule message cites exists in the catalog.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import obligations from '../../src/catalog/data/eu-ai-act-obligations.json' with { type: 'json' };
import { ALL_RULES } from '../../src/validation/rules.js';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'test/fixtures/validation');

function filesUnder(dir: string, ext: string): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter(entry => entry.isFile() && entry.name.endsWith(ext))
        .map(entry => join(entry.parentPath, entry.name));
}

/** `Article 27(1)` in `Article 27(1), point (b)`; `Article 8` in `Articles 8 to 15`. */
function citedArticles(text: string): string[] {
    return [...text.matchAll(/\bArticles? (\d+)((?:\([0-9a-z]+\))*)/g)].map(m => `Article ${m[1]}${m[2]}`);
}

describe('the obligations table', () => {
    it('names articles, paragraphs and points that the catalog has', () => {
        const unknown = obligations.obligations.map(o => o.article).filter(id => !catalog.euEntry(id));
        expect(unknown).toEqual([]);
    });

    it('has a rule fixture of its own for every role and class with obligations', () => {
        const combinations = new Set(obligations.obligations.flatMap(o => o.roles.flatMap(role => o.classes
            // 'limited' is the deprecated spelling of a minimal system with transparency duties.
            .filter(c => c !== 'limited').map(c => `${role}-${c}`))));
        for (const actsAs of obligations.actsAs) {
            combinations.add(`${actsAs.role}-high`);
        }
        const scenarios = readdirSync(join(fixtures, 'eu-ai-act', 'eu-obligations-open')).map(name => name.replace(/\.aims$/, ''));
        const uncovered = [...combinations].filter(c => !scenarios.some(s => s === c || (s.startsWith(`${c}-`) && !combinations.has(s))));
        expect(uncovered).toEqual([]);
    });
});

describe('rule messages', () => {
    const sources = [
        ...filesUnder(join(root, 'src/validation'), '.ts'),
        ...filesUnder(join(root, 'src/model'), '.ts'),
        ...filesUnder(join(root, 'src/lsp'), '.ts')
    ];

    it('cite only EU AI Act articles, paragraphs and points that exist in the catalog (source code)', () => {
        const unknown = sources.flatMap(file => citedArticles(readFileSync(file, 'utf8'))
            .filter(id => !catalog.euEntry(id)).map(id => `${file.slice(root.length + 1)}: ${id}`));
        expect(unknown).toEqual([]);
    });

    // Fixture lines about unknown ids cite ids that do not exist on purpose.
    it('cite only articles that exist, in every message the fixtures expect and every rule help', () => {
        const expected = filesUnder(fixtures, '.aims').flatMap(file => readFileSync(file, 'utf8').split('\n')
            .filter(line => line.includes('$TEST$') && !line.includes('"aims/unknown-catalog-id"')).flatMap(citedArticles).filter(id => !catalog.euEntry(id)).map(id => `${file.slice(root.length + 1)}: ${id}`));
        const help = ALL_RULES.flatMap(rule => citedArticles(`${rule.summary} ${rule.help}`).filter(id => !catalog.euEntry(id)).map(id => `${rule.code}: ${id}`));
        expect([...expected, ...help]).toEqual([]);
    });
});
