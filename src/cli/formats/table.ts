/**
 * Aligned plain-text tables for the listing commands (`catalog`, `crosswalk`): columns padded
 * to their widest cell, the last one left ragged so long titles do not pad every line.
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
    const widths = headers.map((header, column) => Math.max(header.length, ...rows.map(row => row[column]?.length ?? 0)));
    const line = (cells: readonly string[]) => cells
        .map((cell, column) => column === cells.length - 1 ? cell : cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd();
    return [line(headers), ...rows.map(line)].join('\n') + '\n';
}
