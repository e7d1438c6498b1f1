/**
 * The replacements an unknown or misplaced catalog id offers (diagnostic data read by quick fixes);
 * the messages themselves are specified by the fixtures under test/fixtures/validation.
 */
import { describe, expect, it } from 'vitest';
import { single } from '../helpers/workspace.js';

describe('an ISO/IEC 42001 objective heading where a control belongs', () => {
    it('offers the controls under it as replacements', async () => {
        const ws = await single('person alice "A"\nrisk r "R" { treatment mitigate with A.6.1 owner alice }\n');
        const error = ws.all.find(d => d.code === 'aims/unknown-catalog-id');
        expect(error?.data).toMatchObject({ suggestions: ['A.6.1.2', 'A.6.1.3'] });
        expect(ws.codes()).not.toContain('aims/foreign-catalog-id');
    });
});
