/**
 * A scratch git repository in a temporary folder, for tests of the CLI in a git workflow
 * (changed files, hooks, `aims diff`). Commits use a fixed author and date, so they are the
 * same on every machine; git is run without the user's global or system configuration.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../cli/run-aims.js';

export const GIT_ENV = {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Ada Tester', GIT_AUTHOR_EMAIL: 'ada@example.org', GIT_AUTHOR_DATE: '2026-06-01T10:00:00Z',
    GIT_COMMITTER_NAME: 'Ada Tester', GIT_COMMITTER_EMAIL: 'ada@example.org', GIT_COMMITTER_DATE: '2026-06-01T10:00:00Z'
};

export interface GitRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

export class ScratchRepository {
    readonly root: string;

    constructor() {
        this.root = mkdtempSync(join(tmpdir(), 'aims-repo-'));
        this.gitOk('init', '-q', '-b', 'main');
    }

    /** `git <args>` in the repository. */
    git(...args: string[]): GitRun {
        const result = spawnSync('git', args, { cwd: this.root, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
        return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    /** `git <args>` that must succeed; its stdout. */
    gitOk(...args: string[]): string {
        const run = this.git(...args);
        if (run.code !== 0) {
            throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
        }
        return run.stdout;
    }

    /** Copy the example workspace (examples/) to `folder` of the repository ('.' for its root). */
    addExamples(folder = '.', options: { config?: boolean } = {}): void {
        const target = join(this.root, folder);
        cpSync(join(REPO_ROOT, 'examples'), target, { recursive: true });
        if (options.config === false) {
            rmSync(join(target, 'aims.config.json'));
        }
    }

    write(path: string, text: string): void {
        mkdirSync(dirname(join(this.root, path)), { recursive: true });
        writeFileSync(join(this.root, path), text);
    }

    read(path: string): string {
        return readFileSync(join(this.root, path), 'utf8');
    }

    /** Replace `from` by `to` in a file; fails when `from` is not there, so a test cannot edit nothing. */
    edit(path: string, from: string, to: string): void {
        const text = this.read(path);
        if (!text.includes(from)) {
            throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
        }
        this.write(path, text.replace(from, to));
    }

    commitAll(message: string): void {
        this.gitOk('add', '-A');
        this.gitOk('commit', '-q', '-m', message);
    }

    remove(): void {
        rmSync(this.root, { recursive: true, force: true });
    }
}
