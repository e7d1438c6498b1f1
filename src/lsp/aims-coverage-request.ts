/**
 * Serves the coverage requests of aims-coverage-protocol.ts. The numbers come from AimsModel
 * (soaCoverage, nistCoverage), the same queries the validator and the reports use; this file only
 * adds titles and locations so a client can list the controls and jump to them.
 */
import { AstUtils, DocumentState, type AstNode, type AstNodeDescription } from 'langium';
import { CancellationToken, type Connection } from 'vscode-languageserver';
import type { AimsServices } from '../language/aims-module.js';
import { catalog } from '../catalog/catalog.js';
import { isAnnexAEntry } from '../model/aims-model.js';
import { summarizeChain } from '../model/mappings.js';
import {
    NIST_COVERAGE_REQUEST, SOA_COVERAGE_REQUEST,
    type CoverageLocation, type NistCoverageResult, type NistState, type SoaControlCoverage, type SoaControlState, type SoaCoverageResult
} from './aims-coverage-protocol.js';

/** Called once by the language server after the services exist. */
export function registerCoverageRequests(connection: Connection, services: AimsServices): void {
    // The requests take no parameters; a client may still send `null` or `{}`, so find the token.
    connection.onRequest(SOA_COVERAGE_REQUEST, async (...args: unknown[]) => {
        await settled(services, tokenIn(args));
        return soaCoverage(services);
    });
    connection.onRequest(NIST_COVERAGE_REQUEST, async (...args: unknown[]) => {
        await settled(services, tokenIn(args));
        return nistCoverage(services);
    });
}

function tokenIn(args: unknown[]): CancellationToken {
    return args.find(CancellationToken.is) ?? CancellationToken.None;
}

/**
 * Answer from a complete workspace: the builder starts in state Changed, so this also waits for
 * the start-up build of every file, not only for the build of the latest edit.
 */
async function settled(services: AimsServices, token: CancellationToken): Promise<void> {
    await services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
}

export function soaCoverage(services: AimsServices): SoaCoverageResult {
    const model = services.aims.Model;
    const coverage = model.soaCoverage();
    const definitions = catalogLocations(services, 'AnnexAControl');
    const byControl = model.soaByControl();
    const controls = catalog.annexAControls.map((control): SoaControlCoverage => {
        const entry = byControl.get(control.id)?.find(isAnnexAEntry) ?? byControl.get(control.id)?.[0];
        const base = { id: control.id, title: control.title, definition: definitions.get(control.id) };
        if (!entry) {
            return { ...base, state: 'missing', evidence: 0 };
        }
        const state: SoaControlState = entry.decision === 'applicable' ? entry.status ?? 'applicable'
            : entry.decision === 'excluded' ? 'excluded' : 'undecided';
        return {
            ...base, state,
            owner: entry.owner?.$refText,
            justification: entry.justification,
            evidence: entry.evidence.length,
            entry: locationOf(entry)
        };
    });
    return {
        total: coverage.total,
        decided: coverage.applicable + coverage.excluded,
        applicable: coverage.applicable,
        excluded: coverage.excluded,
        undecided: coverage.undecided,
        implemented: coverage.implemented,
        missing: coverage.missing,
        controls
    };
}

export function nistCoverage(services: AimsServices): NistCoverageResult {
    const definitions = catalogLocations(services, 'NistSubcategory');
    const rows = services.aims.Model.nistCoverage().map(row => ({
        id: row.subcategory,
        title: catalog.get('nist-subcategory', row.subcategory)?.title ?? row.subcategory,
        state: row.level as NistState,
        controls: row.controls,
        coveredBy: row.coveredBy.map(summarizeChain),
        partlyBy: row.partlyBy.map(summarizeChain),
        plannedBy: row.plannedBy.map(summarizeChain),
        clauses: row.clauses,
        definition: definitions.get(row.subcategory)
    }));
    const count = (state: NistState) => rows.filter(r => r.state === state).length;
    return {
        total: rows.length,
        covered: count('covered'),
        partlyCovered: count('partly-covered'),
        notCovered: count('not-covered'),
        subcategories: rows
    };
}

/** Catalog entries of one type by id, located at their name in the `aims-catalog:` document. */
function catalogLocations(services: AimsServices, type: string): Map<string, CoverageLocation> {
    const locations = new Map<string, CoverageLocation>();
    services.shared.workspace.IndexManager.allElements(type).forEach((description: AstNodeDescription) => {
        const range = description.nameSegment?.range;
        if (range && !locations.has(description.name)) {
            locations.set(description.name, { uri: description.documentUri.toString(), range });
        }
    });
    return locations;
}

function locationOf(node: AstNode): CoverageLocation | undefined {
    const range = node.$cstNode?.range;
    return range ? { uri: AstUtils.getDocument(node).uri.toString(), range } : undefined;
}
