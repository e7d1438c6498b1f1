/**
 * A check that throws costs the user that check only: one `aims/internal-error` where it failed,
 * every other finding still reported, nothing on stderr, and the build completes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { single, workspace } from '../helpers/workspace.js';
import type { AimsServices } from '../../src/language/aims-module.js';

const evidence = 'person alice "Alice"\nevidence ev "Audit" { url "https://audit.example/1" expires 2026-06-10 }\nrisk r "R" { owner alice }\n';

/** Build the workspace with `breakIt` applied to the services first. */
async function withBrokenServices(text: string, breakIt: (services: AimsServices) => void) {
    const { createAimsServices } = await import('../../src/language/aims-module.js');
    const { buildWorkspace } = await import('../../src/workspace/aims-workspace.js');
    const { EmptyFileSystem, URI } = await import('langium');
    const services = createAimsServices(EmptyFileSystem).Aims;
    services.aims.Settings.set({ today: '2026-06-01', workspaceRoot: '/workspace' });
    breakIt(services);
    const built = await buildWorkspace(services, [{ uri: URI.file('/workspace/main.aims'), text }]);
    return built.diagnosticsOf(built.documents[0]);
}

describe('a check that throws', () => {
    afterEach(() => vi.restoreAllMocks());

    it('becomes one aims/internal-error on its node, and the other checks still report', async () => {
        const stderr = vi.spyOn(console, 'error');
        const diagnostics = await withBrokenServices(evidence, services => {
            services.aims.Model.freshness = () => { throw new TypeError('Cannot read properties of undefined'); };
        });
        const internal = diagnostics.filter(d => d.code === 'aims/internal-error');
        expect(internal).toHaveLength(1);
        expect(internal[0].message).toContain('(TypeError: Cannot read properties of undefined); the other checks ran.');
        expect(internal[0].range.start.line).toBe(1);
        expect(diagnostics.map(d => d.code)).toContain('aims/risk-without-treatment');
        expect(stderr).not.toHaveBeenCalled();
    });

    it('in a workspace check becomes one aims/internal-error per failing check on the first declaration, and the build completes', async () => {
        const diagnostics = await withBrokenServices(evidence, services => {
            const all = services.aims.Model.all.bind(services.aims.Model);
            services.aims.Model.all = ((type: string) => {
                if (type === 'Organisation') throw new RangeError('boom');
                return all(type as never);
            }) as typeof services.aims.Model.all;
        });
        const internal = diagnostics.filter(d => d.code === 'aims/internal-error');
        // Several workspace checks read the organisation: each fails alone, named by its domain.
        const failed = internal.map(d => /check '([^']+)'/.exec(String(d.message))?.[1]);
        expect(failed).toContain('names (workspace)');
        expect(failed.every(name => name?.endsWith(' (workspace)'))).toBe(true);
        expect(internal[0].range.start.line).toBe(0);
        expect(diagnostics.map(d => d.code)).toContain('aims/risk-without-treatment');
    });

    it('can be switched off like any rule', async () => {
        const ws = await single('control', { settings: { severity: { 'internal-error': 'off' } } });
        expect(ws.codes()).toEqual(['aims/syntax-error']);
    });
});

describe('inputs that once made a check throw', () => {
    it('a lone surrogate in an evidence path is a missing file, not a URIError', async () => {
        const ws = await single('evidence ev "Logs" { path "logs/a\uD800b.csv" }', { nodeFs: true, root: '/nonexistent-aims-root' });
        expect(ws.codes()).toEqual(['aims/evidence-path-missing']);
        const links = await ws.services.lsp.DocumentLinkProvider!.getDocumentLinks(ws.documents['main.aims'], { textDocument: { uri: ws.documents['main.aims'].uri.toString() } });
        expect(links.map(l => l.target)).toEqual(['file:///nonexistent-aims-root/logs/a%EF%BF%BDb.csv']);
    });

    it('an organisation control without a name gets its syntax error only', async () => {
        const ws = await workspace({ 'a.aims': 'control', 'b.aims': 'control ACME.1' });
        expect(ws.all.map(d => `${d.file} ${d.code}`)).toEqual(['a.aims aims/syntax-error', 'b.aims aims/syntax-error']);
    });
});

describe('an untrusted workspace', () => {
    it('takes trust from the client, never from the workspace\'s own configuration', async () => {
        const ws = await single('person a "A"');
        const settings = ws.services.aims.Settings;
        settings.useConfig({ path: '/workspace/aims.config.json', directory: '/workspace', config: { restricted: 'no' } } as never);
        expect(settings.values.restricted).toBeUndefined();
        settings.set({ restricted: 'the workspace is not trusted' });
        expect(settings.values.restricted).toBe('the workspace is not trusted');
    });
});
