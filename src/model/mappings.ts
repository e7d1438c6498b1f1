/**
 * Control mappings with meaning. Every link between two controls or catalog entries is an edge
 * with an OLIR relationship (equal, subset-of, superset-of, intersects-with, no-relationship):
 * the NIST AI RMF to ISO/IEC 42001 crosswalk (which publishes no type, so its pairs count as
 * intersects-with), the `nist` list of an organisation control (intersects-with as well: naming a
 * subcategory says the control addresses it, not that it meets all of it), and the `map`
 * declarations of the workspace, which replace the built-in edge of the same pair.
 *
 * Coverage follows the edges from a target entry (a NIST subcategory) for up to three steps and
 * keeps, for each entry reached, how the target relates to it. At an implemented control, a
 * target that is equal to it or a subset of it is covered; one that is a superset of it or
 * intersects it is partly covered. The chain of steps is kept, so that every level can be traced.
 */
import type { Mapping } from '../language/generated/ast.js';
import { catalog } from '../catalog/catalog.js';
import { referencedId } from '../references/aims-name-provider.js';

export type Relationship = 'equal' | 'subset-of' | 'superset-of' | 'intersects-with' | 'no-relationship';
export const RELATIONSHIPS: readonly Relationship[] = ['equal', 'subset-of', 'superset-of', 'intersects-with', 'no-relationship'];

/** Where an edge comes from. */
export type MappingOrigin = 'crosswalk' | 'organisation-control' | 'declared';

/** One mapping, oriented: `from` relates to `to` as `relationship`. */
export interface MappingEdge {
    readonly from: string;
    readonly to: string;
    readonly relationship: Relationship;
    readonly origin: MappingOrigin;
    readonly rationale?: string;
    readonly strength?: number;
    /** The declaration, for declared mappings. */
    readonly declaration?: Mapping;
}

/** How a target relates to an entry it reaches: never `no-relationship`. */
export type CoverageRelation = Exclude<Relationship, 'no-relationship'>;

export type CoverageLevel = 'covered' | 'partly-covered' | 'not-covered';
export const COVERAGE_LEVELS: readonly CoverageLevel[] = ['covered', 'partly-covered', 'not-covered'];

/** How a target reaches one control: the relation that results and the steps on the way. */
export interface CoverageChain {
    readonly control: string;
    readonly relation: CoverageRelation;
    readonly steps: readonly MappingEdge[];
}

const MAX_STEPS = 3;

export function inverse(relationship: Relationship): Relationship {
    return relationship === 'subset-of' ? 'superset-of' : relationship === 'superset-of' ? 'subset-of' : relationship;
}

function reversed(edge: MappingEdge): MappingEdge {
    return { ...edge, from: edge.to, to: edge.from, relationship: inverse(edge.relationship) };
}

/**
 * The target's relation to Y, given its relation to X and X's relation to Y; undefined when the
 * two say nothing together (T inside X, and X only overlapping Y).
 */
export function compose(targetToX: CoverageRelation, xToY: CoverageRelation): CoverageRelation | undefined {
    switch (targetToX) {
        case 'equal':
            return xToY;
        case 'subset-of':
            return xToY === 'equal' || xToY === 'subset-of' ? 'subset-of' : undefined;
        case 'superset-of':
            return xToY === 'equal' || xToY === 'superset-of' ? 'superset-of' : 'intersects-with';
        case 'intersects-with':
            return xToY === 'equal' || xToY === 'subset-of' ? 'intersects-with' : undefined;
    }
}

/** Better relations first: what a chain tells about coverage. */
const RELATION_RANK: Record<CoverageRelation, number> = { 'equal': 0, 'subset-of': 1, 'superset-of': 2, 'intersects-with': 3 };

export function levelOf(relation: CoverageRelation): Exclude<CoverageLevel, 'not-covered'> {
    return relation === 'equal' || relation === 'subset-of' ? 'covered' : 'partly-covered';
}

function pairKey(a: string, b: string): string {
    return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export class MappingGraph {
    /** One edge per unordered pair: the declared one if any, else the built-in one. */
    private readonly byPair = new Map<string, MappingEdge>();
    /** Edges by endpoint, oriented away from it. */
    private readonly byEntry = new Map<string, MappingEdge[]>();
    /** Built-in edges that a declaration replaced, by pair. */
    private readonly replaced = new Map<string, MappingEdge>();

    constructor(declared: readonly Mapping[], orgControlNist: ReadonlyArray<{ control: string; nist: readonly string[] }>) {
        for (const pair of catalog.crosswalk) {
            for (const iso of pair.iso) {
                this.byPair.set(pairKey(pair.nist, iso), { from: pair.nist, to: iso, relationship: 'intersects-with', origin: 'crosswalk' });
            }
        }
        for (const { control, nist } of orgControlNist) {
            for (const sub of nist) {
                this.byPair.set(pairKey(sub, control), { from: sub, to: control, relationship: 'intersects-with', origin: 'organisation-control' });
            }
        }
        const seen = new Set<string>();
        for (const mapping of declared) {
            const from = referencedId(mapping.from);
            const to = referencedId(mapping.to);
            const key = pairKey(from, to);
            // The first declaration of a pair counts; later ones are findings (aims/mapping-conflict).
            if (!from || !to || from === to || seen.has(key) || !isRelationship(mapping.relationship)) {
                continue;
            }
            seen.add(key);
            const builtIn = this.byPair.get(key);
            if (builtIn) {
                this.replaced.set(key, builtIn);
            }
            this.byPair.set(key, {
                from, to, relationship: mapping.relationship, origin: 'declared',
                rationale: mapping.rationale, strength: mapping.strength, declaration: mapping
            });
        }
        for (const edge of this.byPair.values()) {
            push(this.byEntry, edge.from, edge);
            push(this.byEntry, edge.to, reversed(edge));
        }
    }

    /** Every mapping, one per pair, as declared or built in (no-relationship included). */
    all(): readonly MappingEdge[] {
        return [...this.byPair.values()];
    }

    /** Every mapping of an entry, in both directions, oriented away from it (no-relationship included). */
    mappingsOf(id: string): readonly MappingEdge[] {
        return this.byEntry.get(id) ?? [];
    }

    /** The built-in mapping that a declaration of this pair replaces, if any. */
    builtInReplacedBy(mapping: Mapping): MappingEdge | undefined {
        return this.replaced.get(pairKey(referencedId(mapping.from), referencedId(mapping.to)));
    }

    /** The built-in mapping of a pair (crosswalk or organisation control), whether or not a declaration replaces it. */
    builtIn(a: string, b: string): MappingEdge | undefined {
        const key = pairKey(a, b);
        const edge = this.replaced.get(key) ?? this.byPair.get(key);
        return edge && edge.origin !== 'declared' ? edge : undefined;
    }

    /**
     * Every entry the target reaches in up to three steps, with the best relation found and the
     * shortest chain to it; no-relationship edges and chains that say nothing are not followed.
     */
    reach(target: string): Map<string, CoverageChain> {
        const best = new Map<string, CoverageChain>();
        let frontier: CoverageChain[] = [{ control: target, relation: 'equal', steps: [] }];
        for (let step = 0; step < MAX_STEPS && frontier.length > 0; step++) {
            const next: CoverageChain[] = [];
            for (const chain of frontier) {
                for (const edge of this.mappingsOf(chain.control)) {
                    if (edge.relationship === 'no-relationship' || edge.to === target || chain.steps.some(s => s.from === edge.to)) {
                        continue;
                    }
                    const relation = compose(chain.relation, edge.relationship);
                    const known = best.get(edge.to);
                    if (!relation || (known && RELATION_RANK[known.relation] <= RELATION_RANK[relation])) {
                        continue;
                    }
                    const reached: CoverageChain = { control: edge.to, relation, steps: [...chain.steps, edge] };
                    best.set(edge.to, reached);
                    next.push(reached);
                }
            }
            frontier = next;
        }
        return best;
    }
}

function isRelationship(text: string): text is Relationship {
    return (RELATIONSHIPS as readonly string[]).includes(text);
}


function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
}

/** `GOVERN 1.1 ⊆ A.2.2 (declared) ∩ ...`: a chain in words, for hovers, reports and views. */
export function chainText(chain: CoverageChain): string {
    return chain.steps.map(step => `${step.from} ${step.relationship} ${step.to} (${ORIGIN_WORDS[step.origin]})`).join(', then ');
}

export const ORIGIN_WORDS: Record<MappingOrigin, string> = {
    'crosswalk': 'crosswalk',
    'organisation-control': 'the control\'s nist list',
    'declared': 'declared'
};

/** A chain as plain data (no AST nodes), for the report, the coverage views and JSON. */
export interface ChainSummary {
    readonly control: string;
    readonly relation: CoverageRelation;
    /** The steps in words (chainText). */
    readonly chain: string;
}

export function summarizeChain(chain: CoverageChain): ChainSummary {
    return { control: chain.control, relation: chain.relation, chain: chainText(chain) };
}
