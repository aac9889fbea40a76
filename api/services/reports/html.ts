/**
 * A report as one self-contained HTML page: the builder's preview (in a sandboxed frame) and the
 * source Chromium prints the PDF from, so what the lead previews is what the funder receives. Inline
 * CSS and SVG only: no script, nothing fetched. Every text from the document is escaped.
 */

import { periodShortLabel } from '../../domain/periods';
import {
  confidentialMark,
  type DocumentCompleteness,
  type DocumentSection,
  type DocumentTable,
  type DocumentTrend,
  documentHeading,
  type ReportDocument,
} from '../../domain/reportDocument';
import { sectionChart } from './charts';
import { escapeHtml } from './escape';
import {
  coverageWords,
  formatDateTime,
  formatFigure,
  kindWords,
  multiSelectWords,
  noReleaseWords,
  periodWords,
  releaseWords,
} from './format';

/**
 * The page margins: the top and bottom leave room for the header and footer Chromium draws on every
 * page of the PDF (`pdf.ts` passes the same).
 */
export const pageMargin = { top: '24mm', right: '15mm', bottom: '20mm', left: '15mm' };

// Ligatures are off so the PDF's text reads (and is searched and copied) as written: "trafficking",
// not "tra ffi cking".
const styles = `
@page { size: Letter; margin: ${pageMargin.top} ${pageMargin.right} ${pageMargin.bottom} ${pageMargin.left}; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.4; color: #111; background: #fff; font-variant-ligatures: none; }
body { margin: 0; overflow-wrap: break-word; }
@media screen { body { max-width: 8.5in; margin: 0 auto; padding: 0.5in 0.6in; } }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 10pt; }
h2 { font-size: 13pt; margin: 18pt 0 6pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; orphans: 3; widows: 3; }
.confidential-band { border: 2pt solid #111; background: #f2f2f2; font-weight: bold; padding: 6pt 8pt; margin-bottom: 18pt; }
.title-page { break-after: page; page-break-after: always; }
.coalition { font-size: 12pt; margin-bottom: 4pt; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4pt 14pt; margin: 16pt 0; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.facts ul { margin: 0; padding-left: 0; list-style: none; }
.description { color: #333; }
.contents { break-after: page; page-break-after: always; }
.contents ol { list-style: none; padding: 0; margin: 0; }
.contents li { display: flex; align-items: baseline; gap: 6pt; padding: 3pt 0; border-bottom: 0.5pt dotted #999; }
.contents .number { min-width: 2em; }
.contents .title { flex: 1; }
.section-number { margin-right: 4pt; }
.meta { color: #333; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 3pt 6pt; border-bottom: 0.5pt solid #bbb; text-align: left; vertical-align: top; overflow-wrap: break-word; }
tbody th { font-weight: normal; }
/* A long unbroken word in a label (a web address) wraps rather than widening the table past the page. */
tbody th:not(.period), tbody td:not(.number) { overflow-wrap: anywhere; }
thead th { border-bottom: 1.2pt solid #111; background: #f2f2f2; }
.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.number { white-space: normal; }
/* A table of many columns (a trend of several elements, each beside the year before) takes a smaller type to fit the page. */
table.wide { font-size: 8.5pt; }
table.wide th, table.wide td { padding: 2pt 4pt; }
.total th, .total td { font-weight: bold; border-top: 1.2pt solid #111; }
.hidden-figure { font-weight: bold; }
figure { margin: 6pt 0; break-inside: avoid; page-break-inside: avoid; }
svg.chart { display: block; width: 100%; max-width: 100%; height: auto; }
th.period { white-space: nowrap; }
.not-shown { border-left: 3pt solid #777; padding: 4pt 8pt; background: #f7f7f7; }
.prompt { color: #555; font-style: italic; }
dl.definitions dt { font-weight: bold; margin-top: 6pt; }
dl.definitions dd { margin: 0 0 4pt; }
.footnotes { margin-top: 18pt; border-top: 1pt solid #111; padding-top: 6pt; font-size: 9pt; }
.footnotes ol { padding-left: 1.4em; }
`;

/** Section numbers, 1 upward: the contents list them and `pdf.ts` finds each heading by it. */
export const sectionHeading = (index: number, title: string) => `${index + 1}. ${title}`;

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

function titlePage(doc: ReportDocument): string {
  const releases = releaseWords(doc);
  const facts: Array<[string, string]> = [
    ['Period', escapeHtml(periodWords(doc))],
    ['Area', escapeHtml(doc.area.name)],
    ['Figures', escapeHtml(kindWords(doc))],
    [
      'Releases',
      releases.length
        ? `<ul>${releases.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
        : escapeHtml(noReleaseWords(doc)),
    ],
    ['Generated', `${escapeHtml(formatDateTime(doc.generatedAt))} by ${escapeHtml(doc.generatedBy)}`],
    ...(doc.purpose ? [['Purpose', escapeHtml(doc.purpose)] as [string, string]] : []),
    [
      'Template',
      `${escapeHtml(doc.template.name)} (${escapeHtml(doc.template.code)}, version ${doc.template.version}); catalog ${escapeHtml(doc.catalogVersion)}`,
    ],
  ];
  return `<header class="title-page">
${doc.kind === 'confidential' ? `<div class="confidential-band">${escapeHtml(confidentialMark)}</div>` : ''}
<p class="coalition">${escapeHtml(doc.coalition.name)}</p>
<h1>${escapeHtml(doc.template.name)}</h1>
<dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>
<p class="description">${escapeHtml(doc.template.description)}</p>
</header>`;
}

function contents(doc: ReportDocument, pages: Record<string, number> | undefined): string {
  const items = doc.sections
    .map(
      (section, i) =>
        `<li><span class="number">${i + 1}</span><span class="title">${escapeHtml(section.title)}</span><span class="page">${pages?.[section.code] ?? ''}</span></li>`,
    )
    .join('');
  return `<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">Contents</h2><ol>${items}</ol></nav>`;
}

function figureTable(section: DocumentTable): string {
  const head = `<thead><tr><th scope="col">${escapeHtml(section.dimension ?? 'Figure')}</th><th scope="col" class="number">${escapeHtml(section.element.name)}</th></tr></thead>`;
  const cell = (figure: DocumentTable['total']) =>
    `<td class="number${figure === null ? ' hidden-figure' : ''}">${formatFigure(figure)}</td>`;
  const rows = section.rows.map(
    (row) => `<tr><th scope="row">${escapeHtml(row.label)}</th>${cell(row.figure)}</tr>`,
  );
  const undup = section.unduplicated;
  const unduplicated = undup
    ? `<tr><th scope="row">Different survivors, each counted once across agencies</th>${
        'hidden' in undup
          ? cell(null)
          : `<td class="number">${formatFigure(undup.lower)} to ${formatFigure(undup.upper)}</td>`
      }</tr>`
    : '';
  return `<table>${head}<tbody>${rows.join('')}<tr class="total"><th scope="row">Total</th>${cell(section.total)}</tr>${unduplicated}</tbody></table>`;
}

function tableSection(section: DocumentTable): string {
  if (!section.shown)
    return `<p class="not-shown">${escapeHtml(section.notShown ?? 'This report cannot show this section.')}</p>`;
  const meta = [
    coverageWords(section.coverage),
    ...(section.multiSelect ? [multiSelectWords] : []),
    ...(section.note ? [section.note] : []),
  ];
  const chart =
    section.kind === 'chart' && section.rows.length ? `<figure>${sectionChart(section)}</figure>` : '';
  return `${chart}${figureTable(section)}${meta.map((m) => `<p class="meta">${escapeHtml(m)}</p>`).join('')}`;
}

function trendSection(section: DocumentTrend): string {
  const columns = section.series.flatMap((series) => [
    { name: series.name, figures: series.figures },
    ...(series.previousYear
      ? [{ name: `${series.name}, a year earlier`, figures: series.previousYear }]
      : []),
  ]);
  const head = `<thead><tr><th scope="col">Period</th>${columns.map((c) => `<th scope="col" class="number">${escapeHtml(c.name)}</th>`).join('')}</tr></thead>`;
  const rows = section.periods
    .map(
      (period, i) =>
        `<tr><th scope="row" class="period">${escapeHtml(periodShortLabel(period))}</th>${columns
          .map((c) => {
            const figure = c.figures[i] ?? null;
            return `<td class="number${figure === null ? ' hidden-figure' : ''}">${formatFigure(figure)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  if (!section.periods.length)
    return `<p class="not-shown">${escapeHtml(section.note ?? 'No period of this trend is published for this report.')}</p>`;
  const note = section.note ? `<p class="meta">${escapeHtml(section.note)}</p>` : '';
  return `<figure>${sectionChart(section)}</figure><table${columns.length > 4 ? ' class="wide"' : ''}>${head}<tbody>${rows}</tbody></table>${note}`;
}

function completenessSection(section: DocumentCompleteness): string {
  const quarters = (list: string[]) => (list.length ? list.map(escapeHtml).join(', ') : 'None');
  const rows = section.agencies
    .map(
      (agency) =>
        `<tr><th scope="row">${escapeHtml(agency.name)}</th><td>${escapeHtml(agency.county)}</td><td>${quarters(agency.quartersReported)}</td><td>${quarters(agency.quartersMissing)}</td></tr>`,
    )
    .join('');
  const note = section.note ? `<p class="meta">${escapeHtml(section.note)}</p>` : '';
  return `<p>${escapeHtml(coverageWords(section.coverage))}.</p>${note}<table><thead><tr><th scope="col">Agency</th><th scope="col">County</th><th scope="col">Quarters reported</th><th scope="col">Quarters missing</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function sectionBody(section: DocumentSection): string {
  switch (section.kind) {
    case 'table':
    case 'chart':
      return tableSection(section);
    case 'trend':
      return trendSection(section);
    case 'completeness':
      return completenessSection(section);
    case 'definitions':
      return `<dl class="definitions">${section.items.map((item) => `<dt>${escapeHtml(item.name)}</dt><dd>${escapeHtml(item.definition)}</dd>`).join('')}</dl>`;
    case 'narrative':
      return section.text.trim()
        ? paragraphs(section.text)
        : `<p class="prompt">${escapeHtml(section.prompt)} (Not written yet.)</p>`;
    case 'disclaimer':
      return paragraphs(section.text);
  }
}

function footnotes(doc: ReportDocument): string {
  // The document's footnotes already say which periods are provisional.
  const notes = doc.footnotes;
  if (!notes.length) return '';
  return `<footer class="footnotes"><h2>Notes</h2><ol>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ol></footer>`;
}

/**
 * The report's whole page. `contentsPages` gives each section's page number (by section code) once
 * a first printing has found them; without it the contents list the sections alone.
 */
export function reportHtml(
  doc: ReportDocument,
  options: { contentsPages?: Record<string, number> } = {},
): string {
  const sections = doc.sections
    .map(
      (section, i) =>
        `<section id="section-${escapeHtml(section.code)}"><h2>${escapeHtml(sectionHeading(i, section.title))}</h2>${sectionBody(section)}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(documentHeading(doc))}</title>
<style>${styles}</style>
</head>
<body>
${titlePage(doc)}
${contents(doc, options.contentsPages)}
<main>
${sections}
</main>
${footnotes(doc)}
</body>
</html>
`;
}
