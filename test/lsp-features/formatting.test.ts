import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormattingOptions } from 'vscode-languageserver';
import { single, workspace, type TestWorkspace } from '../helpers/workspace.js';
import { applyEdits, FIXTURES, fixtureFiles, nonWhitespace } from './editor.js';

const EXAMPLES = join(FIXTURES, '../../../examples');

const EDITOR_OPTIONS: FormattingOptions = { tabSize: 4, insertSpaces: true };

async function formatIn(ws: TestWorkspace, file: string, options = EDITOR_OPTIONS): Promise<string> {
    const document = ws.documents[file];
    const edits = await ws.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
    return applyEdits(document.textDocument.getText(), edits);
}

async function format(text: string, options = EDITOR_OPTIONS): Promise<string> {
    return formatIn(await single(text), 'main.aims', options);
}

/** Comment texts in order of appearance, as the lexer sees them. */
async function comments(text: string): Promise<string[]> {
    const ws = await single(text);
    const tokens = ws.services.parser.Lexer.tokenize(text, { mode: 'full' } as never);
    expect(ws.codes()).not.toContain('aims/syntax-error');
    return tokens.hidden.filter(t => t.tokenType.name !== 'WS').map(t => t.image);
}

const EXAMPLE_FILES = { ...fixtureFiles('acme'), ...fixtureFiles('messy') };

describe('formatting: layout', () => {
    it('puts declarations at column 0 and each field of a block on its own line, indented by 4 spaces', async () => {
        expect(await format('  person alice "Alice" { role "Governance"   email "a@x.example" }   person bob "Bob"\n')).toBe(
            'person alice "Alice" {\n    role "Governance"\n    email "a@x.example"\n}\nperson bob "Bob"\n');
    });

    it('puts one statement of applicability entry per line and keeps one-line entry bodies on one line', async () => {
        const text = 'soa "SoA" { control A.2.2 applicable {status implemented   owner alice}  control A.10.4 excluded because "No customers" }\nperson alice "A"\n';
        expect(await format(text)).toBe([
            'soa "SoA" {',
            '    control A.2.2 applicable { status implemented owner alice }',
            '    control A.10.4 excluded because "No customers"',
            '}',
            'person alice "A"',
            ''
        ].join('\n'));
    });

    it('gives a nested block written over several lines one field per line, one level deeper', async () => {
        const text = 'soa {\ncontrol A.7.4 applicable { status planned\n  owner alice treats r1 }\n}\n';
        expect(await format(text)).toBe('soa {\n    control A.7.4 applicable {\n        status planned\n        owner alice\n        treats r1\n    }\n}\n');
    });

    it('keeps a mapping on one line, or its rationale on the next line indented under it, as written', async () => {
        expect(await format('map A.2.2 to  27001:A.5.1 as equal\n        rationale "Long reason."\nmap A.2.3 to 27001:A.5.2 as equal   rationale "Short."\n'))
            .toBe('map A.2.2 to 27001:A.5.1 as equal\n    rationale "Long reason."\nmap A.2.3 to 27001:A.5.2 as equal rationale "Short."\n');
    });

    it('keeps the tokens of one field together, separated by one space, and writes lists as "a, b"', async () => {
        const text = 'risk r1 "Bias" {\n    treatment   mitigate\n  with A.7.4 ,A.6.2.4\n    inherent likelihood\t4 impact  5\n}\n';
        expect(await format(text)).toBe('risk r1 "Bias" {\n    treatment mitigate with A.7.4, A.6.2.4\n    inherent likelihood 4 impact 5\n}\n');
    });

    it('keeps at most one blank line between fields and between declarations, and none at the start of the file', async () => {
        const text = '\n\n\nperson a "A"\n\n\n\nperson b "B" {\n    role "x"\n\n\n\n    email "y"\n}\n';
        expect(await format(text)).toBe('person a "A"\n\nperson b "B" {\n    role "x"\n\n    email "y"\n}\n');
    });

    it('ends the file with exactly one line break', async () => {
        expect(await format('person a "A"')).toBe('person a "A"\n');
        expect(await format('person a "A"\n\n\n')).toBe('person a "A"\n');
    });

    it('indents with 4 spaces whatever the editor\'s tab settings, so every editor writes the same bytes', async () => {
        const text = 'person a "A" { role "x" }\n';
        expect(await format(text, { tabSize: 2, insertSpaces: false })).toBe('person a "A" {\n    role "x"\n}\n');
    });

    it('keeps Windows line endings', async () => {
        expect(await format('person a "A" { role "x" email "y" }\r\nperson b "B"\r\n')).toBe('person a "A" {\r\n    role "x"\r\n    email "y"\r\n}\r\nperson b "B"\r\n');
    });
});

describe('formatting: comments', () => {
    it('indents comments inside a block like the fields around them and keeps end-of-line comments where they are', async () => {
        const text = [
            'system s "S" {',
            '// what it does',
            '        purpose "x" // short',
            '  /* a block comment',
            '     over two lines */',
            '  owner alice',
            '}'
        ].join('\n');
        expect(await format(text)).toBe([
            'system s "S" {',
            '    // what it does',
            '    purpose "x" // short',
            '    /* a block comment',
            '       over two lines */',
            '    owner alice',
            '}',
            ''
        ].join('\n'));
    });

    it('never joins a line after a line comment', async () => {
        const text = 'team t "T" { members a, // first\n b }\n';
        const formatted = await format(text);
        expect(formatted).toContain('members a, // first\n');
        expect(await comments(formatted)).toEqual(['// first']);
    });

    it('puts the doc comment of a declaration on a line of its own, even after the } of the one before', async () => {
        const text = 'person a "A" { role "x" } /** Runs the model. */\nperson b "B" { role "y" } // trailing\n/** Second. */ person c "C"\n';
        expect(await format(text)).toBe([
            'person a "A" {',
            '    role "x"',
            '}',
            '/** Runs the model. */',
            'person b "B" {',
            '    role "y"',
            '} // trailing',
            '/** Second. */',
            'person c "C"',
            ''
        ].join('\n'));
    });

    it('keeps every comment of a messy file, in order', async () => {
        const text = EXAMPLE_FILES['unformatted.aims'];
        const before = await comments(text);
        expect(before.length).toBeGreaterThan(8);
        expect(await comments(await format(text))).toEqual(before);
    });
});

describe('formatting: safety', () => {
    for (const [file, text] of Object.entries(EXAMPLE_FILES)) {
        it(`${file}: changes only whitespace, parses, and formatting twice gives the same text as once`, async () => {
            const once = await formatIn(await workspace({ [file]: text }), file);
            expect(nonWhitespace(once)).toBe(nonWhitespace(text));
            const again = await workspace({ [file]: once });
            expect(again.codes()).not.toContain('aims/syntax-error');
            expect(await formatIn(again, file)).toBe(once);
        });
    }

    it('stays idempotent and whitespace-only on randomly re-spaced versions of the example files (fixed seed)', async () => {
        let seed = 42;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
        const separators = [' ', '  ', '\n', '\n\n\n', '\t', ' \n    ', '\n\t\t'];
        for (const [file, text] of Object.entries(EXAMPLE_FILES)) {
            const ws = await workspace({ [file]: text });
            const tokens = ws.services.parser.Lexer.tokenize(text, { mode: 'full' } as never);
            const all = [...tokens.tokens, ...tokens.hidden.filter(t => t.tokenType.name !== 'WS')].sort((a, b) => a.startOffset - b.startOffset);
            for (let round = 0; round < 3; round++) {
                // Any whitespace between tokens, but a line comment still ends at a line break.
                const respaced = all.map(t => t.image + (t.tokenType.name === 'SL_COMMENT' ? '\n' : separators[Math.floor(random() * separators.length)])).join('');
                const once = await formatIn(await workspace({ [file]: respaced }), file);
                expect(nonWhitespace(once)).toBe(nonWhitespace(text));
                const again = await workspace({ [file]: once });
                expect(again.codes(), respaced).not.toContain('aims/syntax-error');
                expect(await formatIn(again, file), respaced).toBe(once);
            }
        }
    });

    it('keeps the files of examples/ parseable, their comments, and only changes whitespace, idempotently', async () => {
        const files = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter(f => f.endsWith('.aims')) : [];
        for (const file of files) {
            const text = readFileSync(join(EXAMPLES, file), 'utf8');
            const ws = await workspace({ [file]: text });
            if (ws.codes(file).includes('aims/syntax-error')) {
                continue; // being written; a file that does not parse is never formatted (see below)
            }
            const once = await formatIn(ws, file);
            expect(nonWhitespace(once), file).toBe(nonWhitespace(text));
            expect(await comments(once), file).toEqual(await comments(text));
            expect(await formatIn(await workspace({ [file]: once }), file), file).toBe(once);
        }
    });

    it('leaves the tidy example workspace exactly as it is', async () => {
        const ws = await workspace(fixtureFiles('acme'));
        for (const [file, text] of Object.entries(fixtureFiles('acme'))) {
            expect(await formatIn(ws, file), file).toBe(text);
        }
    });

    it('formats the messy fixture into the tidy layout', async () => {
        const formatted = await format(EXAMPLE_FILES['unformatted.aims']);
        expect(formatted.startsWith('// A hand-edited file')).toBe(true);
        expect(formatted).toContain([
            'soa "SoA" {',
            '    control A.2.2 applicable { status implemented owner alice evidence ev1 }',
            '    control A.10.4 excluded because "No customers"',
            '    control A.7.4 applicable {',
            '        status in-progress',
            '        treats r1',
            '    } /* trailing */',
            '    // last entry',
            '    control A.6.2.4 undecided',
            '}'
        ].join('\n'));
        expect(formatted).toContain('team ml "ML" {\n    lead alice\n    members alice, bob, alice\n}\n\n/** The scoring model. */\nsystem scorer "Scorer" {\n');
        for (const line of formatted.split('\n')) {
            expect(line, line).toMatch(/^( {4})*\S|^$|^ {7}and suppliers/);
            expect(line, line).not.toMatch(/\s$/);
        }
    });

    it('does not touch a file that does not parse', async () => {
        const text = 'person a "A" {   role "x"\nrisk r1 { }\n';
        const ws = await single(text);
        const document = ws.documents['main.aims'];
        expect(await ws.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: EDITOR_OPTIONS })).toEqual([]);
    });

    it('does not touch the built-in catalog documents', async () => {
        const ws = await single('person a "A"');
        const catalogDoc = ws.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.scheme === 'aims-catalog')!;
        expect(await ws.services.lsp.Formatter!.formatDocument(catalogDoc, { textDocument: { uri: catalogDoc.uri.toString() }, options: EDITOR_OPTIONS })).toEqual([]);
    });
});
