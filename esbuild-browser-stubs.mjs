// The web-worker build of the language server (language-server/browser.ts) has no Node: the few
// Node modules the engine imports for the CLI's file and git access resolve to these stand-ins.
// The server never calls them there, since it runs with file-system and git checks off; if
// something does, it fails loudly instead of pretending.
const unavailable = name => `function ${name}() { throw new Error('${name} is not available in the browser'); }`;

const STUBS = {
    'node:fs': `export function existsSync() { return false; }
export ${unavailable('readFileSync')} export ${unavailable('statSync')} export ${unavailable('lstatSync')} export ${unavailable('realpathSync')} export ${unavailable('readdirSync')}`,
    'node:child_process': `export ${unavailable('execFileSync')} export ${unavailable('spawnSync')}`,
    'node:crypto': `export ${unavailable('createHash')} export ${unavailable('randomUUID')}`,
    // POSIX paths, enough for the engine's relative display paths (the browser has only URIs).
    'node:path': `export const sep = '/';
export function isAbsolute(p) { return p.startsWith('/'); }
function parts(p) { return p.split('/').filter(Boolean); }
export function normalize(p) { const out = []; for (const s of parts(p)) { if (s === '..') out.pop(); else if (s !== '.') out.push(s); } return (isAbsolute(p) ? '/' : '') + out.join('/'); }
export function join(...ps) { return normalize(ps.filter(Boolean).join('/')) || '.'; }
export function dirname(p) { const i = p.replace(/\\/+$/, '').lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i); }
export function basename(p) { return p.replace(/\\/+$/, '').split('/').pop() ?? ''; }
export function resolve(...ps) { let r = ''; for (const p of ps) r = isAbsolute(p) ? p : r + '/' + p; return normalize(r || '/'); }
export function relative(from, to) { const a = parts(normalize(from)), b = parts(normalize(to)); let i = 0; while (i < a.length && i < b.length && a[i] === b[i]) i++; return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/'); }
export default { sep, isAbsolute, normalize, join, dirname, basename, resolve, relative };`
};

export const nodeStubs = {
    name: 'node-stubs',
    setup(build) {
        build.onResolve({ filter: /^(node:)?(fs|path|child_process|crypto)$/ }, args => ({ path: args.path.startsWith('node:') ? args.path : `node:${args.path}`, namespace: 'node-stub' }));
        build.onLoad({ filter: /.*/, namespace: 'node-stub' }, args => {
            const contents = STUBS[args.path];
            if (!contents) return { errors: [{ text: `no browser stand-in for ${args.path}` }] };
            return { contents, loader: 'js' };
        });
    }
};
