/**
 * The benchmark's workspace generator (bench/generator.ts): what `npm run bench` measures is only
 * as good as the workspaces it measures on. Behaviour only; no timings here.
 */
import { EmptyFileSystem, URI, isAstNode, isReference } from 'langium';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAimsServices } from '../../src/language/aims-module.js';
import { buildWorkspace } from '../../src/workspace/aims-workspace.js';
import { catalog } from '../../src/catalog/catalog.js';
import type { Model } from '../../src/language/generated/ast.js';
import { BENCH_TODAY, YAML_SECTIONS, generateWorkspace, type GeneratedWorkspace } from '../../bench/generator.js';

const SMALL = { seed: 7, targetBytes: 100_000, files: 20 };

function parseAims(text: string): { model: Model; errors: string[] } {
    const parser = createAimsServices(EmptyFileSystem).Aims.parser.LangiumParser;
    const result = parser.parse<Model>(text);
    return { model: result.value, errors: [...result.lexerErrors.map(e => e.message), ...result.parserErrors.map(e => e.message)] };
}

/** An AST node as plain data: references by their text, no Langium bookkeeping, no empty lists. */
function plain(value: unknown): unknown {
    if (isReference(value)) return value.$refText;
    if (Array.isArray(value)) return value.map(plain);
    if (isAstNode(value)) {
        const out: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(value)) {
            if (key.startsWith('$') || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
            out[key] = plain(v);
        }
        return out;
    }
    return value;
}

/** The `.aims` file's declarations in the YAML file's shape: grouped by section, in order. */
function aimsAsYamlShape(model: Model): Record<string, unknown> {
    const sections: Record<string, unknown[]> = {};
    for (const element of model.elements) {
        (sections[YAML_SECTIONS[element.$type]] ??= []).push(plain(element));
    }
    const shaped: Record<string, unknown> = {};
    for (const [key, list] of Object.entries(sections)) {
        shaped[key] = key === 'organisation' || key === 'soa' ? list[0] : list;
    }
    return shaped;
}

/** YAML writes an Annex III point as a number; the grammar's reference text is a string. */
function yamlNormalised(text: string): unknown {
    return JSON.parse(JSON.stringify(parseYaml(text)), (key, v) => key === 'annexIII' && typeof v === 'number' ? String(v) : v);
}

describe('benchmark workspace generator', () => {
    let small: GeneratedWorkspace;
    beforeAll(() => {
        small = generateWorkspace(SMALL);
    });

    it('gives the same files for the same seed and size, and other files for another seed', () => {
        const again = generateWorkspace(SMALL);
        expect(again.aims).toEqual(small.aims);
        expect(again.yaml).toEqual(small.yaml);
        const other = generateWorkspace({ ...SMALL, seed: 8 });
        expect(other.aims.map(f => f.text)).not.toEqual(small.aims.map(f => f.text));
    });

    it.each([
        { targetBytes: 100_000, files: 20 },
        { targetBytes: 1_000_000, files: 200 },
        { targetBytes: 1_000_000, files: 1 }
    ])('writes about $targetBytes bytes in $files file(s)', ({ targetBytes, files }) => {
        const ws = generateWorkspace({ seed: 1, targetBytes, files });
        expect(ws.aims).toHaveLength(files);
        expect(ws.yaml).toHaveLength(files);
        expect(ws.aimsBytes).toBeGreaterThan(targetBytes * 0.9);
        expect(ws.aimsBytes).toBeLessThan(targetBytes * 1.15);
    });

    it('writes .aims files that lex and parse without errors', () => {
        for (const file of [...small.aims, ...generateWorkspace({ seed: 3, targetBytes: 200_000, files: 1 }).aims]) {
            expect(parseAims(file.text).errors, file.path).toEqual([]);
        }
    });

    it('spreads organisation units over folders and declares every name once', () => {
        expect(small.aims.map(f => f.path)).toContain('governance/organisation.aims');
        expect(small.aims.map(f => f.path)).toContain('units/claims-north/risks.aims');
        const names = small.aims.flatMap(f => parseAims(f.text).model.elements)
            .map(e => (e as { name?: unknown }).name).filter(n => typeof n === 'string');
        expect(names.length).toBeGreaterThan(150);
        expect(new Set(names).size).toBe(names.length);
    });

    it('covers each of the 38 Annex A controls once, with the A.10 entries in a second file', () => {
        const entries = (path: string) => parseAims(small.aims.find(f => f.path === path)!.text).model.elements
            .flatMap(e => e.$type === 'StatementOfApplicability' ? e.entries.map(x => x.control.$refText) : []);
        const host = entries(small.soaHost);
        const supplement = entries(small.soaSupplement);
        const annexA = catalog.annexAControls.map(c => c.id);
        expect([...host, ...supplement].filter(id => id.startsWith('A.')).sort()).toEqual([...annexA].sort());
        expect(supplement).toEqual(annexA.filter(id => id.startsWith('A.10.')));
        expect(small.soaHost).not.toBe(small.soaSupplement);
    });

    it('yields exactly the planted findings when built with every rule', async () => {
        const services = createAimsServices(EmptyFileSystem).Aims;
        // Evidence documents are written next to the .aims files; here the file system is empty.
        services.aims.Settings.set({ today: BENCH_TODAY, workspaceRoot: '/bench', severity: { 'evidence-path-missing': 'off' } });
        const built = await buildWorkspace(services, small.aims.map(f => ({ uri: URI.file(`/bench/${f.path}`), text: f.text })));
        const found = built.documents.flatMap(doc => built.diagnosticsOf(doc).map(d => `${d.code} ${doc.uri.path.slice('/bench/'.length)}`));
        const planted = small.planted.map(p => `${p.code} ${p.file}`);
        expect(found.sort()).toEqual(planted.sort());
        expect(new Set(small.planted.map(p => p.code))).toEqual(new Set(['aims/evidence-expired', 'aims/mitigate-without-control', 'aims/unknown-catalog-id']));
    });

    it('plants a few findings of each kind in a large workspace, not one per file', () => {
        const large = generateWorkspace({ seed: 2, targetBytes: 5_000_000, files: 1000 });
        expect(large.aims).toHaveLength(1000);
        const perCode = new Map<string, number>();
        for (const p of large.planted) perCode.set(p.code, (perCode.get(p.code) ?? 0) + 1);
        expect([...perCode.values()]).toEqual([4, 4, 4]);
    });

    it('renders the same declarations as YAML as it does as .aims', () => {
        for (const [index, file] of small.aims.entries()) {
            const yamlFile = small.yaml[index];
            expect(yamlFile.path).toBe(file.path.replace(/\.aims$/, '.yaml'));
            expect(yamlNormalised(yamlFile.text), file.path).toEqual(aimsAsYamlShape(parseAims(file.text).model));
        }
    });

    it('writes YAML that its JSON Schema accepts, and a schema that rejects wrong shapes', () => {
        const validate = new Ajv({ allErrors: true, strict: true }).compile(small.schema);
        for (const file of small.yaml) {
            expect(validate(parseYaml(file.text)) ? [] : validate.errors, file.path).toEqual([]);
        }
        expect(validate({ risks: [{ name: 'r1', title: 'Risk', treatment: 'ignore' }] })).toBe(false);
        expect(validate({ people: [{ name: 'alice' }] })).toBe(false);
        expect(validate({ evidence: [{ name: 'ev', title: 'Evidence', expires: 'soon' }] })).toBe(false);
    });
});
