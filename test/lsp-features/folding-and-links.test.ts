import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { FoldingRangeKind, type DocumentLink, type FoldingRange } from 'vscode-languageserver';
import { single, workspace, type TestWorkspace } from '../helpers/workspace.js';

async function foldings(ws: TestWorkspace, file = 'main.aims'): Promise<FoldingRange[]> {
    const document = ws.documents[file];
    return (await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
}

async function links(ws: TestWorkspace, file = 'main.aims'): Promise<Array<DocumentLink & { text: string }>> {
    const document = ws.documents[file];
    const found = (await ws.services.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
    return found.map(link => ({ ...link, text: document.textDocument.getText(link.range) }));
}

describe('folding ranges', () => {
    const text = [
        '// Acme AIMS',                         // 0
        '// kept in git',                       // 1
        '// reviewed yearly',                   // 2
        'organisation acme "Acme" {',           // 3
        '    scope "x"',                        // 4
        '    party p "P" {',                    // 5
        '        requirement "a"',              // 6
        '        requirement "b"',              // 7
        '    }',                                // 8
        '}',                                    // 9
        '/* A longer note',                     // 10
        '   over three',                        // 11
        '   lines. */',                         // 12
        'person a "A" { role "x" }',            // 13
        'soa {',                                // 14
        '    control A.2.2 applicable { status planned }', // 15
        '    control A.2.3 applicable {',       // 16
        '        status planned',               // 17
        '    }',                                // 18
        '}'                                     // 19
    ].join('\n');

    it('fold every block of three lines or more down to its first line, nested blocks included', async () => {
        const blocks = (await foldings(await single(text))).filter(f => f.kind === undefined).map(f => [f.startLine, f.endLine]);
        expect(blocks).toEqual(expect.arrayContaining([[3, 8], [5, 7], [14, 18], [16, 17]]));
        expect(blocks.some(([start]) => start === 13 || start === 15)).toBe(false);
    });

    it('fold multi-line comments and runs of line comments', async () => {
        const comments = (await foldings(await single(text))).filter(f => f.kind === FoldingRangeKind.Comment).map(f => [f.startLine, f.endLine]);
        expect(comments).toEqual(expect.arrayContaining([[0, 2], [10, 11]]));
        expect(comments).toHaveLength(2);
    });

    it('do not join line comments that are separated by code or that end a line of code', async () => {
        const ws = await single('// one\nperson a "A" // trailing\n// two\nperson b "B"\n');
        expect((await foldings(ws)).filter(f => f.kind === FoldingRangeKind.Comment)).toEqual([]);
    });
});

describe('document links', () => {
    const text = [
        'evidence ev-policy "Policy" { path "evidence/ai-policy.pdf" kind document }',
        'evidence ev-wiki "Wiki" { url "https://wiki.acme.example/aims" }',
        'evidence ev-ticket "Ticket" { url "JIRA-123" }',
        'evidence ev-outside "Outside" { path "../secrets.txt" }',
        'evidence ev-js "Script" { url "javascript:alert(1)" }',
        'evidence ev-command "Command" { url "command:workbench.action.terminal.new" }',
        'evidence ev-file "File" { url "file:///etc/passwd" }'
    ].join('\n');

    it('link an evidence path to the file, relative to the workspace root as the validator resolves it', async () => {
        const ws = await workspace({ 'aims/evidence.aims': text }, { root: '/repo' });
        const [policy] = await links(ws, 'aims/evidence.aims');
        expect(policy.text).toBe('evidence/ai-policy.pdf');
        expect(policy.target).toBe(URI.file('/repo/evidence/ai-policy.pdf').toString());
    });

    it('link only paths inside the workspace and http(s) addresses: no other scheme, no path outside, no text that is no address', async () => {
        const ws = await single(text);
        const found = await links(ws);
        expect(found.map(l => [l.text, l.target])).toEqual([
            ['evidence/ai-policy.pdf', URI.file('/workspace/evidence/ai-policy.pdf').toString()],
            ['https://wiki.acme.example/aims', 'https://wiki.acme.example/aims']
        ]);
    });

    it('follow the workspaceRoot setting, like the evidence checks do', async () => {
        const ws = await single(text, { settings: { workspaceRoot: '/srv/aims' } });
        expect((await links(ws))[0].target).toBe(URI.file('/srv/aims/evidence/ai-policy.pdf').toString());
    });
});
