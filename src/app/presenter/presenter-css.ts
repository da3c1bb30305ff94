/**
 * Document-level CSS for presenting (the map fills the screen above the shell, MapLibre's controls
 * hidden), the slides button, and the print page (one landscape page: title, map, legend, sources).
 */
export const PRESENTER_CSS = `
.plan-slides-button {
  font: inherit; font-size: 0.85rem; color: #14324a; background: #fff; border: 0; border-radius: 4px;
  padding: 0.3rem 0.7rem; cursor: pointer;
}
.plan-slides-button:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
body.plan-presenting #map { position: fixed !important; inset: 0 !important; z-index: 900; }
body.plan-presenting #map .maplibregl-control-container,
body.plan-presenting plan-deck-panel,
body.plan-presenting plan-timeline { display: none !important; }
#plan-print, #plan-handout { display: none; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  html, body { height: auto !important; overflow: visible !important; background: #fff; }
  body:not(.plan-handout) > *:not(#plan-print) { display: none !important; }
  body.plan-handout > *:not(#plan-handout) { display: none !important; }
  #plan-print {
    display: block !important; font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
    color: #000; break-inside: avoid; page-break-inside: avoid;
  }
  #plan-print h1 { font-size: 16pt; margin: 0 0 3mm; }
  #plan-print .print-body { display: flex; gap: 5mm; align-items: flex-start; }
  #plan-print img { display: block; width: 205mm; max-height: 150mm; object-fit: contain; border: 0.3mm solid #888; }
  #plan-print ul { list-style: none; margin: 0; padding: 0; font-size: 9pt; }
  #plan-print li { display: flex; align-items: center; gap: 2mm; margin-bottom: 1.5mm; }
  #plan-print .swatch { display: inline-block; width: 6mm; height: 3.5mm; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  #plan-print p { font-size: 7.5pt; margin: 2mm 0 0; }
  @page handout { size: A4 portrait; margin: 12mm; }
  body.plan-handout #plan-handout {
    display: block !important; font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #000;
  }
  #plan-handout .handout-page { page: handout; break-after: page; page-break-after: always; break-inside: avoid; }
  #plan-handout .handout-page:last-child { break-after: auto; page-break-after: auto; }
  #plan-handout .handout-heading { font-size: 8pt; color: #333; margin: 0 0 2mm; }
  #plan-handout h1 { font-size: 15pt; margin: 0 0 3mm; }
  #plan-handout h2 { font-size: 11pt; margin: 4mm 0 1mm; }
  #plan-handout .handout-map { display: block; width: 100%; max-height: 130mm; object-fit: contain; border: 0.3mm solid #888; }
  #plan-handout p, #plan-handout li, #plan-handout dd, #plan-handout dt { font-size: 10pt; line-height: 1.4; }
  #plan-handout .handout-source, #plan-handout .handout-note, #plan-handout .handout-marks { font-size: 7.5pt; color: #333; }
  #plan-handout .handout-figures { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 2mm 0; }
  #plan-handout .handout-figures dd { margin: 0; }
  #plan-handout .handout-projects { columns: 2; margin: 0; padding-left: 5mm; }
  #plan-handout .handout-structure { border-collapse: collapse; font-size: 8pt; margin: 1mm 0; }
  #plan-handout .handout-structure th, #plan-handout .handout-structure td { border-bottom: 0.2mm solid #999; padding: 0.5mm 2mm; text-align: left; }
}
`;
