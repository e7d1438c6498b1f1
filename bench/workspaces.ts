/**
 * The benchmark's workspaces: which sizes, how many files, and where they are written
 * (bench/workspaces/<name>/{aims,yaml}, git-ignored). Generated once per seed and size.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { generateWorkspace, type GeneratedWorkspace } from './generator.js';

export const SEED = 42001;

export interface WorkspaceSize {
    readonly name: string;
    readonly targetBytes: number;
    readonly files: number;
}

/** About 5 KB per file, like a hand-written AIMS; 1,000 files at 5 MB for the edit benchmark. */
export const SIZES: readonly WorkspaceSize[] = [
    { name: '100kb', targetBytes: 100_000, files: 20 },
    { name: '1mb', targetBytes: 1_000_000, files: 200 },
    { name: '5mb', targetBytes: 5_000_000, files: 1000 },
    { name: '1mb-single-file', targetBytes: 1_000_000, files: 1 }
];

export interface WrittenWorkspace {
    readonly size: WorkspaceSize;
    readonly root: string;
    /** Folder with the `.aims` files (and the evidence documents they point at). */
    readonly aimsRoot: string;
    /** Folder with the `.yaml` files and `aims.schema.json`. */
    readonly yamlRoot: string;
    readonly schemaPath: string;
    readonly aimsFiles: string[];
    readonly yamlFiles: string[];
    readonly aimsBytes: number;
    readonly soaHost: string;
    readonly soaSupplement: string;
}

/** Write a generated workspace below `base`; rewritten only when the generator's output changed. */
export function writeWorkspace(base: string, size: WorkspaceSize, seed = SEED): WrittenWorkspace {
    const generated: GeneratedWorkspace = generateWorkspace({ seed, targetBytes: size.targetBytes, files: size.files });
    const root = join(base, size.name);
    const aimsRoot = join(root, 'aims');
    const yamlRoot = join(root, 'yaml');
    const schemaPath = join(yamlRoot, 'aims.schema.json');
    const stamp = join(root, 'stamp.json');
    const hash = createHash('sha256');
    for (const f of [...generated.aims, ...generated.yaml, ...generated.evidence]) hash.update(f.path).update(f.text);
    hash.update(JSON.stringify(generated.schema));
    const fingerprint = JSON.stringify({ seed, ...size, sha256: hash.digest('hex') });
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== fingerprint) {
        rmSync(root, { recursive: true, force: true });
        const write = (dir: string, path: string, text: string) => {
            const target = join(dir, path);
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, text);
        };
        for (const f of generated.aims) write(aimsRoot, f.path, f.text);
        for (const f of generated.evidence) write(aimsRoot, f.path, f.text);
        for (const f of generated.yaml) write(yamlRoot, f.path, f.text);
        write(yamlRoot, 'aims.schema.json', JSON.stringify(generated.schema, null, 2));
        writeFileSync(stamp, fingerprint);
    }
    return {
        size, root, aimsRoot, yamlRoot, schemaPath,
        aimsFiles: generated.aims.map(f => join(aimsRoot, f.path)),
        yamlFiles: generated.yaml.map(f => join(yamlRoot, f.path)),
        aimsBytes: generated.aimsBytes,
        soaHost: join(aimsRoot, generated.soaHost),
        soaSupplement: join(aimsRoot, generated.soaSupplement)
    };
}

/** Every file below `dir` with the extension, sorted. */
export function filesBelow(dir: string, extension: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
        for (const entry of readdirSync(d, { withFileTypes: true })) {
            const path = join(d, entry.name);
            if (entry.isDirectory()) walk(path);
            else if (entry.name.endsWith(extension)) out.push(path);
        }
    };
    walk(dir);
    return out.sort((a, b) => relative(dir, a).localeCompare(relative(dir, b)));
}
