// The one style sheet for genogram and ecomap drawings. VS Code theme variables with light-theme fallbacks, so a
// drawing follows the editor's theme in the webview and the Markdown preview, and still looks right as a
// standalone .svg file (svgText embeds this sheet). High contrast: thicker lines in the contrast border colour.
// No quotes or angle brackets here: the sheet is written inside SVG text.
const fg = 'var(--vscode-editor-foreground, #1f1f1f)';
const bg = 'var(--vscode-editor-background, #ffffff)';
const muted = 'var(--vscode-descriptionForeground, #616161)';
const font = 'var(--vscode-font-family, system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif)';

export const genogramCss = `
.casemark-genogram { font-family: ${font}; color: ${fg}; max-width: 100%; height: auto; }
.casemark-genogram text { fill: ${fg}; stroke: none; }
.casemark-genogram .genogram-bg { fill: ${bg}; stroke: none; }
.casemark-genogram .name, .casemark-genogram .year, .casemark-genogram .union-label, .casemark-genogram .system-name {
  paint-order: stroke; stroke: ${bg}; stroke-width: 3px; stroke-linejoin: round;
}
.casemark-genogram .name { font-size: 11px; }
.casemark-genogram .year { font-size: 10px; fill: ${muted}; }
.casemark-genogram .age { font-size: 13px; font-weight: 600; }
.casemark-genogram .small { font-size: 9px; }
.casemark-genogram .union-label { font-size: 9.5px; fill: ${muted}; }
.casemark-genogram .symbol { fill: ${bg}; stroke: ${fg}; stroke-width: 1.6px; }
.casemark-genogram .symbol.inner { fill: none; stroke-width: 1.2px; }
.casemark-genogram .symbol.filled { fill: ${fg}; }
.casemark-genogram .index-outline { fill: ${bg}; stroke: ${fg}; stroke-width: 1.6px; }
.casemark-genogram .deceased-mark, .casemark-genogram .mark { stroke: ${fg}; stroke-width: 1.6px; stroke-linecap: round; }
.casemark-genogram .placeholder-outline { stroke-dasharray: 4 3; stroke: ${muted}; }
.casemark-genogram .placeholder-mark { font-size: 15px; font-weight: 600; fill: ${muted}; }
.casemark-genogram .placeholder-mark.small { font-size: 10px; }
.casemark-genogram .placeholder .name { fill: ${muted}; font-style: italic; }
.casemark-genogram .person:hover .symbol { stroke-width: 2.6px; }

.casemark-genogram .union-line { fill: none; stroke: ${fg}; stroke-width: 1.6px; }
.casemark-genogram .union-cohabiting { stroke-dasharray: 7 4; }
.casemark-genogram .union-engaged { stroke-dasharray: 10 3 2 3; }
.casemark-genogram .union-partners { stroke-dasharray: 2 3; }
.casemark-genogram .union-mark { stroke: ${fg}; stroke-width: 1.6px; stroke-linecap: round; }
.casemark-genogram .child-line { fill: none; stroke: ${fg}; stroke-width: 1.3px; }
.casemark-genogram .child-adopted { stroke-dasharray: 6 3; }
.casemark-genogram .child-fostered { stroke-dasharray: 1.5 3; stroke-linecap: round; }
.casemark-genogram .child-step { stroke-dasharray: 9 3 2 3; }
.casemark-genogram .child-line.secondary { stroke-width: 1.1px; }
.casemark-genogram .twin-bar { stroke: ${fg}; stroke-width: 1.3px; }

.casemark-genogram .rel-line { fill: none; stroke: var(--vscode-charts-blue, #1a73c8); stroke-width: 1.3px; stroke-linejoin: round; }
.casemark-genogram .rel-conflictual .rel-line, .casemark-genogram .rel-hostile .rel-line,
.casemark-genogram .rel-close-hostile .rel-line, .casemark-genogram .rel-fused-hostile .rel-line { stroke: var(--vscode-charts-orange, #c25400); }
.casemark-genogram .rel-line.heavy { stroke-width: 2.4px; }
.casemark-genogram .rel-line.dotted { stroke-dasharray: 1.5 3.5; stroke-linecap: round; stroke: ${muted}; }
.casemark-genogram .rel-cutoff .rel-line, .casemark-genogram .rel-cutoff-repaired .rel-line { stroke: ${muted}; stroke-width: 1.5px; }
.casemark-genogram .rel-cutoff-repaired .rel-line.bridge { stroke: var(--vscode-charts-green, #2e7d32); stroke-width: 1.8px; }
.casemark-genogram .rel-arrow { fill: var(--vscode-charts-blue, #1a73c8); stroke: none; }
.casemark-genogram .rel-conflictual .rel-arrow, .casemark-genogram .rel-hostile .rel-arrow,
.casemark-genogram .rel-close-hostile .rel-arrow, .casemark-genogram .rel-fused-hostile .rel-arrow { fill: var(--vscode-charts-orange, #c25400); }
.casemark-genogram .rel-distant .rel-arrow, .casemark-genogram .rel-cutoff .rel-arrow, .casemark-genogram .rel-cutoff-repaired .rel-arrow { fill: ${muted}; }
.casemark-genogram .abuse { stroke-width: 2px; }
.casemark-genogram .abuse-physical.rel-line { stroke: var(--vscode-charts-red, #c62828); stroke-width: 2.4px; }
.casemark-genogram .abuse-emotional.rel-line { stroke: var(--vscode-charts-purple, #7b1fa2); stroke-dasharray: 7 3; }
.casemark-genogram .abuse-sexual.rel-line { stroke: var(--vscode-charts-red, #ad1457); stroke-dasharray: 10 3 2 3; stroke-width: 2.2px; }
.casemark-genogram .abuse-neglect.rel-line { stroke: var(--vscode-charts-yellow, #8d6e00); stroke-dasharray: 2 3; stroke-linecap: round; stroke-width: 2.2px; }
.casemark-genogram .rel-arrow.abuse-physical { fill: var(--vscode-charts-red, #c62828); }
.casemark-genogram .rel-arrow.abuse-emotional { fill: var(--vscode-charts-purple, #7b1fa2); }
.casemark-genogram .rel-arrow.abuse-sexual { fill: var(--vscode-charts-red, #ad1457); }
.casemark-genogram .rel-arrow.abuse-neglect { fill: var(--vscode-charts-yellow, #8d6e00); }

/* A household is a dashed line around its members (McGoldrick; DH 2000): each piece's stroke is dashed, and the
   fills drawn over them leave only the outer edge of the union showing. */
.casemark-genogram rect.hh-edge { fill: none; stroke: var(--hh-colour); stroke-width: 4px; stroke-dasharray: 7 4; }
.casemark-genogram path.hh-edge { fill: none; stroke: var(--hh-colour); stroke-linecap: butt; stroke-linejoin: round; stroke-dasharray: 7 4; }
.casemark-genogram rect.hh-fill { fill: ${bg}; stroke: none; }
.casemark-genogram path.hh-fill { fill: none; stroke: ${bg}; stroke-linecap: round; stroke-linejoin: round; }
.casemark-genogram .hh-tint rect.hh-fill { fill: var(--hh-colour); }
.casemark-genogram .hh-tint path.hh-fill { stroke: var(--hh-colour); }
.casemark-genogram .hh-tint { opacity: 0.08; }
.casemark-genogram .household-0 { --hh-colour: var(--vscode-charts-green, #2e7d32); }
.casemark-genogram .household-1 { --hh-colour: var(--vscode-charts-purple, #7b1fa2); }
.casemark-genogram .household-2 { --hh-colour: var(--vscode-charts-orange, #c25400); }
.casemark-genogram .household-3 { --hh-colour: var(--vscode-charts-blue, #1a73c8); }
.casemark-genogram .legend-household { fill: none; stroke: var(--hh-colour); stroke-width: 2px; stroke-dasharray: 7 4; }

.casemark-genogram .legend-title { font-size: 11px; font-weight: 600; }
.casemark-genogram .legend-text { font-size: 10px; }
.casemark-genogram .legend-rule { stroke: ${muted}; stroke-width: 0.6px; opacity: 0.5; }

.casemark-genogram .centre-circle { fill: ${bg}; stroke: ${fg}; stroke-width: 2px; }
.casemark-genogram .centre-label { font-size: 12px; font-weight: 600; }
.casemark-genogram .system-circle { fill: ${bg}; stroke: ${fg}; stroke-width: 1.6px; }
.casemark-genogram .system-circle.undeclared { stroke-dasharray: 5 3; }
.casemark-genogram .system-name { font-size: 11px; }
.casemark-genogram .tie-line { fill: none; stroke: ${fg}; stroke-width: 1.4px; }
.casemark-genogram .tie-line.strong { stroke-width: 1.6px; }
.casemark-genogram .tie-line.tenuous { stroke-dasharray: 6 4; stroke-width: 1.2px; }
.casemark-genogram .tie-hatch { stroke: var(--vscode-charts-red, #c62828); stroke-width: 1.5px; }
.casemark-genogram .tie-arrow { fill: ${fg}; stroke: none; }

.casemark-genogram .empty-frame { fill: none; stroke: ${muted}; stroke-dasharray: 4 3; }
.casemark-genogram .empty-text { font-size: 13px; font-weight: 600; }
.casemark-genogram .empty-hint { font-size: 11px; fill: ${muted}; }

.vscode-high-contrast .casemark-genogram .symbol, .vscode-high-contrast .casemark-genogram .union-line,
.vscode-high-contrast .casemark-genogram .child-line, .vscode-high-contrast .casemark-genogram .centre-circle,
.vscode-high-contrast .casemark-genogram .system-circle, .vscode-high-contrast .casemark-genogram .tie-line {
  stroke: var(--vscode-contrastBorder, ${fg}); stroke-width: 2.2px;
}
.vscode-high-contrast .casemark-genogram .rel-line { stroke-width: 2px; }
.vscode-high-contrast .casemark-genogram .hh-tint { opacity: 0; }
.vscode-high-contrast .casemark-genogram .year, .vscode-high-contrast .casemark-genogram .union-label { fill: ${fg}; }
@media (forced-colors: active) {
  .casemark-genogram .symbol, .casemark-genogram .union-line, .casemark-genogram .child-line, .casemark-genogram .rel-line,
  .casemark-genogram .tie-line, .casemark-genogram .centre-circle, .casemark-genogram .system-circle { stroke: CanvasText; }
  .casemark-genogram text { fill: CanvasText; }
  .casemark-genogram .symbol, .casemark-genogram .genogram-bg, .casemark-genogram rect.hh-fill { fill: Canvas; }
}
`;
