/**
 * git as untrusted input: a cloned repository's own configuration must not run anything when the
 * tools ask git about it, and the answers stay right.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitCommit } from '../../src/report/aims-report-data.js';
import { repositoryRoot } from '../../src/cli/repository-root.js';
import { runGit, workingTreeDiffers } from '../../src/workspace/git.js';

let dir: string;
let marker: string;

function git(...args: string[]): string {
    return execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { encoding: 'utf8', stdio: 'pipe' });
}

/** A repository whose .git/config runs `evil.sh` from every hook point we know of. */
function hostileRepository(): void {
    git('init', '-q');
    mkdirSync(join(dir, 'aims'));
    writeFileSync(join(dir, 'aims', 'main.aims'), 'person a "A"\n');
    writeFileSync(join(dir, '.gitattributes'), '*.aims filter=evil diff=evil\n');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    const evil = join(dir, 'evil.sh');
    writeFileSync(evil, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat\n`);
    chmodSync(evil, 0o755);
    mkdirSync(join(dir, '.git', 'hooks'), { recursive: true });
    for (const hook of ['post-index-change', 'post-checkout']) {
        writeFileSync(join(dir, '.git', 'hooks', hook), `#!/bin/sh\necho hook >> '${marker}'\n`);
        chmodSync(join(dir, '.git', 'hooks', hook), 0o755);
    }
    for (const [key, value] of [
        ['core.fsmonitor', evil], ['filter.evil.clean', evil], ['filter.evil.smudge', evil], ['filter.evil.process', evil],
        ['diff.evil.textconv', evil], ['diff.external', evil], ['log.showSignature', 'true'], ['gpg.program', evil], ['core.pager', evil]
    ]) {
        git('config', key, value);
    }
}

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aims-git-'));
    marker = join(dir, 'ran.txt');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('git through runGit', () => {
    it('runs none of the commands a repository configures (fsmonitor, filters, hooks, gpg, pager)', () => {
        hostileRepository();
        // Touch the file so that git would have to look at its content (racily clean).
        writeFileSync(join(dir, 'aims', 'main.aims'), 'person a "A"\n');
        const commit = gitCommit(join(dir, 'aims'));
        expect(commit).toMatchObject({ dirty: false });
        expect(repositoryRoot(join(dir, 'aims'))).toBe(execFileSync('realpath', [dir], { encoding: 'utf8' }).trim());
        expect(runGit(dir, ['rev-parse', 'HEAD']).trim()).toBe(commit!.hash);
        expect(existsSync(marker)).toBe(false);
    });

    it('tells a clean working tree from a changed, a deleted, an added and an untracked file', () => {
        git('init', '-q');
        writeFileSync(join(dir, 'a.aims'), 'person a "A"\n');
        writeFileSync(join(dir, '.gitignore'), 'ignored.aims\n');
        git('add', '.');
        git('commit', '-q', '-m', 'first');
        expect(workingTreeDiffers(dir)).toBe(false);
        writeFileSync(join(dir, 'ignored.aims'), 'x');
        expect(workingTreeDiffers(dir)).toBe(false);
        writeFileSync(join(dir, 'a.aims'), 'person a "B"\n');
        expect(workingTreeDiffers(dir)).toBe(true);
        git('checkout', '-q', '--', 'a.aims');
        writeFileSync(join(dir, 'b.aims'), 'person b "B"\n');
        expect(workingTreeDiffers(dir)).toBe(true);
        git('add', 'b.aims');
        expect(workingTreeDiffers(dir)).toBe(true);
        git('rm', '-q', '--cached', 'b.aims');
        rmSync(join(dir, 'b.aims'));
        rmSync(join(dir, 'a.aims'));
        expect(workingTreeDiffers(dir)).toBe(true);
    });
});
