/**
 * A unified diff between two versions of a file, as `diff -u` and `git diff` print it, so that
 * `aims fmt --diff` and `aims fix --dry-run` show what they would change in a form people and
 * `git apply` / `patch -p1` read. Lines are compared with Myers' O((N+M)D) algorithm.
 */

const CONTEXT = 3;

type Operation = { kind: 'same' | 'removed' | 'added'; line: string };

/** Lines with their line breaks kept, so a changed line ending is a change. */
function splitLines(text: string): string[] {
    const lines = text.match(/[^\n]*\n|[^\n]+$/g);
    return lines ?? [];
}

/** The shortest edit script from `a` to `b` (Myers 1986, greedy forward search). */
function editScript(a: readonly string[], b: readonly string[]): Operation[] {
    const n = a.length;
    const m = b.length;
    const max = n + m;
    const offset = max + 1;
    const v = new Int32Array(2 * max + 3);
    const trace: Int32Array[] = [];
    let found = false;
    for (let d = 0; d <= max && !found; d++) {
        trace.push(v.slice());
        for (let k = -d; k <= d; k += 2) {
            let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
            let y = x - k;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = true;
                break;
            }
        }
    }
    // Walk the trace back from the end to recover the path.
    const operations: Operation[] = [];
    let x = n;
    let y = m;
    for (let d = trace.length - 1; d >= 0; d--) {
        const vd = trace[d];
        const k = x - y;
        const previousK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
        const previousX = d === 0 ? 0 : vd[offset + previousK];
        const previousY = previousX - previousK;
        while (x > previousX && y > previousY) {
            operations.push({ kind: 'same', line: a[--x] });
            y--;
        }
        if (d > 0) {
            if (x === previousX) {
                operations.push({ kind: 'added', line: b[--y] });
            } else {
                operations.push({ kind: 'removed', line: a[--x] });
            }
        }
    }
    return operations.reverse();
}

/** `line` as it goes into the diff body, with git's marker for a last line without a break. */
function body(prefix: string, line: string): string {
    return line.endsWith('\n') ? `${prefix}${line}` : `${prefix}${line}\n\\ No newline at end of file\n`;
}

/**
 * The unified diff from `before` to `after` with `path` (forward slashes) in the `a/` and `b/`
 * headers, or '' when the texts are equal.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
    if (before === after) {
        return '';
    }
    const operations = editScript(splitLines(before), splitLines(after));
    const changed = operations.map((op, i) => (op.kind !== 'same' ? i : -1)).filter(i => i >= 0);
    // Group changes whose context windows touch into hunks.
    const hunks: Array<[number, number]> = [];
    for (const index of changed) {
        const last = hunks[hunks.length - 1];
        if (last && index - last[1] <= 2 * CONTEXT + 1) {
            last[1] = index;
        } else {
            hunks.push([index, index]);
        }
    }
    let out = `--- a/${path}\n+++ b/${path}\n`;
    for (const [first, last] of hunks) {
        const start = Math.max(0, first - CONTEXT);
        const end = Math.min(operations.length - 1, last + CONTEXT);
        // 1-based line numbers of the hunk's first line in each version.
        let oldLine = 1;
        let newLine = 1;
        for (let i = 0; i < start; i++) {
            if (operations[i].kind !== 'added') oldLine++;
            if (operations[i].kind !== 'removed') newLine++;
        }
        const slice = operations.slice(start, end + 1);
        const oldCount = slice.filter(op => op.kind !== 'added').length;
        const newCount = slice.filter(op => op.kind !== 'removed').length;
        const range = (line: number, count: number) => `${count === 0 ? line - 1 : line}${count === 1 ? '' : `,${count}`}`;
        out += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n`;
        for (const op of slice) {
            out += body(op.kind === 'same' ? ' ' : op.kind === 'removed' ? '-' : '+', op.line);
        }
    }
    return out;
}
