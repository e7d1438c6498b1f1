export declare const SEVERITY_LEVELS: readonly string[];
export declare function severityProperties(): Promise<Record<string, { type: 'string'; enum: string[]; markdownDescription: string }>>;
