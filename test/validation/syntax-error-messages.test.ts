/**
 * Syntax error messages lead with what is wrong in the author's words; the rule fixtures under
 * test/fixtures/validation/syntax-error check where each one is reported.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { single } from '../helpers/workspace.js';

/** The syntax errors of a one-file workspace, with their messages as plain text. */
async function syntaxErrors(text: string): Promise<Array<Diagnostic & { message: string }>> {
    return (await single(text)).all.filter(d => d.code === 'aims/syntax-error')
        .map(d => ({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value }));
}

function at(d: Diagnostic): string {
    return `${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

describe('a word that starts no declaration', () => {
    it('opens the message, with a did-you-mean and the declaration keywords', async () => {
        const [error, ...others] = await syntaxErrors('persn alice "Alice Moreau"\n');
        expect(others).toEqual([]);
        expect(error.message).toMatch(/^'persn' does not start a declaration\. Did you mean 'person'\? Declarations start with: organisation, person, team, /);
    });
});

describe('a text without its closing quote', () => {
    const system = [
        'person alice "Alice Moreau"',
        'system credit-scoring "Credit scoring model" {',
        '    purpose "Estimates the default probability',
        '    intended-use "Decision support for credit officers"',
        '    owner alice',
        '    oversight "Credit officers review every decline"',
        '    deployment "EU, internal API"',
        '}',
        ''
    ].join('\n');

    it('is reported first, at its opening quote, and the errors it causes further down point back to it', async () => {
        const errors = await syntaxErrors(system);
        const [first] = [...errors].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        expect(at(first)).toBe('3:13');
        expect(first.message).toMatch(/^Syntax error: this quoted text has no closing ": it runs on to the next " on line 4/);
        const later = errors.filter(d => d !== first);
        expect(later.length).toBeGreaterThan(0);
        expect(later.every(d => d.message.endsWith('This probably follows from the quoted text on line 3, which has no closing ".'))).toBe(true);
    });

    it('at the end of the file is reported at the quote', async () => {
        const errors = await syntaxErrors('person bob "Bob Lindqvist\n');
        expect(errors.map(at)).toContain('1:12');
        expect(errors.find(d => at(d) === '1:12')?.message).toContain('this quoted text has no closing "');
    });
});

describe('a NIST AI RMF id without its dot', () => {
    it('is offered with the dot', async () => {
        const [error] = await syntaxErrors('control ACME.1 "Red-team prompts" { nist MEASURE 27 }\n');
        expect(error.message).toContain("Did you mean 'MEASURE 2.7'?");
    });
});

describe('a keyword where a name belongs', () => {
    it('says that keywords cannot be names', async () => {
        const [error] = await syntaxErrors('team lead "Leads"\n');
        expect(error.message).toContain("'lead' is a keyword of the AIMS language and cannot be used as a name. Choose another one, such as 'lead-1'.");
    });

    it('suggests a name that is not a keyword', async () => {
        expect(await syntaxErrors('team lead-1 "Leads"\n')).toEqual([]);
    });
});

describe('a value after supports that is no catalog id', () => {
    it('names the kinds of catalog id, not token types', async () => {
        const [error] = await syntaxErrors('evidence ev "E" { supports owner }\n');
        expect(error.message).toContain('expected a catalog id (an ISO/IEC 42001 clause such as 5.2');
        expect(error.message).not.toContain('a number');
    });
});
