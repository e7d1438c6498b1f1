/** Calendar arithmetic for review intervals: month ends and leap days clamp, never roll over. */
import { describe, expect, it } from 'vitest';
import { addDuration, daysBetween, formatIsoDate, parseIsoDate } from '../../src/model/dates.js';

describe('addDuration', () => {
    it.each([
        ['2026-01-31', 1, 'month', '2026-02-28'],
        ['2028-01-31', 1, 'month', '2028-02-29'],
        ['2026-03-31', 1, 'month', '2026-04-30'],
        ['2026-01-31', 3, 'months', '2026-04-30'],
        ['2026-08-31', 6, 'months', '2027-02-28'],
        ['2026-12-31', 2, 'months', '2027-02-28'],
        ['2026-01-15', 1, 'month', '2026-02-15'],
        ['2026-11-30', 14, 'months', '2028-01-30'],
        ['2024-02-29', 1, 'year', '2025-02-28'],
        ['2024-02-29', 4, 'years', '2028-02-29'],
        ['2026-06-01', 1, 'year', '2027-06-01'],
        ['2026-02-28', 1, 'day', '2026-03-01'],
        ['2028-02-28', 1, 'day', '2028-02-29'],
        ['2026-12-25', 2, 'weeks', '2027-01-08'],
        ['2026-06-01', 0, 'months', '2026-06-01']
    ])('%s plus %i %s is %s', (date, count, unit, expected) => {
        expect(addDuration(date, count, unit)).toBe(expected);
    });

    it('keeps the day of the month where every month has it', () => {
        for (let months = 0; months < 48; months++) {
            expect(addDuration('2026-01-28', months, 'months')?.slice(8)).toBe('28');
        }
    });

    it('gives no date for an invalid date, a missing or unknown unit, or a count that is no whole number', () => {
        expect(addDuration('2026-02-30', 1, 'month')).toBeUndefined();
        expect(addDuration('2026-01-31', 2, undefined)).toBeUndefined();
        expect(addDuration('2026-01-31', 2, 'fortnight')).toBeUndefined();
        expect(addDuration('2026-01-31', Number.NaN, 'month')).toBeUndefined();
        expect(addDuration('2026-01-31', 1.5, 'month')).toBeUndefined();
    });

    it('gives no date beyond the year 9999, which YYYY-MM-DD cannot write', () => {
        expect(addDuration('2026-01-31', 99_999_999, 'years')).toBeUndefined();
        expect(addDuration('2026-01-31', 2 ** 40, 'days')).toBeUndefined();
        expect(addDuration('9999-12-01', 1, 'month')).toBeUndefined();
    });
});

describe('ISO dates', () => {
    it('reads real dates only and writes them back unchanged', () => {
        expect(parseIsoDate('2028-02-29')).toBeDefined();
        expect(parseIsoDate('2026-02-29')).toBeUndefined();
        expect(formatIsoDate(parseIsoDate('2028-02-29')!)).toBe('2028-02-29');
        expect(daysBetween('2026-01-31', '2026-02-28')).toBe(28);
    });
});
