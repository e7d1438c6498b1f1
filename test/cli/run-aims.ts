/**
 * Run the bundled `aims` CLI (out/cli/main.cjs, built by test/global-setup.ts) as a user
 * would: a subprocess with its own working directory, exit code, stdout and stderr.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE = join(REPO_ROOT, 'out', 'cli', 'main.cjs');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'cli');

export interface AimsRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

/**
 * `aims <args>` in `cwd` (default: the repository root) on this Node (22 inside vitest). The
 * colour variables of the test runner's environment are left out unless `env` sets them.
 */
export function runAims(args: readonly string[], options: { cwd?: string; node?: string; script?: string; env?: Record<string, string | undefined> } = {}): AimsRun {
    const result = spawnSync(options.node ?? process.execPath, [options.script ?? BUNDLE, ...args], {
        cwd: options.cwd ?? REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, AIMS_DEBUG: '', FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env }
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh copy of a fixture workspace in a temporary folder outside any git repository. */
export function copyFixture(name: string, folderName = name): string {
    const target = join(mkdtempSync(join(tmpdir(), 'aims-cli-')), folderName);
    cpSync(join(FIXTURES, name), target, { recursive: true });
    return target;
}
