/**
 * What an output format of `aims validate` gets: the findings and a little context.
 * Each format is a pure function from these to the text written to stdout.
 */
import type { ValidationResult } from '../findings.js';

export interface FormatContext {
    /** The tool's version, recorded by SARIF. */
    readonly version: string;
    /** Where users read about the tool (the repository), recorded by SARIF. */
    readonly informationUri?: string;
    /**
     * The directory that SARIF and GitHub paths are relative to: the git repository root, or
     * the current directory outside git. A function, so text and JSON never start git.
     */
    repositoryRoot(): string;
    /** Colour the severities (text format only; see terminal.ts). */
    readonly colour?: boolean;
}

export type OutputFormatter = (result: ValidationResult, context: FormatContext) => string;
