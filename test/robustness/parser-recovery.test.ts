/**
 * The parser reads any text: error recovery does not overflow the stack, does not take quadratic
 * time, and a parse that fails anyway leaves nothing behind for the next document.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createAimsServices } from '../../src/language/aims-module.js';
import type { Model } from '../../src/language/generated/ast.js';
import { single } from '../helpers/workspace.js';

function parser() {
    return createAimsServices(EmptyFileSystem).Aims;
}

describe('parser error recovery', () => {
    it('recovers from 1,500 broken declarations in a row without overflowing the stack', () => {
        const services = parser();
        const result = services.parser.LangiumParser.parse<Model>('}}risk "t"'.repeat(1500));
        expect(result.parserErrors.length).toBeGreaterThanOrEqual(1500);
        expect(result.value.elements).toHaveLength(1500);
    });

    it('recovers from 20,000 broken declarations as well (the recovery is a loop, not a recursion)', () => {
        const result = parser().parser.LangiumParser.parse<Model>('person p "x" { role "a" }}'.repeat(20_000));
        expect(result.value.elements).toHaveLength(20_000);
        expect(result.parserErrors).toHaveLength(20_000);
    });

    it('parses the next document exactly as a fresh parser would', () => {
        const services = parser();
        services.parser.LangiumParser.parse('}}risk "t"'.repeat(1500));
        const next = services.parser.LangiumParser.parse<Model>('person alice "Alice"\n');
        expect(next.parserErrors).toEqual([]);
        expect(next.value.elements.map(e => e.$type)).toEqual(['Person']);
    });

    it('turns a parse that throws into one syntax error and resets the parser for the next document', () => {
        const services = parser();
        const converter = services.parser.ValueConverter;
        const convert = converter.convert.bind(converter);
        converter.convert = (input, cstNode) => {
            if (input === '"boom"') {
                throw new RangeError('Maximum call stack size exceeded');
            }
            return convert(input, cstNode);
        };
        const failed = services.parser.LangiumParser.parse<Model>('person a "A"\nperson b "boom"\n');
        expect(failed.value.elements).toEqual([]);
        expect(failed.parserErrors.map(e => e.message)).toEqual([
            'Syntax error: this file could not be read (it nests or repeats broken text too deeply), so nothing in it is checked. Fix the syntax errors from the top, or split the file.'
        ]);
        const next = services.parser.LangiumParser.parse<Model>('person c "C"\n');
        expect(next.parserErrors).toEqual([]);
        expect(next.value.elements).toHaveLength(1);
    });

    it('reports the deeply broken file with syntax errors, and validates a valid file next to it', async () => {
        const ws = await (await import('../helpers/workspace.js')).workspace({
            'broken.aims': '}}risk "t"'.repeat(1500),
            'people.aims': 'person alice "Alice" { role "AI governance lead" }\n'
        });
        expect(new Set(ws.codes('broken.aims'))).toContain('aims/syntax-error');
        expect(ws.codes('people.aims')).toEqual([]);
    });
});

describe('the completion parser', () => {
    it('completes after 1,500 broken declarations in a row', async () => {
        const ws = await single('}}risk "t"'.repeat(1500) + '\nperson a "A" { ro');
        const completion = ws.services.lsp.CompletionProvider!;
        const document = ws.documents['main.aims'];
        const end = document.textDocument.positionAt(document.textDocument.getText().length);
        const list = await completion.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: end });
        expect(list?.items.map(i => i.label)).toContain('role');
    });
});

describe('the size policy', () => {
    it('reads a file over 8 MiB as an empty model with one diagnostic that says why', async () => {
        const line = 'person p "Someone with a long name to fill the file quickly" { role "Analyst" }\n';
        const text = line.repeat(Math.ceil((8 * 1024 * 1024 + 1) / line.length));
        const ws = await single(text);
        expect(ws.all.map(d => [d.code, d.message, d.range.start.line])).toEqual([
            ['aims/syntax-error', 'Syntax error: this file is 8.0 MiB; files over 8 MiB are not read, so nothing in it is checked. An AIMS is hand-written text: split the file.', 0]
        ]);
    });

    it('counts UTF-8 bytes, not characters', async () => {
        const { utf8Bytes } = await import('../../src/workspace/file-limits.js');
        expect(utf8Bytes('aé€😀')).toBe(1 + 2 + 3 + 4);
        expect(utf8Bytes('\uD800')).toBe(3);
    });
});
