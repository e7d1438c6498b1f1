/**
 * Near-miss suggestions for catalog ids: `A.6.2.40`, `a.6.2.4`, `A6.2.4`, `GOVERN 11` all have
 * an obvious intended id. Pure functions, so the validator, the quick fixes and the CLI agree.
 */

/** Canonical comparison form: upper case, no whitespace, no dots. `A.6.2.4` -> `A624`. */
function squash(id: string): string {
    return id.toUpperCase().replace(/[\s.]+/g, '');
}

/** Whether two ids differ only in case, dots or spacing (`a.6.2.4`, `A6.2.4` and `A.6.2.4`). */
export function sameShape(a: string, b: string): boolean {
    return squash(a) === squash(b);
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), computed only
 * as far as `max`: any distance above it comes back as `max + 1`. Strings whose lengths differ by
 * more than `max` are answered without looking at them, and the rows are cut off as soon as no
 * cell is within `max`, so a megabyte-long name costs no more than a short one. Three rows of
 * memory, not a matrix.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
    if (Math.abs(a.length - b.length) > max) {
        return max + 1;
    }
    let before = new Array<number>(b.length + 1).fill(0);
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    let current = new Array<number>(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d = Math.min(d, before[j - 2] + 1);
            }
            current[j] = d;
            rowMin = Math.min(rowMin, d);
        }
        if (rowMin > max) {
            return max + 1;
        }
        [before, previous, current] = [previous, current, before];
    }
    return Math.min(previous[b.length], max + 1);
}

/** Longer names are not typos of a catalog id or a declared name: no suggestion is looked for. */
export const MAX_SUGGESTION_LENGTH = 200;

/**
 * The candidates closest to `written`, best first, at most `limit`. An id that differs only in
 * case, dots or spacing wins outright; otherwise anything within edit distance 2 (1 for short ids).
 * Linear in the number of candidates: each comparison stops at the threshold.
 */
export function didYouMean(written: string, candidates: Iterable<string>, limit = 3): string[] {
    if (written.length > MAX_SUGGESTION_LENGTH) {
        return [];
    }
    const target = squash(written);
    const upper = written.toUpperCase();
    const exactShape: string[] = [];
    const scored: Array<{ id: string; distance: number }> = [];
    for (const candidate of candidates) {
        const squashed = squash(candidate);
        if (squashed === target) {
            exactShape.push(candidate);
            continue;
        }
        const threshold = candidate.length <= 4 ? 1 : 2;
        const distance = editDistance(upper, candidate.toUpperCase(), threshold);
        if (distance <= threshold) {
            scored.push({ id: candidate, distance });
        }
    }
    if (exactShape.length > 0) {
        return exactShape.slice(0, limit);
    }
    scored.sort((x, y) => x.distance - y.distance || x.id.localeCompare(y.id, 'en', { numeric: true }));
    return scored.slice(0, limit).map(s => s.id);
}
