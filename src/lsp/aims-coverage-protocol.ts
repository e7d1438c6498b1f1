/**
 * Custom LSP requests for coverage views: `aims/soaCoverage` (Annex A in the statement of
 * applicability) and `aims/nistCoverage` (NIST AI RMF subcategories through their mappings).
 * Served by aims-coverage-request.ts, used by the VS Code client's status bar and commands.
 * This file imports types only, so that the client bundle can share it without pulling in Langium.
 */
import type { ChainSummary, CoverageLevel } from '../model/mappings.js';

export const SOA_COVERAGE_REQUEST = 'aims/soaCoverage';
export const NIST_COVERAGE_REQUEST = 'aims/nistCoverage';

/** An LSP `Location`, spelled out to keep this file free of imports. */
export interface CoverageLocation {
    readonly uri: string;
    readonly range: {
        readonly start: { readonly line: number; readonly character: number };
        readonly end: { readonly line: number; readonly character: number };
    };
}

/** Where an Annex A control stands: no SoA entry, a decision, or the status of an applicable one. */
export type SoaControlState = 'missing' | 'undecided' | 'excluded' | 'applicable' | 'planned' | 'in-progress' | 'implemented';

export interface SoaControlCoverage {
    readonly id: string;
    readonly title: string;
    readonly state: SoaControlState;
    readonly owner?: string;
    readonly justification?: string;
    /** How many evidence items the SoA entry links. */
    readonly evidence: number;
    /** The SoA entry, when there is one. */
    readonly entry?: CoverageLocation;
    /** The control in the built-in Annex A catalog document. */
    readonly definition?: CoverageLocation;
}

export interface SoaCoverageResult {
    /** Annex A controls (38). */
    readonly total: number;
    /** Controls with a decision: applicable or excluded. */
    readonly decided: number;
    readonly applicable: number;
    readonly excluded: number;
    readonly undecided: number;
    readonly implemented: number;
    /** Annex A ids with no SoA entry, in catalog order. */
    readonly missing: readonly string[];
    /** Every Annex A control, in catalog order. */
    readonly controls: readonly SoaControlCoverage[];
}

/** The model's coverage level of a subcategory (see NistSubcategoryCoverage), sent as it is. */
export type NistState = CoverageLevel;

export interface NistSubcategoryRow {
    readonly id: string;
    readonly title: string;
    readonly state: NistState;
    /** Annex A and organisation controls mapped to it directly. */
    readonly controls: readonly string[];
    /** Implemented controls that cover it, or part of it, and the chains of mappings that show how. */
    readonly coveredBy: readonly ChainSummary[];
    readonly partlyBy: readonly ChainSummary[];
    /** Applicable controls not yet implemented. */
    readonly plannedBy: readonly ChainSummary[];
    readonly clauses: readonly string[];
    /** The subcategory in the built-in NIST AI RMF catalog document. */
    readonly definition?: CoverageLocation;
}

export interface NistCoverageResult {
    readonly total: number;
    readonly covered: number;
    readonly partlyCovered: number;
    readonly notCovered: number;
    /** Every subcategory, in catalog order. */
    readonly subcategories: readonly NistSubcategoryRow[];
}
