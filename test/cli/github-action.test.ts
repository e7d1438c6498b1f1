/**
 * The GitHub Action (action.yml): its manifest is consistent and documented, and its shell steps
 * (action/*.sh, action/comment.mjs) do what the workflow relies on, run here as a runner would
 * run them: GITHUB_ACTION_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY set, in a scratch git
 * repository holding the example workspace, and against a local stand-in for the GitHub API.
 * The install step and the two `uses:` steps (setup-node, upload-sarif) need GitHub itself.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GIT_ENV, ScratchRepository } from '../helpers/scratch-repository.js';
import { sarifValidator } from '../helpers/sarif-schema.js';
import { REPO_ROOT } from './run-aims.js';

interface ActionManifest {
    inputs: Record<string, { description: string; default?: string }>;
    outputs: Record<string, { description: string; value: string }>;
    runs: { using: string; steps: Array<{ id?: string; uses?: string; run?: string; if?: string; env?: Record<string, string> }> };
}

const MANIFEST = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionManifest;
const CLI_DOC = readFileSync(join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');

interface StepRun {
    code: number | null;
    stdout: string;
    stderr: string;
    outputs: Record<string, string>;
    summary: string;
}

const scratch: string[] = [];
afterEach(() => scratch.splice(0).forEach(dir => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'aims-action-'));
    scratch.push(dir);
    return dir;
}

function runnerFiles(): { env: Record<string, string>; read: () => Pick<StepRun, 'outputs' | 'summary'> } {
    const dir = tempDir();
    const output = join(dir, 'output');
    const summary = join(dir, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    return {
        env: { GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: dir },
        read: () => ({
            outputs: Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])),
            summary: readFileSync(summary, 'utf8')
        })
    };
}

/** One `run:` step of action.yml, as the runner would start it in the workspace `cwd`. */
function step(script: string, cwd: string, env: Record<string, string>): StepRun {
    const runner = runnerFiles();
    const result = spawnSync('bash', [join(REPO_ROOT, 'action', script)], {
        cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', FORCE_COLOR: undefined, ...runner.env, ...env }
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, ...runner.read() };
}

function exampleRepository(): ScratchRepository {
    const repo = new ScratchRepository();
    scratch.push(repo.root);
    repo.addExamples('aims');
    repo.commitAll('AIMS as of the management review');
    return repo;
}

const TODAY = { INPUT_PATH: 'aims', INPUT_TODAY: '2026-11-28' };

describe('GitHub Action: the manifest', () => {
    it('is a composite action whose steps use only inputs it declares and scripts that exist', () => {
        expect(MANIFEST.runs.using).toBe('composite');
        const text = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
        const used = [...text.matchAll(/inputs\.([\w-]+)/g)].map(m => m[1]);
        expect(used.filter(name => !(name in MANIFEST.inputs))).toEqual([]);
        const scripts = MANIFEST.runs.steps.flatMap(s => [...(s.run ?? '').matchAll(/\$GITHUB_ACTION_PATH\/([\w./-]+)/g)].map(m => m[1]));
        expect(scripts.length).toBeGreaterThanOrEqual(4);
        expect(scripts.filter(path => !existsSync(join(REPO_ROOT, path)))).toEqual([]);
        for (const [name, output] of Object.entries(MANIFEST.outputs)) {
            const [, stepId] = /steps\.([\w-]+)\.outputs/.exec(output.value) ?? [];
            expect(MANIFEST.runs.steps.some(s => s.id === stepId), `${name} comes from step ${stepId}`).toBe(true);
        }
    });

    it('documents every input and output in docs/cli.md', () => {
        const documented = (name: string) => new RegExp(`^\\| \`${name}\` \\|`, 'm').test(CLI_DOC);
        expect(Object.keys(MANIFEST.inputs).filter(name => !documented(name))).toEqual([]);
        expect(Object.keys(MANIFEST.outputs).filter(name => !documented(name))).toEqual([]);
    });
});

describe('GitHub Action: the validate step', () => {
    it('annotates, writes schema-valid SARIF and the counts, and passes a workspace with warnings only', () => {
        const repo = exampleRepository();
        const run = step('validate.sh', repo.root, TODAY);
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^::warning file=aims\/policies\.aims,line=22,/m);
        expect(run.outputs).toEqual({ 'exit-code': '0', 'sarif-file': 'aims.sarif', 'errors': '0', 'warnings': '8' });
        expect(run.summary).toBe('**AIMS:** 0 errors, 8 warnings in 15 files.\n');
        const validate = sarifValidator();
        expect(validate(JSON.parse(repo.read('aims.sarif'))), JSON.stringify(validate.errors)).toBe(true);
    });

    it('fails on an error, and follows fail-on and max-warnings', () => {
        const repo = exampleRepository();
        repo.edit('aims/risks.aims', 'treatment mitigate with A.6.2.4', 'treatment mitigate with A.6.2.40');
        const failing = step('validate.sh', repo.root, TODAY);
        expect(failing.code).toBe(1);
        expect(failing.stdout).toMatch(/^::error file=aims\/risks\.aims,line=\d+,col=\d+.*title=aims\/unknown-catalog-id/m);
        expect(failing.outputs).toMatchObject({ 'exit-code': '1', 'errors': '1' });
        expect(step('validate.sh', repo.root, { ...TODAY, INPUT_FAIL_ON: 'never' }).code).toBe(0);
        repo.edit('aims/risks.aims', 'A.6.2.40', 'A.6.2.4');
        expect(step('validate.sh', repo.root, { ...TODAY, INPUT_FAIL_ON: 'warning' }).code).toBe(1);
        expect(step('validate.sh', repo.root, { ...TODAY, INPUT_MAX_WARNINGS: '0' }).code).toBe(1);
        expect(step('validate.sh', repo.root, { ...TODAY, INPUT_MAX_WARNINGS: '8' }).code).toBe(0);
    });

    it('fails with exit code 2 on unreadable input, and on a fail-on it does not know', () => {
        const repo = exampleRepository();
        const missing = step('validate.sh', repo.root, { ...TODAY, INPUT_PATH: 'no-such-folder' });
        expect(missing.code).toBe(2);
        expect(missing.outputs['exit-code']).toBe('2');
        expect(missing.outputs['sarif-file']).toBeUndefined();
        const unknown = step('validate.sh', repo.root, { ...TODAY, INPUT_FAIL_ON: 'sometimes' });
        expect(unknown.code).toBe(2);
        expect(unknown.stdout).toContain("::error::fail-on must be error, warning or never, not 'sometimes'");
    });
});

describe('GitHub Action: the compliance diff step', () => {
    it('compares with the base commit of the pull request, fetching it into a shallow checkout', () => {
        const origin = exampleRepository();
        const base = origin.gitOk('rev-parse', 'HEAD').trim();
        origin.edit('aims/soa.aims', 'control A.6.2.4 applicable {\n        status implemented', 'control A.6.2.4 applicable {\n        status planned');
        origin.commitAll('Pull request: verification is back to planned');
        // What actions/checkout gives by default: one commit, without the base.
        const checkout = join(tempDir(), 'checkout');
        const clone = spawnSync('git', ['clone', '-q', '--depth=1', `file://${origin.root}`, checkout], { encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
        expect(clone.status, clone.stderr).toBe(0);
        expect(spawnSync('git', ['cat-file', '-e', `${base}^{commit}`], { cwd: checkout }).status).not.toBe(0);
        const run = step('diff.sh', checkout, { ...TODAY, BASE_SHA: base });
        expect(run.code, run.stderr).toBe(0);
        const diff = readFileSync(run.outputs['diff-file'], 'utf8');
        expect(diff).toMatch(/^## AIMS changes: `[0-9a-f]{7,}` → `working tree`/m);
        expect(diff).toContain('- **A.6.2.4** AI system verification and validation: goes from **implemented** to **planned**');
        expect(run.summary).toBe(diff);
    });

    it('says what is missing when the base commit is not given', () => {
        const repo = exampleRepository();
        const run = step('diff.sh', repo.root, { ...TODAY, BASE_SHA: '' });
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain('the base commit of the pull request is not known');
    });
});

describe('GitHub Action: the comment step', () => {
    interface Call { method: string; url: string; body?: { body: string }; auth?: string }

    /** A stand-in for the GitHub REST API: issue comments of pull request 7 of acme/aims. */
    async function githubApi(comments: Array<{ id: number; body: string }>, status = 200) {
        const calls: Call[] = [];
        const server = createServer((request: IncomingMessage, response: ServerResponse) => {
            let text = '';
            request.on('data', chunk => text += chunk).on('end', () => {
                calls.push({ method: request.method!, url: request.url!, body: text ? JSON.parse(text) : undefined, auth: request.headers.authorization });
                response.setHeader('Content-Type', 'application/json');
                if (status !== 200) {
                    response.statusCode = status;
                    response.end('{"message":"Resource not accessible by integration"}');
                } else if (request.method === 'GET') {
                    response.end(JSON.stringify(comments));
                } else {
                    const id = request.method === 'PATCH' ? Number(request.url!.split('/').pop()) : 99;
                    response.statusCode = request.method === 'POST' ? 201 : 200;
                    response.end(JSON.stringify({ id, html_url: `https://github.com/acme/aims/pull/7#issuecomment-${id}` }));
                }
            });
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, close: () => server.close() };
    }

    /** comment.mjs as a child process; asynchronous, so that the stand-in API keeps answering. */
    function comment(api: string): Promise<StepRun> {
        const runner = runnerFiles();
        const diffFile = join(tempDir(), 'aims-diff.md');
        writeFileSync(diffFile, '## AIMS changes: `abc1234` → `working tree`\n\nNothing changed in meaning.\n');
        const child = spawn(process.execPath, [join(REPO_ROOT, 'action', 'comment.mjs')], {
            env: { ...process.env, ...runner.env, GITHUB_API_URL: api, GITHUB_REPOSITORY: 'acme/aims', PR_NUMBER: '7', GITHUB_TOKEN: 't0ken', DIFF_FILE: diffFile }
        });
        let stdout = '', stderr = '';
        child.stdout.on('data', c => stdout += c);
        child.stderr.on('data', c => stderr += c);
        return new Promise(resolve => child.on('close', code => resolve({ code, stdout, stderr, ...runner.read() })));
    }

    it('posts the diff once, then updates the same comment', async () => {
        const first = await githubApi([{ id: 5, body: 'LGTM' }]);
        const posted = await comment(first.url);
        first.close();
        expect(posted.code, posted.stderr).toBe(0);
        expect(first.calls.map(c => `${c.method} ${c.url}`)).toEqual([
            'GET /repos/acme/aims/issues/7/comments?per_page=100&page=1',
            'POST /repos/acme/aims/issues/7/comments'
        ]);
        expect(first.calls[1].auth).toBe('Bearer t0ken');
        expect(first.calls[1].body!.body).toBe('<!-- aims-compliance-diff -->\n## AIMS changes: `abc1234` → `working tree`\n\nNothing changed in meaning.\n');
        expect(posted.outputs['comment-url']).toBe('https://github.com/acme/aims/pull/7#issuecomment-99');

        const second = await githubApi([{ id: 5, body: 'LGTM' }, { id: 42, body: '<!-- aims-compliance-diff -->\nolder diff' }]);
        const updated = await comment(second.url);
        second.close();
        expect(updated.code).toBe(0);
        expect(second.calls.map(c => `${c.method} ${c.url}`)).toEqual([
            'GET /repos/acme/aims/issues/7/comments?per_page=100&page=1',
            'PATCH /repos/acme/aims/issues/comments/42'
        ]);
        expect(updated.stdout).toContain('Updated the compliance diff: https://github.com/acme/aims/pull/7#issuecomment-42');
    });

    it('warns instead of failing when the token may not comment (pull requests from forks)', async () => {
        const api = await githubApi([], 403);
        const run = await comment(api.url);
        api.close();
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^::warning::The compliance diff could not be posted \(GET .* HTTP 403 .*\); it is in the job summary\.$/m);
    });

    it('fails on any other API error', async () => {
        const api = await githubApi([], 500);
        const run = await comment(api.url);
        api.close();
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^::error::GET .* HTTP 500/m);
    });
});
