/**
 * A user's clone has nothing beside it: every file a test or the build reads is inside the
 * repository. These checks keep it that way, and keep the copied schemas byte for byte as
 * their publishers released them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function trackedFiles(): string[] {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
}

describe('the repository stands alone', () => {
    it('no tracked file reads a folder outside the repository', () => {
        // `../shared` in any spelling a path API would accept: '../shared', '..', 'shared', '../../shared'.
        const outside = /\.\.\/shared\b|['"]\.\.['"]\s*,\s*['"]shared['"]/;
        const offenders = trackedFiles()
            .filter((file) => !file.startsWith('test/repository/'))
            .filter((file) => {
                const bytes = readFileSync(join(ROOT, file));
                return !bytes.includes(0) && outside.test(bytes.toString('utf8'));
            });
        expect(offenders).toEqual([]);
    });

    it('the copied schemas are byte for byte the ones test/schemas/README.md lists', () => {
        const readme = readFileSync(join(ROOT, 'test/schemas/README.md'), 'utf8');
        const listed = [...readme.matchAll(/`([\w.-]+\.json)`[^\n]*?`([0-9a-f]{64})`/g)].map((m) => ({ name: m[1]!, sha: m[2]! }));
        const files = trackedFiles().filter((file) => file.startsWith('test/schemas/') && file.endsWith('.json'));
        expect(files.length).toBeGreaterThanOrEqual(7);
        for (const file of files) {
            const name = file.split('/').pop()!;
            const entry = listed.find((l) => l.name === name);
            expect(entry, `${file} is not listed in test/schemas/README.md`).toBeDefined();
            const sha = createHash('sha256').update(readFileSync(join(ROOT, file))).digest('hex');
            expect(sha, file).toBe(entry!.sha);
        }
    });
});
