/**
 * The CLI is an npm package like any other: `npm pack` gives a tarball that installs into an
 * empty folder without the dev toolchain, and its `aims` gives exactly what the in-repo CLI
 * gives. The bundles come from the global setup, so `npm pack` runs with --ignore-scripts here
 * (its `prepack` would rebuild out/ under the other tests' feet); the test checks that
 * `prepack` builds what the tarball needs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runAims } from './run-aims.js';

interface PackResult { filename: string; files: Array<{ path: string }> }

const scratch = mkdtempSync(join(tmpdir(), 'aims-npm-package-'));
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, any>;
let packed: PackResult;
let installDir: string;
let workspaceDir: string;

/** The PATH without this repository's node_modules/.bin: the installed `aims` runs on the user's own Node. */
function userPath(): string {
    const repoBin = join(REPO_ROOT, 'node_modules', '.bin');
    return (process.env.PATH ?? '').split(delimiter).filter(dir => dir && !dir.startsWith(repoBin) && !dir.includes(`${REPO_ROOT}/node_modules`)).join(delimiter);
}

/** `npx aims <args>` from the install folder, as a user would type it. */
function npxAims(args: string[]) {
    const result = spawnSync('npx', ['--offline', '--no-install', 'aims', ...args], {
        cwd: installDir,
        encoding: 'utf8',
        env: { ...process.env, PATH: userPath(), AIMS_DEBUG: '', npm_config_loglevel: 'error' }
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], {
        cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' }
    });
    packed = (JSON.parse(out) as PackResult[])[0]!;
    installDir = join(scratch, 'user-project');
    mkdirSync(installDir);
    writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'user-project', private: true }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(scratch, packed.filename)], {
        cwd: installDir, encoding: 'utf8', env: { ...process.env, PATH: userPath(), npm_config_loglevel: 'error' }
    });
    workspaceDir = join(scratch, 'northwind');
    cpSync(join(REPO_ROOT, 'examples'), workspaceDir, { recursive: true });
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm package', () => {
    it('declares what a published CLI needs and depends on nothing at run time', () => {
        expect(manifest.bin).toEqual({ aims: './bin/aims.cjs' });
        expect(manifest.license).toBe('MIT');
        expect(manifest.engines.node).toBe('>=20');
        expect(manifest.keywords).toEqual(expect.arrayContaining(['ISO 42001', 'cli']));
        expect(manifest.dependencies ?? {}).toEqual({});
        expect(manifest.repository).toBeUndefined();
        expect(manifest.scripts.prepack).toMatch(/esbuild\.mjs/);
    });

    it('packs the bundles, the static contributions and the docs, and no sources, tests or source maps', () => {
        const paths = packed.files.map(f => f.path).sort();
        expect(paths).toEqual(expect.arrayContaining(['bin/aims.cjs', 'out/cli/main.cjs', 'README.md', 'LICENSE', 'package.json']));
        expect(paths.filter(p => /^(src|test|bench|examples|scripts)\//.test(p) || p.endsWith('.map') || p.endsWith('.ts'))).toEqual([]);
        // The same `files` list makes the .vsix: bundles (desktop and web), grammars, icons, the walkthrough pages, docs.
        expect(paths).toEqual(expect.arrayContaining(['out/web/extension.cjs', 'out/web/language-server.js']));
        expect(paths.length).toBeLessThan(34);
    });

    it('installs from the tarball into an empty folder and validates a workspace exactly like the in-repo CLI', () => {
        const args = ['validate', workspaceDir, '--today', '2026-11-28'];
        const installed = npxAims(args);
        const inRepo = runAims(args, { cwd: installDir });
        expect(installed.stderr).toBe('');
        expect(installed.code).toBe(0);
        expect(installed.stdout).toContain('0 errors, 8 warnings in 15 files');
        expect(installed.stdout).toBe(inRepo.stdout);

        const json = npxAims([...args, '--format', 'json']);
        expect(json.stdout).toBe(runAims([...args, '--format', 'json'], { cwd: installDir }).stdout);
    });

    it('runs on the user\'s own Node, which may be older than the Node 22 the build uses', () => {
        const version = npxAims(['--version']);
        expect(version.code).toBe(0);
        expect(version.stdout.trim()).toContain(manifest.version);
        const nodeVersion = spawnSync('node', ['--version'], { encoding: 'utf8', env: { ...process.env, PATH: userPath() } }).stdout.trim();
        expect(nodeVersion).toMatch(/^v\d+\./);
        expect(Number(nodeVersion.slice(1).split('.')[0])).toBeGreaterThanOrEqual(20);
    });
});
