/** Types for scripts/extend-textmate.mjs, so tests can import it. */
export declare const GRAMMAR_PATH: string;
export declare function extendGrammar<T extends object>(generated: T): T;
