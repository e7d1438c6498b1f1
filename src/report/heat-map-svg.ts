/**
 * A risk heat map as inline SVG: likelihood up, impact across, one cell per pair of the declared
 * scales, coloured by the pair's risk level, with the number of risks in the cell. Colours are
 * SVG attributes, not style attributes, so a strict Content-Security-Policy allows them.
 */
import type { HeatMap, RiskLevel } from './aims-report-data.js';
import { html, type Markup } from './html-markup.js';
import { LEVEL_LABEL } from './report-labels.js';

/** Strong colour for cells holding risks, pale colour for empty cells. */
export const LEVEL_COLOURS: Record<RiskLevel, { strong: string; pale: string; text: string }> = {
    low: { strong: '#3d8b5a', pale: '#e4f1e8', text: '#ffffff' },
    medium: { strong: '#d9a21b', pale: '#fbf1d3', text: '#2d2305' },
    high: { strong: '#dd6b20', pale: '#fbe3d0', text: '#ffffff' },
    critical: { strong: '#c53030', pale: '#f8d9d7', text: '#ffffff' }
};

const CELL = 46;
const GAP = 3;
const LEFT = 46;
const TOP = 6;
const BOTTOM = 42;

export function heatMapSvg(map: HeatMap, title: string): Markup {
    const likelihoods = range(map.likelihood.min, map.likelihood.max);
    const impacts = range(map.impact.min, map.impact.max);
    const width = LEFT + impacts.length * (CELL + GAP) + 4;
    const height = TOP + likelihoods.length * (CELL + GAP) + BOTTOM;
    const x = (impact: number) => LEFT + (impact - map.impact.min) * (CELL + GAP);
    // Highest likelihood at the top, as risk matrices are usually drawn.
    const y = (likelihood: number) => TOP + (map.likelihood.max - likelihood) * (CELL + GAP);
    const total = map.cells.reduce((n, c) => n + c.risks.length, 0);

    const cells = map.cells.map(cell => {
        const colours = LEVEL_COLOURS[cell.level];
        const count = cell.risks.length;
        const label = `Likelihood ${cell.likelihood}, impact ${cell.impact}: ${LEVEL_LABEL[cell.level].toLowerCase()}, `
            + (count === 0 ? 'no risks' : `${count} risk${count === 1 ? '' : 's'} (${cell.risks.join(', ')})`);
        const cx = x(cell.impact), cy = y(cell.likelihood);
        const number = count > 0
            ? html`<text x="${cx + CELL / 2}" y="${cy + CELL / 2 + 6}" text-anchor="middle" class="count" fill="${colours.text}">${count}</text>`
            : undefined;
        return html`<g><title>${label}</title><rect x="${cx}" y="${cy}" width="${CELL}" height="${CELL}" rx="5" fill="${count > 0 ? colours.strong : colours.pale}"${count > 0 ? undefined : html` class="empty"`}/>${number}</g>`;
    });
    const gridBottom = TOP + likelihoods.length * (CELL + GAP);
    const likelihoodTicks = likelihoods.map(l => html`<text x="${LEFT - 8}" y="${y(l) + CELL / 2 + 4}" text-anchor="end" class="tick">${l}</text>`);
    const impactTicks = impacts.map(i => html`<text x="${x(i) + CELL / 2}" y="${gridBottom + 14}" text-anchor="middle" class="tick">${i}</text>`);
    const axisY = TOP + (likelihoods.length * (CELL + GAP)) / 2;
    const axisX = LEFT + (impacts.length * (CELL + GAP)) / 2;
    return html`<svg class="heat-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}: ${total} risks placed"><title>${title}</title>${cells}${likelihoodTicks}${impactTicks}<text x="12" y="${axisY}" transform="rotate(-90 12 ${axisY})" text-anchor="middle" class="axis">Likelihood</text><text x="${axisX}" y="${gridBottom + 34}" text-anchor="middle" class="axis">Impact</text></svg>`;
}

function range(min: number, max: number): number[] {
    const out: number[] = [];
    for (let n = min; n <= max && out.length < 100; n++) out.push(n);
    return out;
}
