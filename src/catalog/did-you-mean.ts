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

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}

/**
 * The candidates closest to `written`, best first, at most `limit`. An id that differs only in
 * case, dots or spacing wins outright; otherwise anything within edit distance 2 (1 for short ids).
 */
export function didYouMean(written: string, candidates: Iterable<string>, limit = 3): string[] {
    const target = squash(written);
    const exactShape: string[] = [];
    const scored: Array<{ id: string; distance: number }> = [];
    for (const candidate of candidates) {
        const squashed = squash(candidate);
        if (squashed === target) {
            exactShape.push(candidate);
            continue;
        }
        const distance = editDistance(written.toUpperCase(), candidate.toUpperCase());
        const threshold = candidate.length <= 4 ? 1 : 2;
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
