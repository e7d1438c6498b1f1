import { describe, expect, it } from 'vitest';
import { single } from './helpers/workspace.js';

describe('smoke', () => {
    it('parses and links a small AIMS', async () => {
        const ws = await single(`
            person alice "Alice"
            system bot "Bot" { owner alice stage operation-and-monitoring eu-ai-act limited }
            risk r1 "Hallucination" { systems bot sources C.3.4 inherent likelihood 3 impact 4 treatment mitigate with A.6.2.4 owner alice }
            soa { control A.6.2.4 applicable { status implemented owner alice } control A.2.2 excluded }
            evidence ev "Doc" { path "x.md" expires 2026-06-10 supports GOVERN 1.1, 6.1.2, Article 9 }
            risk r2 "x" { sources C.3.99 treatment mitigate with A.5.15, A.6.2.40 }
        `);
        console.log(ws.all.map(d => `${d.range.start.line + 1}: ${d.code} ${d.message}`).join('\n'));
        expect(ws.all.length).toBeGreaterThan(0);
    });
});
