/** Did-you-mean: the near misses of a name, in time linear in the candidates, whatever was written. */
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, MAX_SUGGESTION_LENGTH } from '../../src/catalog/did-you-mean.js';

describe('editDistance', () => {
    it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
        expect(editDistance('A.6.2.4', 'A.6.2.4')).toBe(0);
        expect(editDistance('A.6.2.40', 'A.6.2.4')).toBe(1);
        expect(editDistance('A.6.4.2', 'A.6.2.4')).toBe(2);
        expect(editDistance('owner', 'onwer')).toBe(1);
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(editDistance('', 'abc')).toBe(3);
    });

    it('stops at the bound and answers bound + 1 for anything further away', () => {
        expect(editDistance('kitten', 'sitting', 2)).toBe(3);
        expect(editDistance('kitten', 'sitting', 3)).toBe(3);
        expect(editDistance('x'.repeat(1_000_000), 'A.6.2.4', 2)).toBe(3);
        expect(editDistance('abcdefgh', 'hgfedcba', 1)).toBe(2);
    });

    it('agrees with the unbounded distance wherever that is within the bound', () => {
        const words = ['role', 'rol', 'roles', 'orle', 'owner', 'onwer', 'A.6.2.4', 'A.6.2.40', 'a624', 'GOVERN 1.1', 'GOVERN 11', ''];
        for (const a of words) {
            for (const b of words) {
                const full = editDistance(a, b);
                for (const max of [0, 1, 2, 3]) {
                    expect(editDistance(a, b, max)).toBe(Math.min(full, max + 1));
                }
            }
        }
    });
});

describe('didYouMean', () => {
    it('suggests the closest candidates, best first', () => {
        expect(didYouMean('A.6.2.40', ['A.6.2.4', 'A.6.2.2', 'A.7.4', 'A.6.2.3'])).toEqual(['A.6.2.4', 'A.6.2.2', 'A.6.2.3']);
        expect(didYouMean('a.6.2.4', ['A.6.2.4', 'A.6.2.5'])).toEqual(['A.6.2.4']);
        expect(didYouMean('tomasz-nowk', ['tomasz-nowak', 'anna-berg'])).toEqual(['tomasz-nowak']);
    });

    it('suggests nothing for a name longer than any typo of a real one', () => {
        expect(didYouMean('A'.repeat(MAX_SUGGESTION_LENGTH + 1), ['A'.repeat(MAX_SUGGESTION_LENGTH)])).toEqual([]);
        expect(didYouMean('x'.repeat(1_000_000), Array.from({ length: 50_000 }, (_, i) => `person-${i}`))).toEqual([]);
    });
});
