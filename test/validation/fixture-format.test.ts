/**
 * The fixture format that the rule tests read (test/fixtures/validation/README.md). If it put a
 * range in the wrong place, every rule test would check the wrong thing, so it has its own tests.
 */
import { describe, expect, it } from 'vitest';
import { FixtureFormatError, parseFixtureFile } from './fixture-format.js';

describe('the rule fixture format', () => {
    it('removes the markers and gives ranges in the text without them', () => {
        const parsed = parseFixtureFile('f.aims', [
            '// $TEST$ error "aims/unknown-catalog-id" "Did you mean \'A.6.2.4\'"',
            'risk r "R" { treatment mitigate with »a.6.2.4« }'
        ].join('\n'));
        expect(parsed.text).toBe('// $TEST$ error "aims/unknown-catalog-id" "Did you mean \'A.6.2.4\'"\nrisk r "R" { treatment mitigate with a.6.2.4 }');
        expect(parsed.expectations).toEqual([{
            file: 'f.aims', line: 1, negated: false, severity: 'error', code: 'aims/unknown-catalog-id',
            message: 'Did you mean \'A.6.2.4\'', marked: 'a.6.2.4',
            range: { start: { line: 1, character: 37 }, end: { line: 1, character: 44 } }
        }]);
    });

    it('pairs the n-th comment with the n-th range, in the order the ranges open, also nested, multi-line and empty ones', () => {
        const parsed = parseFixtureFile('f.aims', [
            '// $TEST$ no warning "aims/duplicate-field"',
            '// $TEST$ error "aims/syntax-error"',
            '// $TEST$ warning "aims/missing-field"',
            '// $TEST$ no diagnostic "aims/evidence-expiring"',
            '»person »alice« "Alice" {',
            '    role "x"',
            '}« »«»«'
        ].join('\n'));
        expect(parsed.expectations.map(e => [e.severity, e.negated, e.marked, e.range])).toEqual([
            ['warning', true, 'person alice "Alice" {\n    role "x"\n}', { start: { line: 4, character: 0 }, end: { line: 6, character: 1 } }],
            ['error', false, 'alice', { start: { line: 4, character: 7 }, end: { line: 4, character: 12 } }],
            ['warning', false, '', { start: { line: 6, character: 2 }, end: { line: 6, character: 2 } }],
            ['diagnostic', true, '', { start: { line: 6, character: 2 }, end: { line: 6, character: 2 } }]
        ]);
    });

    it('reads settings and files from header comments', () => {
        const parsed = parseFixtureFile('f.aims', [
            '// $SETTINGS$ {"today": "2027-02-01", "evidenceExpiryWindowDays": 60}',
            '// $FILES$ evidence/a.pdf, evidence/logs/may.csv',
            '// $TEST$ warning "aims/evidence-expiring"',
            'evidence ev "E" { expires »2027-03-01« }'
        ].join('\n'));
        expect(parsed.settings).toEqual({ today: '2027-02-01', evidenceExpiryWindowDays: 60 });
        expect(parsed.existingFiles).toEqual(['evidence/a.pdf', 'evidence/logs/may.csv']);
    });

    it.each([
        ['a marker that is never closed', '// $TEST$ error "aims/x"\n»person', "f.aims:2: '»' is never closed"],
        ['a closing marker without opening', 'person«', "f.aims:1: '«' closes no '»'"],
        ['a range without a comment', 'person »alice«', 'f.aims:1: the range »alice« has no $TEST$ comment'],
        ['a comment without a range', '// $TEST$ error "aims/x"\nperson alice', 'f.aims:1: this is $TEST$ comment number 1, but the file marks only 0 range(s)'],
        ['a comment after its range', 'person »alice«\n// $TEST$ error "aims/x"', 'f.aims:2: this $TEST$ comment is about range number 1 (line 1), which comes before it'],
        ['an unreadable comment', '// $TEST$ eror "aims/x"\n»a«', "f.aims:1: cannot read '$TEST$ eror \"aims/x\"'"],
        ['any severity in a positive expectation', '// $TEST$ diagnostic "aims/x"\n»a«', "f.aims:1: 'diagnostic' (any severity) is only for negative expectations"],
        ['a code without the aims/ prefix', '// $TEST$ error "syntax-error"\n»a«', "f.aims:1: the code 'syntax-error' does not start with 'aims/'"]
    ])('rejects %s, saying where', (_what, text, message) => {
        expect(() => parseFixtureFile('f.aims', text)).toThrow(FixtureFormatError);
        expect(() => parseFixtureFile('f.aims', text)).toThrow(message);
    });
});
