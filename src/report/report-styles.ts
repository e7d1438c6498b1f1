/**
 * The HTML report's one style sheet: system fonts only, no external resources, a print layout
 * for A4 with a page break before each section. Element styles only come from here (no style
 * attributes), so the VS Code webview can allow exactly this sheet by nonce.
 *
 * Colours are variables. The file stays light wherever it is opened; inside a VS Code webview
 * the body carries `vscode-dark` or `vscode-high-contrast`, and the report follows the editor's
 * theme. Below 860 px the tables scroll sideways in their own box instead of overlapping.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light;
  --ink: #1c2630;
  --muted: #5b6876;
  --faint: #8a96a3;
  --line: #dde3ea;
  --soft: #f4f6f9;
  --accent: #0f4c81;
  --accent-soft: #e6eef6;
  --ok: #2f7d4f;       --ok-bg: #e3f2e8;
  --prog: #2563a8;     --prog-bg: #e2ecf8;
  --plan: #6246b0;     --plan-bg: #ece7fa;
  --off: #5d6a78;      --off-bg: #eceff3;
  --warn: #a86a06;     --warn-bg: #fcf1d8;
  --bad: #b9302a;      --bad-bg: #fbe4e2;
  --clause: #7a8a9c;   --clause-bg: #e9edf2;
  --paper: #ffffff;
  --page: #e9edf1;
  --cover-bg: #0f4c81; --cover-ink: #ffffff; --cover-muted: #c9dcee;
  --head-line: #b9c3ce;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
}
* { box-sizing: border-box; }
html { background: var(--page); }
body {
  margin: 0 auto; max-width: 1120px; padding: 0 0 48px; background: var(--paper);
  font-family: var(--sans); font-size: 14px; line-height: 1.45; color: var(--ink);
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
  font-variant-numeric: tabular-nums;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: var(--mono); font-size: 0.92em; }
h1, h2, h3 { line-height: 1.2; margin: 0; }

/* ---------- cover */
.cover { padding: 36px 48px 28px; background: var(--cover-bg); color: var(--cover-ink); }
.cover .eyebrow { display: flex; justify-content: space-between; gap: 16px; flex-wrap: wrap;
  font-size: 12px; letter-spacing: 0.08em; text-transform: uppercase; color: var(--cover-muted); }
.cover h1 { font-size: 30px; font-weight: 700; margin: 14px 0 8px; letter-spacing: -0.01em; }
.cover .scope { margin: 0; max-width: 820px; color: #e3edf7; font-size: 15px; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px 28px; margin: 24px 0 0; padding-top: 18px; border-top: 1px solid rgba(255,255,255,0.22); }
.facts div { min-width: 0; }
.facts dt { font-size: 11px; text-transform: uppercase; letter-spacing: 0.07em; color: #a9c3dd; }
.facts dd { margin: 2px 0 0; font-size: 14px; color: #ffffff; overflow-wrap: anywhere; }
.facts code { color: #ffffff; }
.facts .note { color: #ffd9a0; }

/* ---------- summary tiles */
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; padding: 24px 48px 8px; }
.tile { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px 12px; background: var(--paper); position: relative; overflow: hidden; }
.tile::before { content: ""; position: absolute; left: 0; top: 0; bottom: 0; width: 4px; background: var(--accent); }
.tile.good::before { background: var(--ok); }
.tile.warn::before { background: #d99a1b; }
.tile.bad::before { background: var(--bad); }
.tile.neutral::before { background: #9aa8b6; }
.tile .label { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.tile .value { font-size: 28px; font-weight: 700; margin: 4px 0 2px; letter-spacing: -0.01em; }
.tile .value small { font-size: 16px; font-weight: 600; color: var(--muted); }
.tile .sub { font-size: 12.5px; color: var(--muted); }
.tile svg.bar { margin-top: 8px; }

nav.toc { padding: 10px 48px 0; font-size: 13px; color: var(--muted); }
nav.toc ol { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0; padding: 0; }
nav.toc li { counter-increment: toc; }
nav.toc .n { display: inline-block; min-width: 18px; height: 18px; line-height: 18px; margin-right: 6px; border-radius: 9px; background: var(--accent-soft); color: var(--accent); font-size: 11px; font-weight: 700; text-align: center; }

/* ---------- sections */
section.part { padding: 30px 48px 8px; }
section.part > h2 { font-size: 21px; font-weight: 700; padding-bottom: 8px; border-bottom: 2px solid var(--ink); display: flex; align-items: baseline; gap: 10px; }
section.part > h2 .n { color: var(--accent); font-size: 15px; font-weight: 700; }
section.part > h2 .count { margin-left: auto; font-size: 13px; font-weight: 500; color: var(--muted); }
p.lead { color: var(--muted); margin: 10px 0 16px; max-width: 880px; }
h3 { font-size: 15px; margin: 22px 0 8px; }
.empty { padding: 14px 16px; border: 1px dashed var(--line); border-radius: 8px; color: var(--muted); background: var(--soft); }

/* ---------- tables */
table { width: 100%; border-collapse: collapse; font-size: 13px; }
thead th { text-align: left; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted);
  padding: 8px 8px 6px; border-bottom: 1px solid var(--head-line); background: var(--paper); }
tbody td, tbody th { padding: 7px 8px; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left; }
tbody th { font-weight: 600; }
tr.group th { background: var(--soft); color: var(--ink); font-size: 12px; text-transform: none; letter-spacing: 0; padding: 6px 8px; border-bottom: 1px solid var(--line); }
tr.group th .mono { color: var(--accent); margin-right: 6px; }
td.id, th.id { white-space: nowrap; }
table.gaps th.id { white-space: normal; }
.title-cell .t { font-weight: 600; }
.sub-text { display: block; color: var(--muted); font-size: 12px; font-weight: 400; margin-top: 2px; }
.cid { font-family: var(--mono); font-size: 12px; color: var(--accent); white-space: nowrap; }
.muted { color: var(--faint); }
.nowrap, .date { white-space: nowrap; }
ul.plain { list-style: none; margin: 0; padding: 0; }
ul.plain li + li { margin-top: 3px; }
.sub-inline { color: var(--muted); font-size: 12px; }
.programme, .review { margin: 0 0 16px; }
dl.record { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0 12px; }
dl.record div { display: contents; }
dl.record dt { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); padding-top: 2px; }
dl.record dd { margin: 0; overflow-wrap: anywhere; }

/* column widths (col elements take classes, so no style attributes are needed) */
table.soa, table.systems, table.risks, table.findings, table.gaps { table-layout: fixed; }
col.w-control { width: 26%; } col.w-decision { width: 13%; } col.w-owner { width: 12%; } col.w-treats { width: 14%; }
col.w-evidence { width: 19%; } col.w-note { width: 16%; }
col.w-system { width: 27%; } col.w-stage { width: 14%; } col.w-eu { width: 20%; } col.w-ia { width: 17%; } col.w-links { width: 10%; }
col.w-risk { width: 25%; } col.w-systems { width: 14%; } col.w-rating { width: 10%; } col.w-treatment { width: 14%; } col.w-who { width: 17%; }
col.w-severity { width: 10%; } col.w-location { width: 17%; } col.w-rule { width: 24%; }
td { overflow-wrap: break-word; }
col.w-sub { width: 15%; } col.w-coverage { width: 30%; } col.w-controls { width: 25%; } col.w-clauses { width: 12%; }

/* ---------- badges */
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 11.5px; font-weight: 600; white-space: nowrap; line-height: 18px; border: 1px solid transparent; }
.s-implemented, .b-good { background: var(--ok-bg); color: var(--ok); }
.s-in-progress { background: var(--prog-bg); color: var(--prog); }
.s-planned { background: var(--plan-bg); color: var(--plan); }
.s-applicable { background: var(--accent-soft); color: var(--accent); }
.s-excluded, .b-none { background: var(--off-bg); color: var(--off); }
.s-undecided, .b-warn { background: var(--warn-bg); color: var(--warn); }
.s-missing, .b-bad { background: var(--bad-bg); color: var(--bad); }
.sev-error { background: var(--bad-bg); color: var(--bad); }
.sev-warning { background: var(--warn-bg); color: var(--warn); }
.sev-info, .sev-hint { background: var(--prog-bg); color: var(--prog); }
.eu-prohibited { background: #2b2b2b; color: #ffffff; }
.eu-high { background: var(--bad-bg); color: var(--bad); }
.eu-limited { background: var(--warn-bg); color: var(--warn); }
.eu-minimal { background: var(--ok-bg); color: var(--ok); }
.rating { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
.rating .score { display: inline-block; min-width: 28px; padding: 1px 6px; border-radius: 5px; font-weight: 700; text-align: center; font-size: 12px; }
.rating .lxi { color: var(--muted); font-size: 12px; }
.lv-low { background: #3d8b5a; color: #ffffff; }
.lv-medium { background: #d9a21b; color: #2d2305; }
.lv-high { background: #dd6b20; color: #ffffff; }
.lv-critical { background: #c53030; color: #ffffff; }

/* evidence with freshness */
.ev { display: grid; grid-template-columns: 14px 1fr; font-size: 12.5px; }
.ev + .ev { margin-top: 3px; }
.ev .dot { display: inline-block; width: 8px; height: 8px; border-radius: 4px; margin-top: 5px; }
.f-fresh .dot { background: var(--ok); }
.f-expiring .dot { background: #d99a1b; }
.f-expired .dot { background: var(--bad); }
.f-undated .dot { background: #a6b1bd; }
.ev .when { display: block; color: var(--muted); font-size: 11.5px; white-space: nowrap; }
.f-expired .when { color: var(--bad); font-weight: 600; }
.f-expiring .when { color: var(--warn); font-weight: 600; }

/* ---------- bars and legends */
svg.bar { display: block; width: 100%; height: 10px; border-radius: 5px; overflow: hidden; }
.distribution { margin: 4px 0 18px; }
.distribution svg.bar { height: 14px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; color: var(--muted); margin: 8px 0 0; padding: 0; list-style: none; }
.legend .sw { display: inline-block; width: 10px; height: 10px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
.legend b { color: var(--ink); font-weight: 600; }
.sw-implemented { background: #2f7d4f; } .sw-in-progress { background: #2563a8; } .sw-planned { background: #7c62c9; }
.sw-applicable { background: #6c93bd; } .sw-excluded { background: #a6b1bd; } .sw-undecided { background: #e0a82e; } .sw-missing { background: #d9534f; }
.sw-n-covered { background: #2f7d4f; } .sw-n-partly-covered { background: #7fb48f; } .sw-n-not-covered { background: #e8a7a1; }
.sw-low { background: #3d8b5a; } .sw-medium { background: #d9a21b; } .sw-high { background: #dd6b20; } .sw-critical { background: #c53030; }

/* ---------- NIST coverage */
.nist-grid { display: grid; grid-template-columns: repeat(2, 1fr); gap: 16px; }
.fn { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px 10px; break-inside: avoid; }
.fn-head { display: flex; align-items: baseline; justify-content: space-between; gap: 10px; margin-bottom: 8px; }
.fn-head h3 { margin: 0; font-size: 15px; letter-spacing: 0.04em; }
.fn-head .pct { font-size: 13px; color: var(--muted); }
.fn-head .pct b { color: var(--ink); font-size: 16px; }
.fn table { margin-top: 10px; }
.fn tbody th { width: 1%; white-space: nowrap; font-family: var(--mono); font-size: 12px; font-weight: 600; color: var(--ink); padding-left: 0; }
.fn tbody td { padding-right: 0; }
.fn tbody tr:last-child th, .fn tbody tr:last-child td { border-bottom: 0; }
.fn .cat-title { display: block; font-size: 12px; color: var(--muted); margin-bottom: 4px; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; }
.chip { display: inline-block; min-width: 34px; padding: 1px 5px; border-radius: 4px; font-family: var(--mono); font-size: 11px; text-align: center; line-height: 17px; }
.n-covered { background: #2f7d4f; color: #ffffff; }
.n-partly-covered { background: #d7eadb; color: #1f5a34; border: 1px solid #7fb48f; line-height: 15px; }
.n-not-covered { background: #fbe4e2; color: var(--bad); border: 1px solid #efb3ad; line-height: 15px; }
.nist-status .chip { white-space: nowrap; }
.nist-status .sub-text { overflow-wrap: anywhere; }
.ctl-list .cid { margin-right: 4px; }
.ctl-state { font-size: 11px; color: var(--muted); margin-right: 8px; }

/* ---------- heat maps */
.heat-maps { display: flex; flex-wrap: wrap; gap: 20px 44px; align-items: flex-start; margin: 6px 0 8px; }
.heat-maps figure { margin: 0; }
.heat-maps figcaption { font-weight: 600; font-size: 14px; margin-bottom: 6px; }
.heat-maps figcaption span { font-weight: 400; color: var(--muted); font-size: 12.5px; margin-left: 6px; }
.heat-maps .aside { flex: 1 1 220px; font-size: 12.5px; color: var(--muted); padding-top: 28px; }
.heat-maps .aside p { margin: 0 0 8px; }
svg.heat-map text.count { font-family: var(--sans); font-size: 17px; font-weight: 700; }
svg.heat-map text.tick { font-family: var(--sans); font-size: 12px; fill: var(--muted); }
svg.heat-map text.axis { font-family: var(--sans); font-size: 11px; letter-spacing: 0.08em; text-transform: uppercase; fill: var(--muted); }
/* the risks of each cell in words: SVG tooltips are lost on paper and to screen readers */
ul.cell-risks { list-style: none; margin: 8px 0 0; padding: 0; max-width: 300px; font-size: 12px; }
ul.cell-risks li { display: grid; grid-template-columns: 52px 1fr; gap: 6px; align-items: baseline; }
ul.cell-risks li + li { margin-top: 3px; }
ul.cell-risks .score { display: inline-block; padding: 0 4px; border-radius: 4px; font-size: 11px; font-weight: 700; text-align: center; }

/* overdue reviews */
.date.overdue { color: var(--bad); font-weight: 700; }
.badge.overdue { margin-left: 4px; font-size: 10.5px; line-height: 15px; padding: 0 6px; }
.table-scroll { width: 100%; }

footer { margin: 28px 48px 0; padding-top: 12px; border-top: 1px solid var(--line); font-size: 11.5px; color: var(--muted); }
footer p { margin: 0 0 4px; }

@media (max-width: 860px) {
  .tiles { grid-template-columns: repeat(2, 1fr); padding: 18px 20px 4px; }
  .cover, section.part { padding-left: 20px; padding-right: 20px; }
  nav.toc, footer { padding-left: 20px; padding-right: 20px; margin-left: 0; margin-right: 0; }
  .nist-grid { grid-template-columns: 1fr; }
  /* Columns take the width their content needs; the table scrolls in its box, nothing overlaps. */
  .table-scroll { overflow-x: auto; }
  table.soa, table.systems, table.risks, table.findings, table.gaps { table-layout: auto; min-width: 680px; }
  table col { width: auto !important; }
  .badge { white-space: nowrap; }
}
@media (max-width: 520px) {
  body { font-size: 13.5px; }
  .tiles { grid-template-columns: 1fr; padding: 14px 14px 4px; }
  .cover { padding: 22px 14px 18px; }
  .cover h1 { font-size: 23px; }
  section.part, nav.toc, footer { padding-left: 14px; padding-right: 14px; }
  section.part > h2 { flex-wrap: wrap; font-size: 18px; }
  section.part > h2 .count { margin-left: 0; flex-basis: 100%; }
  .heat-maps { gap: 16px; }
  svg.heat-map { max-width: 100%; height: auto; }
}

/* ---------- VS Code webview: follow the editor's theme (the HTML file itself stays light) */
:root:has(> body.vscode-dark), :root:has(> body.vscode-high-contrast:not(.vscode-high-contrast-light)) {
  color-scheme: dark;
  --ink: #d8dee6;
  --muted: #a7b2bf;
  --faint: #7f8b98;
  --line: #3b444f;
  --soft: #262c34;
  --accent: #7fb2e5;
  --accent-soft: #1e3247;
  --ok: #74cf98;       --ok-bg: #1d3a29;
  --prog: #8fbcf2;     --prog-bg: #1c2f47;
  --plan: #bba7f2;     --plan-bg: #2c2546;
  --off: #aab5c1;      --off-bg: #2e343b;
  --warn: #f0c062;     --warn-bg: #3e321a;
  --bad: #f4948b;      --bad-bg: #47211f;
  --clause: #a1b1c3;   --clause-bg: #2c333b;
  --paper: var(--vscode-editor-background, #1e1e1e);
  --page: var(--vscode-editor-background, #1e1e1e);
  --cover-bg: #15395c; --cover-ink: #ffffff; --cover-muted: #b5cde6;
  --head-line: #56616d;
}
:root:has(> body.vscode-high-contrast:not(.vscode-light)) {
  --paper: var(--vscode-editor-background);
  --page: var(--vscode-editor-background);
  --ink: var(--vscode-editor-foreground);
  --line: var(--vscode-contrastBorder, currentColor);
  --head-line: var(--vscode-contrastBorder, currentColor);
}
body.vscode-high-contrast .badge, body.vscode-high-contrast .chip, body.vscode-high-contrast .tile { border: 1px solid var(--vscode-contrastBorder, currentColor); }
body.vscode-high-contrast a { text-decoration: underline; }
body.vscode-dark svg.heat-map rect.empty, body.vscode-high-contrast svg.heat-map rect.empty { opacity: 0.3; }
body.vscode-dark .n-partly-covered, body.vscode-high-contrast .n-partly-covered { background: #2c4a36; color: #cfe8d6; border-color: #4f7d5d; }
body.vscode-dark .n-not-covered, body.vscode-high-contrast .n-not-covered { background: var(--bad-bg); border-color: #8a3a34; }

@page { size: A4; margin: 16mm 12mm 16mm; }
@media print {
  :root { color-scheme: light; }
  html, body { background: #ffffff; }
  .table-scroll { overflow: visible; }
  ul.cell-risks { max-width: 230px; font-size: 8pt; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .cover { padding: 18mm 10mm 8mm; }
  .tiles { padding: 6mm 0 0; gap: 8px; }
  nav.toc { display: none; }
  section.part { padding: 0; break-before: page; }
  table { font-size: 9pt; }
  thead th { font-size: 7pt; padding-left: 5px; padding-right: 5px; }
  tbody td, tbody th { padding: 5px; }
  .badge { font-size: 7.5pt; padding: 0 6px; }
  .cover h1 { font-size: 22pt; }
  .tiles { grid-template-columns: repeat(2, 1fr); }
  .nist-grid { grid-template-columns: repeat(2, 1fr); gap: 10px; }
  .fn { padding: 10px 12px 6px; }
  svg.heat-map { width: 230px; height: auto; }
  .heat-maps { gap: 12px 28px; }
  .heat-maps .aside { padding-top: 20px; }
  thead { display: table-header-group; }
  tr, .tile, figure, .fn { break-inside: avoid; }
  tr.group { break-after: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; }
  footer { margin: 8mm 0 0; }
}
`;
