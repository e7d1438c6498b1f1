/**
 * Control mappings (src/model/mappings.ts): one mapping per pair, never an entry to itself, a
 * strength on OLIR's scale of 1 to 10, and a reason whenever a built-in mapping is replaced.
 */
import type { ValidationAcceptor } from 'langium';
import type { Mapping } from '../../language/generated/ast.js';
import { inverse, type Relationship } from '../../model/mappings.js';
import { referencedId } from '../../references/aims-name-provider.js';
import { RULES } from '../rules.js';
import { report, where, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function mapping(context: CheckContext): DomainChecks {
    return {
        fast: {
            Mapping: [mappingShouldJoinTwoEntries, strengthShouldBeInRange]
        },
        workspace: [
            () => onePairOneMapping(context),
            () => overrideShouldSayWhy(context)
        ]
    };
}

function mappingShouldJoinTwoEntries(m: Mapping, accept: ValidationAcceptor): void {
    if (m.from && m.to && referencedId(m.from) === referencedId(m.to)) {
        report(accept, RULES.mappingToItself, `This maps ${referencedId(m.from)} to itself: map it to another control or catalog entry.`, { node: m, property: 'to' });
    }
}

function strengthShouldBeInRange(m: Mapping, accept: ValidationAcceptor): void {
    if (m.strength !== undefined && (m.strength < 1 || m.strength > 10)) {
        report(accept, RULES.mappingStrengthOutOfRange, `Strength ${m.strength} is outside 1 to 10: use 1 for a weak link up to 10 for two entries that say the same.`, { node: m, property: 'strength' });
    }
}

/** The relationship of the pair read from its lexically smaller end, so that both directions compare. */
function normalised(m: Mapping): { key: string; relationship: Relationship } {
    const from = referencedId(m.from);
    const to = referencedId(m.to);
    const relationship = m.relationship as Relationship;
    return from <= to
        ? { key: `${from}\u0000${to}`, relationship }
        : { key: `${to}\u0000${from}`, relationship: inverse(relationship) };
}

function onePairOneMapping({ model }: CheckContext): WorkspaceFinding[] {
    const first = new Map<string, Mapping>();
    const findings: WorkspaceFinding[] = [];
    for (const m of model.all('Mapping')) {
        if (!m.from || !m.to || referencedId(m.from) === referencedId(m.to)) {
            continue;
        }
        const { key, relationship } = normalised(m);
        const earlier = first.get(key);
        if (!earlier) {
            first.set(key, m);
            continue;
        }
        const pair = `${referencedId(m.from)} and ${referencedId(m.to)}`;
        findings.push(normalised(earlier).relationship === relationship
            ? { rule: RULES.mappingDuplicate, node: m, property: 'relationship', message: `${pair} are already mapped the same way (${where(earlier)}): delete this mapping.` }
            : {
                rule: RULES.mappingConflict, node: m, property: 'relationship',
                message: `${pair} are already mapped as '${referencedId(earlier.from)} ${earlier.relationship} ${referencedId(earlier.to)}' (${where(earlier)}), which this '${m.relationship}' contradicts; the first one counts. Keep the relationship that holds and delete the other.`
            });
    }
    return findings;
}

function overrideShouldSayWhy({ model }: CheckContext): WorkspaceFinding[] {
    const graph = model.mappings();
    return model.all('Mapping').flatMap(m => {
        const replaced = m.from && m.to ? graph.builtIn(referencedId(m.from), referencedId(m.to)) : undefined;
        // Restating the built-in intersects-with changes nothing and needs no reason.
        if (!replaced || m.rationale?.trim() || m.relationship === replaced.relationship) {
            return [];
        }
        const source = replaced.origin === 'crosswalk' ? 'the NIST AI RMF to ISO/IEC 42001 crosswalk' : `the nist list of control ${replaced.to}`;
        return [{
            rule: RULES.crosswalkOverrideWithoutRationale, node: m, property: 'relationship',
            message: `This replaces the pair ${replaced.from} and ${replaced.to} of ${source} (which counts as intersects-with) with '${m.relationship}': add rationale "..." saying why.`
        }];
    });
}
