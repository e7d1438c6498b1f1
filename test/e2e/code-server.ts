/**
 * Harness for the end-to-end test: a real VS Code (code-server 4.139.1 on Node 24, installed by
 * setup-code-server.sh into .e2e/) with our .vsix installed, on a copy of a workspace, driven by
 * Debian's headless Chromium through playwright-core. Everything is started in fresh temporary
 * folders and torn down by process group, so runs do not see each other.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUTPUT = join(ROOT, 'test/output/e2e');
const E2E = join(ROOT, '.e2e');
const NODE24_BIN = join(E2E, 'node24/node_modules/.bin');
const CODE_SERVER = join(E2E, 'code-server/node_modules/.bin/code-server');


/** User settings that keep the workbench quiet and deterministic. */
const USER_SETTINGS = {
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'editor.hover.delay': 200,
    // No fade-ins: screenshots show finished widgets.
    'workbench.reduceMotion': 'on',
    'editor.minimap.enabled': false
};

/** Idempotent: installs Chromium, Node 24 and code-server on the first run only. */
export function setUpTools(): void {
    execFileSync('bash', [join(ROOT, 'test/e2e/setup-code-server.sh')], { cwd: ROOT, stdio: 'inherit' });
}

/** `npm run package`: langium generate, TextMate additions, minified bundles, vsce. Returns the .vsix path. */
export function packageExtension(): string {
    execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    return join(ROOT, `${name}-${version}.vsix`);
}

export interface CodeServer {
    readonly url: string;
    /** The workspace folder code-server has open (a copy; the test may change it). */
    readonly folder: string;
    stop(): Promise<void>;
}

export interface CodeServerOptions {
    vsix: string;
    /** Folder to copy as the workspace. */
    workspace: string;
    /** Written to the copy's .vscode/settings.json. */
    workspaceSettings?: Record<string, unknown>;
    /** Added to the user settings (USER_SETTINGS). */
    userSettings?: Record<string, unknown>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
    const scratch = mkdtempSync(join(tmpdir(), 'aims-e2e-'));
    const userData = join(scratch, 'user-data');
    const extensions = join(scratch, 'extensions');
    const folder = join(scratch, 'workspace');
    cpSync(options.workspace, folder, { recursive: true });
    if (options.workspaceSettings) {
        mkdirSync(join(folder, '.vscode'), { recursive: true });
        writeFileSync(join(folder, '.vscode/settings.json'), JSON.stringify(options.workspaceSettings, null, 2));
    }
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.userSettings }, null, 2));
    const env = {
        ...process.env,
        PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`,
        XDG_CONFIG_HOME: join(scratch, 'config'),
        XDG_DATA_HOME: join(scratch, 'data'),
        XDG_CACHE_HOME: join(scratch, 'cache')
    };
    const dirs = ['--user-data-dir', userData, '--extensions-dir', extensions];
    execFileSync(CODE_SERVER, [...dirs, '--install-extension', options.vsix], { env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });

    const port = await freePort();
    mkdirSync(OUTPUT, { recursive: true });
    const log = openSync(join(OUTPUT, 'code-server.log'), 'w');
    // detached: a new session and process group (setsid), so stop() can end code-server and every
    // process it started (extension host, our language server) with one signal.
    const child = spawn(CODE_SERVER, [
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', ...dirs, folder
    ], { env, detached: true, stdio: ['ignore', log, log] });
    const url = `http://127.0.0.1:${port}`;
    const stop = async () => {
        await killGroup(child);
        rmSync(scratch, { recursive: true, force: true });
    };
    try {
        await waitForHttp(`${url}/healthz`, child, 60_000);
    } catch (error) {
        await stop();
        throw error;
    }
    return { url, folder, stop };
}

export interface Workbench {
    readonly context: BrowserContext;
    readonly page: Page;
    close(): Promise<void>;
}

/** Headless Chromium on a fresh profile, showing the workbench with `folder` open. */
export async function openWorkbench(server: CodeServer): Promise<Workbench> {
    const profile = mkdtempSync(join(tmpdir(), 'aims-e2e-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1400, height: 900 }
    });
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return {
        context, page,
        close: async () => {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
        }
    };
}

async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
        });
    });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) {
            throw new Error(`code-server exited with ${child.exitCode}; see ${join(OUTPUT, 'code-server.log')}`);
        }
        try {
            if ((await fetch(url)).ok) return;
        } catch {
            // not listening yet
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s; see ${join(OUTPUT, 'code-server.log')}`);
}

async function killGroup(child: ChildProcess): Promise<void> {
    if (child.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    const signal = (name: NodeJS.Signals) => {
        try {
            process.kill(-child.pid!, name);
        } catch {
            // the group is gone already
        }
    };
    signal('SIGTERM');
    const timeout = new Promise(resolve => setTimeout(resolve, 5_000, 'timeout'));
    if (await Promise.race([exited, timeout]) === 'timeout') {
        signal('SIGKILL');
        await exited;
    }
    // Children that ignored SIGTERM (the extension host's helpers) go with the group.
    signal('SIGKILL');
}
