/** Quick fixes in a file with syntax errors: computed from the syntax tree, never making it worse. */
import { describe, expect, it } from 'vitest';
import { applyEdits, editsOf, quickFixes } from '../lsp-features/editor.js';
import { single } from '../helpers/workspace.js';

const unclosed = [
    'person alice "Alice"',
    'soa {',
    '    control A.2.2 applicable { status implemented owner alice }',
    '}',
    'evidence ev-open "Still open" {',
    '    path "evidence/a.pdf"',
    ''
].join('\n');

describe('quick fixes in a file with a syntax error', () => {
    it('declare new evidence after the last complete declaration, not inside the block left open at the end', async () => {
        const ws = await single(unclosed);
        const diagnostic = ws.diagnostics['main.aims'].find(d => d.code === 'aims/implemented-without-evidence');
        expect(diagnostic).toBeDefined();
        const [fix] = await quickFixes(ws, 'main.aims', diagnostic!);
        expect(fix?.title).toMatch(/^Link new evidence/);
        const fixed = applyEdits(unclosed, editsOf(fix, ws.documents['main.aims']));
        const declared = fixed.indexOf('\nevidence ev-a-2-2');
        expect(declared).toBeGreaterThan(fixed.indexOf('\n}\n'));
        expect(declared).toBeLessThan(fixed.indexOf('evidence ev-open'));
        const parsed = ws.services.parser.LangiumParser.parse(fixed);
        expect(parsed.parserErrors.length).toBeLessThanOrEqual(ws.documents['main.aims'].parseResult.parserErrors.length);
    });
});
