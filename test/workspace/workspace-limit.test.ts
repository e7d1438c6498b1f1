/**
 * The memory bound: one limit on the `.aims` text of a workspace for both faces
 * (MAX_WORKSPACE_BYTES, raised or lowered with AIMS_MAX_WORKSPACE_MIB). The CLI refuses a larger
 * workspace before reading it; the language server loads files in path order up to the limit and
 * warns about the rest. The tests lower the limit to a few KiB instead of writing 64 MiB.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCatalogUri } from '../../src/catalog/catalog-document.js';
import { createAimsServices } from '../../src/language/aims-module.js';
import { MAX_FILE_BYTES, MAX_WORKSPACE_BYTES, withinWorkspaceLimit, workspaceByteLimit } from '../../src/workspace/file-limits.js';
import { runAims } from '../cli/run-aims.js';

let ws = '';
beforeEach(() => {
    ws = join(realpathSync(mkdtempSync(join(tmpdir(), 'aims-limit-'))), 'ws');
    mkdirSync(ws);
    writeFileSync(join(ws, 'aims.config.json'), '{}\n');
    // Three files of 1 KiB each (a person and a comment to fill it).
    for (const name of ['a', 'b', 'c']) {
        const head = `person ${name}-person "Person ${name}"\n`;
        writeFileSync(join(ws, `${name}.aims`), head + '// ' + 'x'.repeat(1024 - head.length - 4) + '\n');
    }
});
afterEach(() => {
    rmSync(join(ws, '..'), { recursive: true, force: true });
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
});

describe('the workspace limit', () => {
    it('is 64 MiB unless AIMS_MAX_WORKSPACE_MIB sets another', () => {
        expect(workspaceByteLimit()).toBe(MAX_WORKSPACE_BYTES);
        expect(MAX_WORKSPACE_BYTES).toBe(64 * 1024 * 1024);
        vi.stubEnv('AIMS_MAX_WORKSPACE_MIB', '128');
        expect(workspaceByteLimit()).toBe(128 * 1024 * 1024);
        vi.stubEnv('AIMS_MAX_WORKSPACE_MIB', 'lots');
        expect(workspaceByteLimit()).toBe(MAX_WORKSPACE_BYTES);
    });

    it('keeps files in the order given until the limit, and counts a file over the per-file limit as nothing', () => {
        const sizes = { a: 600, huge: MAX_FILE_BYTES + 1, b: 600, c: 10 };
        const result = withinWorkspaceLimit(Object.keys(sizes), name => sizes[name as keyof typeof sizes], 1000);
        expect(result).toEqual({ kept: ['a', 'huge'], left: ['b', 'c'], total: 1210 });
    });
});

describe('the workspace limit in the CLI', () => {
    it('refuses a workspace over the limit before reading it, and says how to raise it', () => {
        const run = runAims(['validate', '.', '--today', '2026-06-01'], { cwd: ws, env: { AIMS_MAX_WORKSPACE_MIB: String(2.5 / 1024) } });
        expect(run.code).toBe(2);
        expect(run.stderr.trim()).toBe('aims: .: workspace too large: 3 KiB of .aims files in 3 files; the limit is 2.5 KiB (set AIMS_MAX_WORKSPACE_MIB to raise it, or ignore folders in aims.config.json)');
        expect(runAims(['validate', '.', '--today', '2026-06-01'], { cwd: ws }).code).toBe(0);
    });
});

describe('the workspace limit in the language server', () => {
    it('loads files in path order up to the limit and warns about the rest', async () => {
        vi.stubEnv('AIMS_MAX_WORKSPACE_MIB', String(2.5 / 1024));
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        const services = createAimsServices(NodeFileSystem).Aims;
        await services.shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(ws).toString(), name: 'ws' }]);
        const loaded = services.shared.workspace.LangiumDocuments.all.filter(doc => !isCatalogUri(doc.uri)).map(doc => doc.uri.path.split('/').pop()).toArray();
        expect(loaded.sort()).toEqual(['a.aims', 'b.aims']);
        expect(warn).toHaveBeenCalledTimes(1);
        expect(String(warn.mock.calls[0][0])).toMatch(/^AIMS: this workspace holds .* of \.aims files, more than the limit of .*; 1 file was not loaded \(from .*\/c\.aims\)\. Ignore folders in aims\.config\.json, or set AIMS_MAX_WORKSPACE_MIB to raise the limit\.$/);
    });
});
