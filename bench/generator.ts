/**
 * Deterministic generator of realistic AIMS workspaces for `npm run bench`.
 *
 * One organisation with many organisation units. Each unit keeps its own file set (people and
 * teams, inventory of systems, data sets and suppliers, risks, impact assessments with the
 * unit's policies and objectives, evidence); the governance folder holds the organisation, its
 * own controls and the statement of applicability, whose last entries live in a second file.
 * A few real findings are planted: expired evidence, a mitigated risk without a control and an
 * unknown control id with a near miss.
 *
 * Every declaration is first built as plain data whose keys are the AST property names; the
 * same data is rendered as `.aims` and as YAML (the peer's version, checked by a JSON Schema),
 * so both tools get exactly the same content. Same seed and size, same bytes.
 */
import { catalog } from '../src/catalog/catalog.js';
import { aimsString } from '../src/catalog/catalog-document.js';

/** The date the benchmark passes as `today` to the server and the CLI. */
export const BENCH_TODAY = '2026-06-01';

export interface GeneratorOptions {
    /** PRNG seed; the same seed gives the same workspace. */
    seed: number;
    /** Approximate total size of the `.aims` files in bytes. */
    targetBytes: number;
    /** Number of `.aims` files; 1 puts everything in one file. */
    files: number;
}

export interface GeneratedFile {
    /** Path relative to the workspace root, with `/`. */
    readonly path: string;
    readonly text: string;
}

/** What the generator planted on purpose, by rule code. */
export interface PlantedFinding {
    readonly code: 'aims/evidence-expired' | 'aims/mitigate-without-control' | 'aims/unknown-catalog-id';
    readonly file: string;
    readonly name: string;
}

export interface GeneratedWorkspace {
    readonly aims: GeneratedFile[];
    /** The same declarations as YAML, one `.yaml` per `.aims` file. */
    readonly yaml: GeneratedFile[];
    /** JSON Schema (draft-07) for the YAML files: shapes, required fields, enums. */
    readonly schema: object;
    /** Evidence documents that `path` entries point at. */
    readonly evidence: GeneratedFile[];
    readonly planted: readonly PlantedFinding[];
    /** The file whose `soa` block hosts the completeness result, and the file with the last entries. */
    readonly soaHost: string;
    readonly soaSupplement: string;
    readonly aimsBytes: number;
}

// ------------------------------------------------------------------------------ plain data

/** A declaration as plain data: `$type` plus AST property names; references are the names. */
export type Declaration = { readonly $type: string } & Record<string, unknown>;

type Rating = { likelihood: number; impact: number };
type Duration = { count: number; unit: string };

// ------------------------------------------------------------------------------ randomness

/** mulberry32: small, fast, good enough to pick words; deterministic across platforms. */
export function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

class Dice {
    constructor(private readonly next: () => number) {}
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }
    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }
    some<T>(items: readonly T[], min: number, max: number): T[] {
        const count = Math.min(items.length, this.int(min, max));
        const pool = [...items];
        const out: T[] = [];
        while (out.length < count) {
            out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
        }
        return out;
    }
    chance(p: number): boolean {
        return this.next() < p;
    }
}

// ------------------------------------------------------------------------------ vocabulary

const FIRST = ['Alice', 'Ben', 'Chiara', 'David', 'Elif', 'Farah', 'Gustav', 'Hanna', 'Ivan', 'Julia', 'Kofi', 'Lena',
    'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Samir', 'Tereza', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf',
    'Zofia', 'Anton', 'Bianca', 'Carlos', 'Dana', 'Emil', 'Fatima', 'Georg', 'Helena', 'Ines', 'Jonas', 'Karin', 'Luca'];
const LAST = ['Moreau', 'Schneider', 'Rossi', 'Nowak', 'Haddad', 'Larsen', 'Keller', 'Okafor', 'Yilmaz', 'Marques',
    'Bauer', 'Vogt', 'Raman', 'Weiss', 'de Vries', 'Novak', 'Costa', 'Lindqvist', 'Horvath', 'Kowalski', 'Dubois',
    'Fischer', 'Jensen', 'Silva', 'Petrov', 'Ahmed', 'Berg', 'Conti', 'Dimitrov', 'Eriksen', 'Ferrari', 'Garcia'];
const ROLES = ['Product owner', 'Data scientist', 'ML engineer', 'Risk manager', 'Compliance officer', 'Head of unit',
    'Data protection coordinator', 'MLOps engineer', 'Business analyst', 'Quality lead', 'Security champion',
    'Model validator', 'Domain expert', 'Internal auditor'];
const UNITS = ['claims', 'underwriting', 'fraud', 'customer-care', 'marketing', 'people-analytics', 'pricing',
    'logistics', 'treasury', 'compliance', 'collections', 'onboarding', 'procurement', 'payments', 'lending', 'radiology'];
const REGIONS = ['north', 'south', 'east', 'west', 'central', 'nordics', 'iberia', 'benelux', 'dach', 'baltics'];
const TASKS = [
    ['Triage', 'incoming claims', 'routes each claim to the right handler and flags likely fraud'],
    ['Scoring', 'loan applications', 'estimates default probability for the credit decision'],
    ['Forecast', 'weekly demand', 'predicts volumes so that staffing and stock can be planned'],
    ['Assistant', 'customer questions', 'answers routine questions and drafts replies for agents'],
    ['Screening', 'job applications', 'ranks applications against the published job profile'],
    ['Detection', 'payment transactions', 'flags transactions that look like fraud or money laundering'],
    ['Pricing', 'insurance quotes', 'proposes a premium band from the applicant\'s risk profile'],
    ['Summariser', 'case files', 'summarises long case files for the reviewing officer'],
    ['Routing', 'support tickets', 'classifies tickets by topic and urgency'],
    ['Matching', 'supplier invoices', 'matches invoices to purchase orders and deliveries']
] as const;
const MODELS = ['gradient-boosted trees', 'logistic regression scorecard', 'fine-tuned transformer', 'hosted LLM with retrieval',
    'random forest', 'sequence model', 'rules plus anomaly detector'];
const DATA_KINDS = ['transactions', 'case history', 'applications', 'call transcripts', 'web analytics', 'HR records',
    'sensor readings', 'claims archive', 'product catalogue', 'bureau extracts'];
const SUPPLIER_KINDS = ['Cloud GmbH', 'Analytics Ltd.', 'Models B.V.', 'Data Services AG', 'Labelling S.A.', 'Compute Oy'];
const SUPPLIER_STEMS = ['Nimbus', 'Quanta', 'Aurora', 'Helix', 'Lumen', 'Vertex', 'Cobalt', 'Orbit', 'Tessera', 'Polar'];
const HAZARDS = [
    ['disadvantages', 'older applicants', 'C.3.4'],
    ['gives wrong answers to', 'customers', 'C.3.4'],
    ['cannot explain its output to', 'case handlers', 'C.3.2'],
    ['drifts as behaviour changes for', 'new customer segments', 'C.3.6'],
    ['leaks personal data of', 'customers', 'C.3.1'],
    ['is over-trusted by', 'reviewing staff', 'C.3.3'],
    ['depends on an unstable model from', 'a hosted provider', 'C.3.7'],
    ['misclassifies urgent cases of', 'vulnerable people', 'C.3.5']
] as const;
const EVIDENCE_KINDS = ['document', 'record', 'log', 'report', 'test-result', 'ticket', 'attestation', 'model-card', 'data-sheet'];
const STAGES = ['design-and-development', 'verification-and-validation', 'deployment', 'operation-and-monitoring', 're-evaluation'];

const ANNEX_A = catalog.annexAControls.map(c => c.id);
const RISK_SOURCES = catalog.ofKind('risk-source').map(c => c.id);
const ANNEX_C_OBJECTIVES = catalog.ofKind('annex-c-objective').map(c => c.id);
const CLAUSES = catalog.ofKind('clause').map(c => c.id).filter(id => id.includes('.'));
const NIST = catalog.ofKind('nist-subcategory').map(c => c.id);
const ARTICLES = catalog.ofKind('eu-article').map(c => c.id);
/** Controls a risk may name; the SoA makes all of them applicable. */
const TREATING_CONTROLS = ANNEX_A.filter(id => id.startsWith('A.5') || id.startsWith('A.6') || id.startsWith('A.7') || id.startsWith('A.8') || id.startsWith('A.9'));
/** Entries kept out of the SoA host file: the edit benchmark toggles the last one. */
const SUPPLEMENT_CONTROLS = ANNEX_A.filter(id => id.startsWith('A.10.'));

// ------------------------------------------------------------------------------ rendering

/** Field order and syntax of each declaration type in the `.aims` grammar. */
function renderAims(d: Declaration): string {
    const lines: string[] = [];
    const add = (text: string) => lines.push(`    ${text}`);
    const str = (keyword: string, value: unknown) => { if (typeof value === 'string') add(`${keyword} ${aimsString(value)}`); };
    const strs = (keyword: string, values: unknown, joined = false) => {
        const list = (values as string[] | undefined) ?? [];
        if (list.length === 0) return;
        if (joined) add(`${keyword} ${list.map(aimsString).join(', ')}`);
        else for (const v of list) add(`${keyword} ${aimsString(v)}`);
    };
    const ref = (keyword: string, value: unknown) => { if (value !== undefined) add(`${keyword} ${value}`); };
    const refs = (keyword: string, values: unknown) => { const list = (values as string[] | undefined) ?? []; if (list.length) add(`${keyword} ${list.join(', ')}`); };
    const review = () => {
        if (d.reviewEvery) { const r = d.reviewEvery as Duration; add(`review every ${r.count} ${r.unit}`); }
        else ref('review', d.nextReview);
    };
    const head = `${keywordOf(d.$type)} ${d.name} ${aimsString(d.title as string)}`;
    switch (d.$type) {
        case 'Organisation': {
            str('scope', d.scope);
            add(`roles ${(d.roles as string[]).join(', ')}`);
            const l = d.likelihoodScale as { min: number; max: number }, i = d.impactScale as { min: number; max: number };
            add(`likelihood scale ${l.min} to ${l.max}`);
            add(`impact scale ${i.min} to ${i.max}`);
            for (const p of d.parties as Array<{ name: string; title: string; requirements: string[] }>) {
                add(`party ${p.name} ${aimsString(p.title)} {`);
                for (const r of p.requirements) add(`    requirement ${aimsString(r)}`);
                add('}');
            }
            for (const issue of d.issues as Array<{ kind: string; text: string }>) add(`issue ${issue.kind} ${aimsString(issue.text)}`);
            break;
        }
        case 'Person':
            strs('role', d.roles); str('email', d.email); ref('team', d.team);
            break;
        case 'Team':
            ref('lead', d.lead); refs('members', d.members); strs('role', d.roles);
            break;
        case 'Policy':
            ref('owner', d.owner);
            if (d.approved) add(`approved ${d.approved}${d.approver ? ` by ${d.approver}` : ''}`);
            review(); strs('document', d.documents);
            break;
        case 'Objective':
            refs('annex-c', d.annexC); str('measure', d.measure); str('target', d.target); ref('owner', d.owner); ref('due', d.due);
            break;
        case 'AiSystem':
            str('purpose', d.purpose); str('intended-use', d.intendedUse); ref('stage', d.stage); ref('owner', d.owner); ref('role', d.role);
            if (d.euCategory) add(`eu-ai-act ${d.euCategory}${d.annexIII !== undefined ? ` annex-iii ${d.annexIII}` : ''}`);
            refs('datasets', d.datasets); strs('models', d.models, true); strs('components', d.components, true);
            refs('suppliers', d.suppliers); str('oversight', d.oversight); str('deployment', d.deployment);
            break;
        case 'Dataset':
            str('source', d.source); str('provenance', d.provenance); strs('quality', d.quality); ref('personal-data', d.personalData);
            strs('preparation', d.preparation); ref('owner', d.owner); ref('supplier', d.supplier);
            break;
        case 'Supplier':
            strs('provides', d.provides); str('contact', d.contact); str('agreement', d.agreement); ref('owner', d.owner);
            break;
        case 'Risk': {
            refs('systems', d.systems); refs('sources', d.sources); refs('affects', d.affects);
            const inh = d.inherent as Rating, res = d.residual as Rating | undefined;
            add(`inherent likelihood ${inh.likelihood} impact ${inh.impact}`);
            const controls = (d.controls as string[] | undefined) ?? [];
            add(`treatment ${d.treatment}${controls.length ? ` with ${controls.join(', ')}` : ''}`);
            if (res) add(`residual likelihood ${res.likelihood} impact ${res.impact}`);
            ref('owner', d.owner);
            if (d.assessed) add(`assessed ${d.assessed}${d.assessor ? ` by ${d.assessor}` : ''}`);
            if (d.acceptor) add(`accepted by ${d.acceptor}${d.acceptedOn ? ` on ${d.acceptedOn}` : ''}`);
            review();
            break;
        }
        case 'ImpactAssessment':
            ref('system', d.system); str('individuals', d.individuals); str('groups', d.groups); str('society', d.society);
            strs('consequences', d.consequences); ref('severity', d.severity);
            if (d.assessed) add(`assessed ${d.assessed}${d.assessor ? ` by ${d.assessor}` : ''}`);
            review();
            break;
        case 'Evidence':
            str('path', d.path); str('url', d.url); ref('kind', d.kind); ref('owner', d.owner); ref('collected', d.collected);
            ref('expires', d.expires); refs('supports', d.supports);
            break;
        case 'OrgControl':
            str('summary', d.summary); ref('owner', d.owner); refs('nist', d.nist);
            break;
        case 'StatementOfApplicability':
            return renderSoa(d);
    }
    const doc = typeof d.$doc === 'string' ? `/** ${d.$doc} */\n` : '';
    return `${doc}${head} {\n${lines.join('\n')}\n}\n`;
}

function renderSoa(d: Declaration): string {
    const out = [`soa ${aimsString(d.title as string)} {`];
    if (d.approved) out.push(`    approved ${d.approved as string} by ${d.approver as string}`);
    for (const e of d.entries as Array<Record<string, unknown>>) {
        if (e.decision === 'excluded') {
            out.push(`    control ${e.control} excluded because ${aimsString(e.justification as string)}`);
            continue;
        }
        if (e.decision === 'undecided') {
            out.push(`    control ${e.control} undecided`);
            continue;
        }
        out.push(`    control ${e.control} applicable${typeof e.justification === 'string' ? ` because ${aimsString(e.justification)}` : ''} {`);
        out.push(`        status ${e.status}`);
        out.push(`        owner ${e.owner}`);
        const list = (keyword: string, values: unknown) => { const l = (values as string[] | undefined) ?? []; if (l.length) out.push(`        ${keyword} ${l.join(', ')}`); };
        list('treats', e.risks); list('systems', e.systems); list('evidence', e.evidence);
        if (typeof e.note === 'string') out.push(`        note ${aimsString(e.note)}`);
        out.push('    }');
    }
    out.push('}', '');
    return out.join('\n');
}

function keywordOf(type: string): string {
    return ({
        Organisation: 'organisation', Person: 'person', Team: 'team', Policy: 'policy', Objective: 'objective',
        AiSystem: 'system', Dataset: 'dataset', Supplier: 'supplier', Risk: 'risk', ImpactAssessment: 'impact-assessment',
        Evidence: 'evidence', OrgControl: 'control', StatementOfApplicability: 'soa'
    } as Record<string, string>)[type];
}

/** YAML top-level key for each declaration type. */
export const YAML_SECTIONS: Readonly<Record<string, string>> = {
    Organisation: 'organisation', Person: 'people', Team: 'teams', Policy: 'policies', Objective: 'objectives',
    AiSystem: 'systems', Dataset: 'datasets', Supplier: 'suppliers', Risk: 'risks', ImpactAssessment: 'impactAssessments',
    StatementOfApplicability: 'soa', Evidence: 'evidence', OrgControl: 'controls'
};

const YAML_PLAIN = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const YAML_RESERVED = new Set(['yes', 'no', 'true', 'false', 'null', 'on', 'off', 'y', 'n']);

function yamlScalar(value: unknown): string {
    if (typeof value === 'number') return String(value);
    const text = String(value);
    return YAML_PLAIN.test(text) && !YAML_RESERVED.has(text.toLowerCase()) ? text : JSON.stringify(text);
}

function yamlValue(value: unknown, indent: string): string {
    if (Array.isArray(value)) {
        if (value.every(v => typeof v !== 'object')) return ` [${value.map(yamlScalar).join(', ')}]`;
        return '\n' + value.map(v => `${indent}- ${yamlObject(v as Record<string, unknown>, indent + '  ').trimStart()}`).join('\n');
    }
    if (value && typeof value === 'object') return '\n' + yamlObject(value as Record<string, unknown>, indent + '  ');
    return ` ${yamlScalar(value)}`;
}

function yamlObject(object: Record<string, unknown>, indent: string): string {
    return Object.entries(object)
        .filter(([key, v]) => !key.startsWith('$') && v !== undefined && !(Array.isArray(v) && v.length === 0))
        .map(([key, v]) => `${indent}${key}:${yamlValue(v, indent + '  ')}`)
        .join('\n');
}

/** One YAML document: a mapping from section to a list of declarations (organisation and soa are single). */
export function renderYaml(declarations: readonly Declaration[]): string {
    const sections = new Map<string, Declaration[]>();
    for (const d of declarations) {
        const key = YAML_SECTIONS[d.$type];
        sections.set(key, [...(sections.get(key) ?? []), d]);
    }
    const out: string[] = [];
    for (const [key, list] of sections) {
        if (key === 'organisation' || key === 'soa') {
            // The grammar allows several, the generator writes one per file.
            out.push(`${key}:\n${yamlObject(list[0], '  ')}`);
        } else {
            out.push(`${key}:${yamlValue(list, '  ')}`);
        }
    }
    return out.join('\n') + '\n';
}

// ------------------------------------------------------------------------------ JSON Schema

/** The same shapes as the grammar: types, required fields and enums (no cross-references). */
export function yamlSchema(): object {
    const name = { type: 'string', pattern: '^[_a-zA-Z][\\w-]*$' };
    const text = { type: 'string' };
    const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
    const names = { type: 'array', items: name };
    const texts = { type: 'array', items: text };
    const catalogId = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+$' };
    const enumOf = (...values: string[]) => ({ type: 'string', enum: values });
    const rating = { type: 'object', additionalProperties: false, required: ['likelihood', 'impact'], properties: { likelihood: { type: 'integer' }, impact: { type: 'integer' } } };
    const scale = { type: 'object', additionalProperties: false, required: ['min', 'max'], properties: { min: { type: 'integer' }, max: { type: 'integer' } } };
    const duration = {
        type: 'object', additionalProperties: false, required: ['count', 'unit'],
        properties: { count: { type: 'integer' }, unit: enumOf('day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years') }
    };
    const aiRole = enumOf('provider', 'producer', 'customer', 'partner', 'subject', 'relevant-authority');
    const declaration = (properties: Record<string, unknown>, required: string[] = ['name', 'title']) =>
        ({ type: 'object', additionalProperties: false, required, properties: { name, title: text, ...properties } });
    const listOf = (item: object) => ({ type: 'array', items: item });
    const review = { reviewEvery: duration, nextReview: date };
    const entry = {
        type: 'object', additionalProperties: false, required: ['control', 'decision'],
        properties: {
            control: catalogId, decision: enumOf('applicable', 'excluded', 'undecided'),
            status: enumOf('planned', 'in-progress', 'implemented'), owner: name, risks: names, systems: names,
            evidence: names, note: text, justification: text
        }
    };
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://aims-language-tools.example/bench/aims.schema.json',
        title: 'AIMS workspace file (YAML rendering used by the benchmark)',
        type: 'object',
        additionalProperties: false,
        properties: {
            organisation: declaration({
                scope: text, roles: listOf(aiRole), likelihoodScale: scale, impactScale: scale,
                parties: listOf(declaration({ requirements: texts })),
                issues: listOf({ type: 'object', additionalProperties: false, required: ['kind', 'text'], properties: { kind: enumOf('internal', 'external'), text } })
            }),
            people: listOf(declaration({ roles: texts, email: text, team: name })),
            teams: listOf(declaration({ lead: name, members: names, roles: texts })),
            policies: listOf(declaration({ owner: name, approved: date, approver: name, ...review, documents: texts })),
            objectives: listOf(declaration({ annexC: listOf(catalogId), measure: text, target: text, owner: name, due: date })),
            systems: listOf(declaration({
                purpose: text, intendedUse: text,
                stage: enumOf('inception', 'design-and-development', 'verification-and-validation', 'deployment', 'operation-and-monitoring', 're-evaluation', 'retirement'),
                owner: name, role: aiRole, euCategory: enumOf('prohibited', 'high', 'limited', 'minimal'),
                annexIII: { type: 'integer', minimum: 1, maximum: 8 }, datasets: names, models: texts, components: texts,
                suppliers: names, oversight: text, deployment: text
            })),
            datasets: listOf(declaration({
                source: text, provenance: text, quality: texts, personalData: enumOf('yes', 'no'), preparation: texts, owner: name, supplier: name
            })),
            suppliers: listOf(declaration({ provides: texts, contact: text, agreement: text, owner: name })),
            risks: listOf(declaration({
                systems: names, sources: listOf(catalogId),
                affects: listOf(enumOf('individuals', 'groups', 'society', 'organisation')),
                inherent: rating, treatment: enumOf('mitigate', 'avoid', 'transfer', 'accept'), controls: listOf(catalogId),
                residual: rating, owner: name, assessed: date, assessor: name, acceptor: name, acceptedOn: date, ...review
            })),
            impactAssessments: listOf(declaration({
                system: name, individuals: text, groups: text, society: text, consequences: texts,
                severity: enumOf('low', 'medium', 'high', 'critical'), assessed: date, assessor: name, ...review
            })),
            soa: { type: 'object', additionalProperties: false, required: ['entries'], properties: { title: text, approved: date, approver: name, entries: listOf(entry) } },
            evidence: listOf(declaration({
                path: text, url: text, kind: enumOf(...EVIDENCE_KINDS, 'screenshot', 'other'), owner: name, collected: date, expires: date,
                supports: listOf({ type: 'string', pattern: '^([A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+|\\d+(\\.\\d+)*|(GOVERN|MAP|MEASURE|MANAGE) \\d+\\.\\d+|Article \\d+)$' })
            })),
            // An organisation control's name is an id with its own prefix (NWL.1), not a plain name.
            controls: listOf(declaration({ name: catalogId, summary: text, owner: name, nist: listOf({ type: 'string', pattern: '^(GOVERN|MAP|MEASURE|MANAGE) \\d+\\.\\d+$' }) }))
        }
    };
}

// ------------------------------------------------------------------------------ content

interface Unit {
    readonly code: string;
    readonly label: string;
    people: string[];
    teams: string[];
    systems: Array<{ name: string; high: boolean; title: string }>;
    datasets: string[];
    suppliers: string[];
    risks: string[];
    evidence: string[];
}

interface FileSlot {
    readonly path: string;
    readonly kind: 'people' | 'inventory' | 'risks' | 'assessments' | 'evidence';
    readonly unit: Unit;
    readonly budget: number;
}

const UNIT_FILES: FileSlot['kind'][] = ['people', 'inventory', 'risks', 'assessments', 'evidence'];

class Generator {
    private readonly dice: Dice;
    private readonly used = new Set<string>();
    private readonly units: Unit[] = [];
    private readonly people: string[] = [];
    readonly planted: PlantedFinding[] = [];
    private readonly orgPrefix = 'NWL';
    private readonly orgControls: string[] = [];
    private readonly evidenceDocs: string[] = [];

    constructor(private readonly options: GeneratorOptions) {
        this.dice = new Dice(mulberry32(options.seed));
    }

    /** A name no other declaration has: `alice-moreau`, then `alice-moreau-2`. */
    private unique(base: string): string {
        const stem = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
        let name = stem;
        for (let i = 2; this.used.has(name); i++) name = `${stem}-${i}`;
        this.used.add(name);
        return name;
    }

    private date(fromYear: number, toYear: number): string {
        const y = this.dice.int(fromYear, toYear), m = this.dice.int(1, 12), d = this.dice.int(1, 28);
        return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }

    /** A date after the benchmark's today plus the expiry window, so nothing is overdue by accident. */
    private future(): string {
        return this.date(2027, 2028);
    }

    run(): { files: Map<string, Declaration[]>; soaHost: string; soaSupplement: string; evidenceDocs: string[] } {
        const { targetBytes, files } = this.options;
        const files_ = new Map<string, Declaration[]>();
        const orgPath = 'governance/organisation.aims';
        const soaHost = 'governance/statement-of-applicability.aims';
        const soaSupplement = 'suppliers/soa-third-party.aims';
        for (let i = 0; i < 12; i++) this.evidenceDocs.push(`evidence/${['policy', 'procedure', 'minutes', 'test-report', 'inventory', 'training'][i % 6]}-${i + 1}.md`);

        const org = this.organisation();
        files_.set(orgPath, org);
        // The SoA is written last (it names risks and evidence of every unit) but its file comes first.
        files_.set(soaHost, []);
        files_.set(soaSupplement, []);
        const fixed = org.map(renderAims).join('\n').length + 9000;
        const unitFiles = Math.max(files - 3, UNIT_FILES.length);
        const budget = Math.max(1500, Math.floor((targetBytes - fixed) / unitFiles));
        const slots: FileSlot[] = [];
        for (let u = 0; slots.length < unitFiles; u++) {
            const unit = this.newUnit(u);
            for (const kind of UNIT_FILES) {
                if (slots.length < unitFiles) slots.push({ path: `units/${unit.code}/${kind}.aims`, kind, unit, budget });
            }
        }
        // A few findings of each kind (one per 250 files), spread evenly over the files of the right kind.
        const plants = Math.max(1, Math.round(files / 250));
        const spread = (kind: FileSlot['kind']) => {
            const ofKind = slots.filter(s => s.kind === kind);
            return new Set(Array.from({ length: Math.min(plants, ofKind.length) }, (_, i) => ofKind[Math.floor((i + 0.5) * ofKind.length / plants)]));
        };
        const plantRisks = spread('risks'), plantEvidence = spread('evidence');
        for (const slot of slots) {
            files_.set(slot.path, this.fill(slot, slots, plantRisks.has(slot) || plantEvidence.has(slot)));
        }
        const [host, supplement] = this.soa();
        files_.set(soaHost, host);
        files_.set(soaSupplement, supplement);
        return { files: files_, soaHost, soaSupplement, evidenceDocs: this.evidenceDocs };
    }

    private newUnit(index: number): Unit {
        const unitName = UNITS[index % UNITS.length];
        const region = REGIONS[Math.floor(index / UNITS.length) % REGIONS.length];
        const round = Math.floor(index / (UNITS.length * REGIONS.length));
        const code = `${unitName}-${region}${round > 0 ? `-${round + 1}` : ''}`;
        const label = `${unitName.replace(/-/g, ' ')} (${region})`;
        const unit: Unit = { code, label, people: [], teams: [], systems: [], datasets: [], suppliers: [], risks: [], evidence: [] };
        this.units.push(unit);
        return unit;
    }

    private organisation(): Declaration[] {
        const out: Declaration[] = [];
        out.push({
            $type: 'Organisation', name: 'northwind', title: 'Northwind Group',
            $doc: 'Holding of insurance, lending and services companies; one AI management system for all units.',
            scope: 'AI systems that Northwind units develop, buy or operate in the EU, from underwriting to customer care. Research prototypes without production data are out of scope.',
            roles: ['provider', 'producer', 'customer'],
            likelihoodScale: { min: 1, max: 5 }, impactScale: { min: 1, max: 5 },
            parties: [
                { name: 'supervisors', title: 'Financial and market surveillance authorities', requirements: ['High-risk systems meet the EU AI Act obligations when they apply', 'Model risk is part of the internal control system'] },
                { name: 'customers', title: 'Customers and applicants', requirements: ['They learn when a decision involved AI and can ask a person to look again'] },
                { name: 'works-council', title: 'Works council', requirements: ['Tools that could monitor staff are agreed before use'] }
            ],
            issues: [
                { kind: 'external', text: 'The EU AI Act classes credit scoring and recruitment tools as high-risk.' },
                { kind: 'internal', text: 'Units build models independently; shared tooling is still being rolled out.' }
            ]
        });
        const governors = ['ceo', 'ai-lead', 'ciso', 'dpo'].map((role, i) => {
            const first = FIRST[i], last = LAST[i];
            const name = this.unique(`${first}-${last}`);
            this.people.push(name);
            out.push({ $type: 'Person', name, title: `${first} ${last}`, roles: [{ ceo: 'Chief Executive Officer', 'ai-lead': 'AI Governance Lead', ciso: 'Chief Information Security Officer', dpo: 'Data Protection Officer' }[role]!], email: `${role}@northwind.example` });
            return name;
        });
        const board = this.unique('ai-board');
        out.push({ $type: 'Team', name: board, title: 'AI Board', lead: governors[1], members: governors, roles: ['Approves AI systems for production and reviews risks each quarter'] });
        this.people.push(board);
        out.push({ $type: 'Policy', name: this.unique('ai-policy'), title: 'Northwind AI Policy', owner: governors[1], approved: '2026-03-02', approver: governors[0], reviewEvery: { count: 12, unit: 'months' }, documents: [this.evidenceDocs[0]] });
        // The group's management system records (audits, reviews, training) live in its document system.
        out.push({
            $type: 'Evidence', name: this.unique('ev-aims-records'), title: 'Northwind AIMS records', url: 'https://docs.northwind.example/aims',
            kind: 'record', owner: governors[1], collected: '2026-03-02',
            supports: ['4.4', '6.1.1', '6.1.2', '6.1.4', '6.2', '7.2', '7.5.1', '8.1', '8.2', '8.3', '8.4', '9.1', '9.2', '9.2.2', '9.3', '9.3.3', '10.2']
        });
        out.push({ $type: 'Objective', name: this.unique('fair-decisions'), title: 'Comparable outcomes across groups', annexC: ['C.2.5'], measure: 'Lowest group approval rate divided by highest', target: '>= 0.8 every quarter', owner: governors[1], due: '2026-12-31' });
        for (let i = 1; i <= 4; i++) {
            const name = `${this.orgPrefix}.${i}`;
            this.orgControls.push(name);
            out.push({
                $type: 'OrgControl', name, title: ['Prompt red-teaming before release', 'Four-eyes review of model changes', 'Quarterly fairness test', 'Kill switch for automated decisions'][i - 1],
                summary: 'Group-wide control on top of Annex A; each unit shows it works with evidence in its own folder.',
                owner: governors[i % governors.length], nist: this.dice.some(NIST, 1, 3)
            });
        }
        return out;
    }

    /** Declarations for one unit file until its byte budget is used. */
    private fill(slot: FileSlot, slots: FileSlot[], plantHere: boolean): Declaration[] {
        const out: Declaration[] = [];
        let bytes = 0;
        const push = (d: Declaration) => { out.push(d); bytes += renderAims(d).length + 1; };
        const unit = slot.unit;
        switch (slot.kind) {
            case 'people': {
                while (bytes < slot.budget * 0.8) push(this.person(unit));
                const members = this.dice.some(unit.people, 2, 5);
                const team = this.unique(`${unit.code}-team`);
                unit.teams.push(team);
                push({ $type: 'Team', name: team, title: `${capitalise(unit.label)} team`, lead: members[0], members, roles: ['Runs the unit\'s AI systems day to day'] });
                for (const p of out) if (p.$type === 'Person' && members.includes(p.name as string)) (p as Record<string, unknown>).team = team;
                break;
            }
            case 'inventory': {
                // High-risk systems need an impact assessment: only where this unit has an assessments file.
                const hasAssessments = slots.some(s => s.unit === unit && s.kind === 'assessments');
                push(this.supplier(unit));
                push(this.dataset(unit));
                push(this.dataset(unit));
                while (bytes < slot.budget) {
                    push(this.system(unit, hasAssessments));
                    if (bytes < slot.budget * 0.7 && this.dice.chance(0.5)) push(this.dataset(unit));
                }
                // Every system has its risks assessed: next to it, if this unit keeps no risk register.
                if (!slots.some(s => s.unit === unit && s.kind === 'risks')) {
                    for (const system of unit.systems) push(this.risk(unit, false, undefined, system));
                }
                break;
            }
            case 'risks':
                for (const system of unit.systems) push(this.risk(unit, false, undefined, system));
                while (bytes < slot.budget) push(this.risk(unit, false));
                if (plantHere) push(this.plant('aims/mitigate-without-control', slot.path, () => this.risk(unit, true)));
                if (plantHere) push(this.plant('aims/unknown-catalog-id', slot.path, () => this.risk(unit, false, 'A.6.2.44')));
                break;
            case 'assessments':
                for (const system of unit.systems) push(this.assessment(unit, system));
                while (bytes < slot.budget) push(this.dice.chance(0.5) ? this.policy(unit) : this.objective(unit));
                break;
            case 'evidence':
                while (bytes < slot.budget) push(this.evidence(unit, false));
                if (plantHere) push(this.plant('aims/evidence-expired', slot.path, () => this.evidence(unit, true)));
                break;
        }
        return out;
    }

    private plant(code: PlantedFinding['code'], file: string, make: () => Declaration): Declaration {
        const d = make();
        this.planted.push({ code, file, name: d.name as string });
        return d;
    }

    private owner(unit: Unit): string {
        return unit.people.length > 0 ? this.dice.pick(unit.people) : this.dice.pick(this.people);
    }

    private person(unit: Unit): Declaration {
        const first = this.dice.pick(FIRST), last = this.dice.pick(LAST);
        const name = this.unique(`${first}-${last}`);
        unit.people.push(name);
        this.people.push(name);
        const roles = [`${this.dice.pick(ROLES)}, ${unit.label}`];
        if (this.dice.chance(0.3)) roles.push(this.dice.pick(['Deputy system owner', 'Trained in human oversight', 'Member of the model review panel']));
        return { $type: 'Person', name, title: `${first} ${last}`, roles, email: `${name}@northwind.example` };
    }

    private supplier(unit: Unit): Declaration {
        const stem = this.dice.pick(SUPPLIER_STEMS), kind = this.dice.pick(SUPPLIER_KINDS);
        const name = this.unique(`${stem}-${unit.code}`);
        unit.suppliers.push(name);
        return {
            $type: 'Supplier', name, title: `${stem} ${kind}`,
            provides: [this.dice.pick(['Hosted model API in the EU region', 'GPU hosting and managed feature store', 'Labelled training data', 'External data feed, refreshed daily'])],
            contact: `support@${stem.toLowerCase()}.example`, agreement: `MSA-${this.dice.int(2022, 2026)}-${this.dice.int(100, 999)}`, owner: this.owner(unit)
        };
    }

    private dataset(unit: Unit): Declaration {
        const kind = this.dice.pick(DATA_KINDS);
        const name = this.unique(`${unit.code}-${kind}`);
        unit.datasets.push(name);
        const personal = kind !== 'product catalogue' && kind !== 'sensor readings';
        return {
            $type: 'Dataset', name, title: `${capitalise(kind)}, ${unit.label}`,
            source: `${capitalise(kind)} exported from the ${unit.label} operational systems`,
            provenance: 'Nightly export into the feature store; snapshots are immutable and versioned so every training run can be traced back.',
            quality: ['Completeness and range checks on every snapshot; the pipeline stops below 99 % completeness'],
            personalData: personal ? 'yes' : 'no',
            preparation: personal ? ['Direct identifiers pseudonymised before the data reaches the feature store'] : [],
            owner: this.owner(unit),
            supplier: this.dice.chance(0.3) && unit.suppliers.length ? this.dice.pick(unit.suppliers) : undefined
        };
    }

    private system(unit: Unit, mayBeHigh: boolean): Declaration {
        const [what, object, does] = this.dice.pick(TASKS);
        const title = `${what} of ${object}, ${unit.label}`;
        const name = this.unique(`${unit.code}-${what}`);
        const category = mayBeHigh && this.dice.chance(0.3) ? 'high' : this.dice.pick(['limited', 'minimal', 'minimal']);
        unit.systems.push({ name, high: category === 'high', title });
        return {
            $type: 'AiSystem', name, title,
            $doc: this.dice.chance(0.4) ? `Owned by the ${unit.label} unit; reviewed by the AI board before each major release.` : undefined,
            purpose: `Takes ${object} and ${does}.`,
            intendedUse: `Decision support for the ${unit.label} unit only. Not for decisions without a person in the loop.`,
            stage: this.dice.pick(STAGES), owner: this.owner(unit), role: this.dice.pick(['provider', 'customer', 'provider']),
            euCategory: category, annexIII: category === 'high' ? this.dice.int(1, 8) : undefined,
            datasets: this.dice.some(unit.datasets, 1, 2), models: [`${this.dice.pick(MODELS)} v${this.dice.int(1, 9)}`],
            components: this.dice.chance(0.5) ? ['feature service', 'explanation service'] : [],
            suppliers: unit.suppliers.length && this.dice.chance(0.6) ? [this.dice.pick(unit.suppliers)] : [],
            oversight: 'A case handler reviews every adverse outcome before it is sent and can override the result; overrides are reported monthly.',
            deployment: `Internal API in the EU region, used by the ${unit.label} case management tool`
        };
    }

    private risk(unit: Unit, withoutControl: boolean, nearMiss?: string, about?: Unit['systems'][number]): Declaration {
        const [verb, whom, source] = this.dice.pick(HAZARDS);
        const system = about ?? (unit.systems.length ? this.dice.pick(unit.systems) : undefined);
        const name = this.unique(`${system?.name ?? unit.code}-${verb.split(' ')[0]}`);
        unit.risks.push(name);
        const il = this.dice.int(2, 5), ii = this.dice.int(2, 5);
        const treatment = withoutControl ? 'mitigate' : this.dice.chance(0.85) ? 'mitigate' : this.dice.pick(['accept', 'transfer', 'avoid']);
        const controls = treatment === 'mitigate' && !withoutControl
            ? [...this.dice.some(TREATING_CONTROLS, 1, 3), ...(this.dice.chance(0.2) ? [this.dice.pick(this.orgControls)] : [])]
            : [];
        if (nearMiss) controls.push(nearMiss);
        const accepted = treatment === 'accept';
        return {
            $type: 'Risk', name, title: `${system ? system.title.split(',')[0] : capitalise(unit.label)} ${verb} ${whom}`,
            systems: system ? [system.name] : [], sources: [source, ...(this.dice.chance(0.3) ? [this.dice.pick(RISK_SOURCES)] : [])].filter((v, i, a) => a.indexOf(v) === i),
            affects: this.dice.some(['individuals', 'groups', 'society', 'organisation'], 1, 2),
            inherent: { likelihood: il, impact: ii }, treatment, controls,
            residual: { likelihood: Math.max(1, il - this.dice.int(0, 2)), impact: Math.max(1, ii - this.dice.int(0, 1)) },
            owner: this.owner(unit), assessed: '2026-02-01',
            acceptor: accepted ? this.dice.pick(this.people.slice(0, 4)) : undefined, acceptedOn: accepted ? '2026-05-15' : undefined,
            reviewEvery: accepted ? { count: 12, unit: 'months' } : undefined, nextReview: accepted ? undefined : this.future()
        };
    }

    private assessment(unit: Unit, system: Unit['systems'][number]): Declaration {
        return {
            $type: 'ImpactAssessment', name: this.unique(`ia-${system.name}`), title: `Impact assessment: ${system.title}`,
            system: system.name,
            individuals: 'People affected may get a worse outcome or a delayed decision when the system errs; they may not know a system was involved.',
            groups: 'Groups with little history in the data are scored with less certainty and may be treated less favourably.',
            society: this.dice.pick(['Limited: the unit serves a regional market.', 'Noticeable at the group\'s volume if errors are systematic.']),
            consequences: ['Financial loss or stress after a wrong decision', 'Complaints and supervisory findings if decisions cannot be explained'],
            severity: system.high ? 'high' : this.dice.pick(['low', 'medium']),
            assessed: `2026-0${this.dice.int(1, 5)}-${String(this.dice.int(10, 28))}`, assessor: this.owner(unit),
            nextReview: this.future()
        };
    }

    private policy(unit: Unit): Declaration {
        const topic = this.dice.pick(['model release', 'data retention', 'human oversight', 'supplier onboarding', 'incident handling']);
        return {
            $type: 'Policy', name: this.unique(`${unit.code}-${topic}`), title: `${capitalise(topic)} procedure, ${unit.label}`,
            owner: this.owner(unit), approved: `2026-0${this.dice.int(1, 5)}-${String(this.dice.int(10, 28))}`, approver: this.dice.pick(this.people.slice(0, 4)),
            reviewEvery: { count: 12, unit: 'months' }, documents: [this.dice.pick(this.evidenceDocs)]
        };
    }

    private objective(unit: Unit): Declaration {
        const [title, measure, target] = this.dice.pick([
            ['Explained adverse decisions', 'Share of adverse decisions whose letter names the main reasons', '100 % on a monthly sample'],
            ['Accurate assistant answers', 'Share of sampled answers with a wrong amount or date', '< 0.5 % weekly'],
            ['Trained reviewers', 'Share of reviewers who passed the oversight training this year', '>= 95 %']
        ] as const);
        return {
            $type: 'Objective', name: this.unique(`${unit.code}-${title}`), title: `${title}, ${unit.label}`,
            annexC: this.dice.some(ANNEX_C_OBJECTIVES, 1, 2), measure, target, owner: this.owner(unit), due: this.future()
        };
    }

    private evidence(unit: Unit, expired: boolean): Declaration {
        const kind = this.dice.pick(EVIDENCE_KINDS);
        const name = this.unique(`ev-${unit.code}-${kind}`);
        unit.evidence.push(name);
        const collected = expired ? '2025-03-01' : `2026-0${this.dice.int(1, 5)}-${String(this.dice.int(10, 28))}`;
        const local = this.dice.chance(0.3);
        return {
            $type: 'Evidence', name, title: `${capitalise(kind.replace('-', ' '))} for ${unit.label}`,
            path: local ? this.dice.pick(this.evidenceDocs) : undefined,
            url: local ? undefined : `https://docs.northwind.example/${unit.code}/${name}`,
            kind, owner: this.owner(unit), collected, expires: expired ? '2026-03-01' : this.future(),
            supports: [
                ...this.dice.some(ANNEX_A, 1, 3), ...this.dice.some(CLAUSES, 0, 1), ...this.dice.some(NIST, 0, 2),
                ...(this.dice.chance(0.3) ? [this.dice.pick(ARTICLES)] : [])
            ]
        };
    }

    /** All 38 Annex A controls and the organisation's own; the A.10 entries go to the supplement file. */
    private soa(): [Declaration[], Declaration[]] {
        const allRisks = this.units.flatMap(u => u.risks).filter(r => !this.planted.some(p => p.name === r));
        const allEvidence = this.units.flatMap(u => u.evidence);
        const allSystems = this.units.flatMap(u => u.systems.map(s => s.name));
        const entry = (control: string, index: number): Record<string, unknown> => {
            if (control === SUPPLEMENT_CONTROLS[SUPPLEMENT_CONTROLS.length - 1]) {
                return { control, decision: 'excluded', justification: 'Northwind supplies no AI systems to customers; the units only use and build them in-house.' };
            }
            const implemented = index % 5 !== 4;
            const evidence = allEvidence.length ? this.dice.some(allEvidence, 1, 3) : [];
            const risks = allRisks.length && this.dice.chance(0.4) ? this.dice.some(allRisks, 1, 3) : [];
            return {
                control, decision: 'applicable', status: implemented && evidence.length ? 'implemented' : 'in-progress',
                owner: this.dice.pick(this.people.slice(0, 5)),
                // 6.1.3: included for a risk it treats, or for a reason of its own.
                justification: risks.length ? undefined : 'The units build and run AI systems that this control governs.',
                risks,
                systems: allSystems.length && this.dice.chance(0.3) ? this.dice.some(allSystems, 1, 2) : [],
                evidence,
                note: this.dice.chance(0.3) ? 'Each unit shows the control with its own evidence; the AI board samples two units a quarter.' : undefined
            };
        };
        const hostControls = [...ANNEX_A.filter(id => !SUPPLEMENT_CONTROLS.includes(id)), ...this.orgControls];
        const host: Declaration = { $type: 'StatementOfApplicability', title: 'Northwind statement of applicability', approved: '2026-03-02', approver: this.people[0], entries: hostControls.map(entry) };
        const supplement: Declaration = { $type: 'StatementOfApplicability', title: 'Third-party and customer relationships', entries: SUPPLEMENT_CONTROLS.map(entry) };
        return [[host], [supplement]];
    }
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function header(path: string): string {
    return `// ${path}: generated by bench/generator.ts for the benchmark; realistic, not real.\n\n`;
}

/** Generate a workspace; the same options always give the same files. */
export function generateWorkspace(options: GeneratorOptions): GeneratedWorkspace {
    // A single file holds what about 5 KB files would hold in a multi-file workspace.
    const logicalFiles = options.files === 1 ? Math.max(8, Math.round(options.targetBytes / 5000)) : options.files;
    const generator = new Generator({ ...options, files: logicalFiles });
    const { files, soaHost, soaSupplement, evidenceDocs } = generator.run();
    let declarations = new Map<string, Declaration[]>(files);
    let host = soaHost, supplement = soaSupplement;
    let planted = generator.planted;
    if (options.files === 1) {
        // One big file: the same content, in the same order, in a single document.
        const single = 'aims.aims';
        declarations = new Map([[single, [...files.values()].flat()]]);
        host = supplement = single;
        planted = planted.map(p => ({ ...p, file: single }));
    }
    const aims: GeneratedFile[] = [];
    const yaml: GeneratedFile[] = [];
    for (const [path, decls] of declarations) {
        aims.push({ path, text: header(path) + decls.map(renderAims).join('\n') });
        yaml.push({ path: path.replace(/\.aims$/, '.yaml'), text: `# ${path.replace(/\.aims$/, '.yaml')}: generated by bench/generator.ts\n` + renderYaml(decls) });
    }
    const evidence = evidenceDocs.map(path => ({ path, text: `# ${path}\n\nEvidence placeholder written by the benchmark generator.\n` }));
    return {
        aims, yaml, schema: yamlSchema(), evidence, planted, soaHost: host, soaSupplement: supplement,
        aimsBytes: aims.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0)
    };
}
