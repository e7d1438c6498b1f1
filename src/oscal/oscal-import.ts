/**
 * `aims import oscal <catalog.json>`: an OSCAL 1.x catalog (NIST SP 800-53, a company's own) as
 * a framework declaration. Top-level groups become the framework's groups; every control below
 * them, enhancements and controls of nested groups included, becomes one of its requirements, so
 * nothing is dropped; controls outside any group become top-level requirements. Titles are kept
 * as written; a control's statement becomes its summary only with `--with-statements`, since a
 * catalog's text may not be ours to copy.
 *
 * Bad input gets a located message: JSON syntax errors with line and column, structure errors
 * with the JSON path (`/catalog/groups/2/controls/5: no id`).
 */
import { aimsString } from '../catalog/catalog-document.js';
import { CONTROL_ID, NAME } from '../language/aims-ids.js';

export class OscalImportError extends Error {}

export interface OscalImportOptions {
    /** The framework's name, which prefixes its requirement ids (`NIST80053:ac-2`). */
    readonly name: string;
    /** Copy each control's statement prose into its summary. */
    readonly withStatements?: boolean;
}

export interface OscalImportResult {
    readonly text: string;
    readonly groups: number;
    readonly requirements: number;
}

interface Control {
    readonly id: string;
    readonly title: string;
    readonly summary?: string;
}


export function importOscalCatalog(text: string, options: OscalImportOptions): OscalImportResult {
    if (!NAME.test(options.name)) {
        throw new OscalImportError(`'${options.name}' cannot name a framework: use letters, digits, '-' and '_', starting with a letter`);
    }
    const root = parseJson(text);
    const catalog = objectAt(root, 'catalog', '');
    if (!catalog) {
        const found = isObject(root) ? Object.keys(root).filter(k => k !== '$schema') : [];
        throw new OscalImportError(`not an OSCAL catalog: the top-level object has no 'catalog'${found.length > 0 ? ` (it has '${found.join("', '")}')` : ''}`);
    }
    const metadata = objectAt(catalog, 'metadata', '/catalog');
    const title = metadata && typeof metadata.title === 'string' ? metadata.title : undefined;
    if (!title) {
        throw new OscalImportError('/catalog/metadata/title: an OSCAL catalog needs a title');
    }
    const version = typeof metadata?.version === 'string' ? metadata.version : undefined;

    const lines: string[] = [
        `// Imported from the OSCAL catalog "${oneLine(title)}"${version ? `, version ${oneLine(version)}` : ''}, by aims import oscal.`,
        `// Requirements are referred to as ${options.name}:<id>; map them to your controls with map ... as <relationship>.`,
        `framework ${options.name} ${aimsString(oneLine(title))} {`
    ];
    if (version) lines.push(`    version ${aimsString(oneLine(version))}`);
    lines.push(`    source ${aimsString('OSCAL catalog')}`);

    const seen = new Map<string, string>();
    let groups = 0;
    let requirements = 0;
    const groupList = arrayAt(catalog, 'groups', '/catalog');
    groupList.forEach((group, i) => {
        const path = `/catalog/groups/${i}`;
        const id = typeof group.id === 'string' && group.id ? group.id : `group-${i + 1}`;
        const groupTitle = stringAt(group, 'title', path);
        claim(seen, id, path);
        const controls = controlsBelow(group, path, options);
        lines.push('', `    group ${localId(id)} ${aimsString(oneLine(groupTitle))}${controls.length > 0 ? ' {' : ''}`);
        for (const control of controls) {
            claim(seen, control.id, path);
            lines.push(...requirement(control, '        '));
        }
        if (controls.length > 0) lines.push('    }');
        groups++;
        requirements += controls.length;
    });
    const loose = controlsOf(catalog, '/catalog', options);
    if (loose.length > 0) lines.push('');
    for (const control of loose) {
        claim(seen, control.id, '/catalog/controls');
        lines.push(...requirement(control, '    '));
    }
    requirements += loose.length;
    if (groups + requirements === 0) {
        throw new OscalImportError('/catalog: the catalog has no groups and no controls to import');
    }
    lines.push('}', '');
    return { text: lines.join('\n'), groups, requirements };
}

function requirement(control: Control, indent: string): string[] {
    const head = `${indent}requirement ${localId(control.id)} ${aimsString(oneLine(control.title))}`;
    return control.summary ? [`${head} { summary ${aimsString(oneLine(control.summary))} }`] : [head];
}

/** The controls of a group and of its nested groups, each followed by its enhancements. */
function controlsBelow(group: Record<string, unknown>, path: string, options: OscalImportOptions): Control[] {
    return [
        ...controlsOf(group, path, options),
        ...arrayAt(group, 'groups', path).flatMap((inner, i) => controlsBelow(inner, `${path}/groups/${i}`, options))
    ];
}

function controlsOf(parent: Record<string, unknown>, path: string, options: OscalImportOptions): Control[] {
    return arrayAt(parent, 'controls', path).flatMap((control, i) => {
        const at = `${path}/controls/${i}`;
        const id = stringAt(control, 'id', at);
        const title = stringAt(control, 'title', at);
        const summary = options.withStatements ? statement(control) : undefined;
        return [{ id, title, ...(summary ? { summary } : {}) }, ...controlsOf(control, at, options)];
    });
}

/** The prose of a control's `statement` part and its items, joined into one paragraph. */
function statement(control: Record<string, unknown>): string | undefined {
    const parts = Array.isArray(control.parts) ? control.parts.filter(isObject) : [];
    const part = parts.find(p => p.name === 'statement');
    if (!part) return undefined;
    const prose: string[] = [];
    const walk = (p: Record<string, unknown>) => {
        if (typeof p.prose === 'string') prose.push(p.prose);
        if (Array.isArray(p.parts)) p.parts.filter(isObject).forEach(walk);
    };
    walk(part);
    return prose.length > 0 ? prose.join(' ') : undefined;
}

/** A requirement id as the grammar reads it: bare where it lexes as one token, else quoted. */
export function localId(id: string): string {
    // The terminals FrameworkLocalId takes: CATALOG_ID, CLAUSE_ID, INT, ID.
    const bare = (CONTROL_ID.test(id) || /^\d+(\.\d+)*$/.test(id) || NAME.test(id))
        // Not a date, and not a word that could be a keyword (`group`, `map`): those are quoted.
        && !/^\d{4}-\d{2}-\d{2}$/.test(id) && /\d/.test(id);
    return bare ? id : aimsString(id);
}

function claim(seen: Map<string, string>, id: string, path: string): void {
    const earlier = seen.get(id);
    if (earlier !== undefined) {
        throw new OscalImportError(`${path}: the id '${id}' is used twice (also at ${earlier}); OSCAL ids are unique within a catalog`);
    }
    seen.set(id, path);
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch (error) {
        // JSON.parse's messages differ between Node versions and not all give a position.
        const problem = jsonSyntaxError(text) ?? { offset: 0, message: error instanceof Error ? error.message : String(error) };
        const before = text.slice(0, problem.offset);
        const line = before.split('\n').length;
        const column = problem.offset - before.lastIndexOf('\n');
        throw new OscalImportError(`invalid JSON at line ${line}, column ${column}: ${problem.message}`);
    }
}

/**
 * Where a text stops being JSON, and why: a small scanner with its own stack (no recursion, so a
 * deeply nested file cannot overflow it), run only after JSON.parse has refused the text.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
    let i = 0;
    const stack: Array<'{' | '['> = [];
    type Expect = 'value' | 'key' | 'colon' | 'after-value' | 'end';
    let expect: Expect = 'value';
    const fail = (message: string) => ({ offset: i, message });
    const describe = () => i >= text.length ? 'the end of the file' : `'${text[i]}'`;
    const skipSpace = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
    const scanString = (): boolean => {
        i++;
        while (i < text.length && text[i] !== '"') {
            if (text[i] === '\\') i++;
            else if (text.charCodeAt(i) < 0x20) return false;
            i++;
        }
        if (i >= text.length) return false;
        i++;
        return true;
    };
    for (;;) {
        skipSpace();
        if (expect === 'end') {
            return i < text.length ? fail(`unexpected ${describe()} after the end of the document`) : undefined;
        }
        if (expect === 'colon') {
            if (text[i] !== ':') return fail(`expected ':' after a key but found ${describe()}`);
            i++;
            expect = 'value';
            continue;
        }
        if (expect === 'after-value') {
            const top = stack.at(-1);
            if (!top) { expect = 'end'; continue; }
            if (text[i] === ',') { i++; expect = top === '{' ? 'key' : 'value'; continue; }
            if ((top === '{' && text[i] === '}') || (top === '[' && text[i] === ']')) { i++; stack.pop(); continue; }
            return fail(`expected ',' or '${top === '{' ? '}' : ']'}' but found ${describe()}`);
        }
        if (expect === 'key') {
            if (text[i] !== '"') return fail(`expected a key in quotes but found ${describe()}`);
            if (!scanString()) return fail('a text that does not end');
            expect = 'colon';
            continue;
        }
        // A value.
        const c = text[i];
        if (c === '{' || c === '[') {
            stack.push(c);
            i++;
            skipSpace();
            if ((c === '{' && text[i] === '}') || (c === '[' && text[i] === ']')) { i++; stack.pop(); expect = 'after-value'; continue; }
            expect = c === '{' ? 'key' : 'value';
            continue;
        }
        if (c === '"') {
            if (!scanString()) return fail('a text that does not end');
        } else {
            const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
            if (!m) return fail(`expected a value but found ${describe()}`);
            i += m[0].length;
        }
        expect = 'after-value';
    }
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(parent: unknown, key: string, path: string): Record<string, unknown> | undefined {
    if (!isObject(parent) || parent[key] === undefined) return undefined;
    if (!isObject(parent[key])) throw new OscalImportError(`${path}/${key}: expected an object`);
    return parent[key] as Record<string, unknown>;
}

function arrayAt(parent: Record<string, unknown>, key: string, path: string): Array<Record<string, unknown>> {
    const value = parent[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new OscalImportError(`${path}/${key}: expected an array`);
    return value.map((item, i) => {
        if (!isObject(item)) throw new OscalImportError(`${path}/${key}/${i}: expected an object`);
        return item;
    });
}

function stringAt(parent: Record<string, unknown>, key: string, path: string): string {
    const value = parent[key];
    if (typeof value !== 'string' || value.trim() === '') {
        throw new OscalImportError(`${path}: ${value === undefined ? `no ${key}` : `${key} is not a text`}; every OSCAL ${path.includes('controls') ? 'control' : 'group'} needs one`);
    }
    return value;
}

function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}
