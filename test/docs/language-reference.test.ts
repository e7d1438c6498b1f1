/**
 * The language reference (docs/language.md) lists every rule with its default severity, summary
 * and help. These come from rules.ts, which the engine, the SARIF log and the editor use; the
 * table must say the same, so that what users read is what the tools report.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, ruleAnchor } from '../../src/validation/rules.js';

const LANGUAGE_MD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'language.md');

const ROW = /^\| <a id="([a-z0-9-]+)"><\/a>(`aims\/)/;

/**
 * The rows of the table under `## Rules`, cells unescaped (`\<person\>` is `<person>`), each
 * with the anchor that opens it (`<a id="rule-...">`, the target of every diagnostic's link).
 */
function ruleTable(): { anchor: string; cells: string[] }[] {
    const text = readFileSync(LANGUAGE_MD, 'utf8');
    const section = text.slice(text.indexOf('\n## Rules'));
    return section.split('\n')
        .filter(line => ROW.test(line) || line.startsWith('| `aims/'))
        .map(line => ({
            anchor: ROW.exec(line)?.[1] ?? '',
            cells: line.replace(ROW, '| $2').slice(1, -1).split(' | ').map(cell => cell.trim().replace(/\\([<>])/g, '$1'))
        }));
}

describe('docs/language.md: the rule table', () => {
    it('lists every rule of rules.ts once, in the same order, with its severity, summary and help', () => {
        const expected = ALL_RULES.map(rule => [`\`${rule.code}\``, rule.severity, rule.summary, rule.help]);
        expect(ruleTable().map(row => row.cells)).toEqual(expected);
    });

    it('gives every rule the anchor that its diagnostics link to', () => {
        expect(ruleTable().map(row => row.anchor)).toEqual(ALL_RULES.map(rule => ruleAnchor(rule.code)));
    });
});
