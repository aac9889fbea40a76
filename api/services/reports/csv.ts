/**
 * Every figure of a report in one CSV, one figure a line, for someone who loads figures into their
 * own tool. Lines about the report come first; a hidden figure's value is blank and its `hidden`
 * column `true`, so no tool reads it as zero.
 */
import { formatCsv } from '../../domain/csv';
import {
  confidentialMark,
  type DocumentSection,
  type Figure,
  hiddenFootnote,
  type ReportDocument,
} from '../../domain/reportDocument';
import { formatDateTime, kindWords, noReleaseWords, releaseWords } from './format';

type Line = Array<string | number>;

const figureLine = (section: DocumentSection, row: string, figure: Figure): Line => [
  section.code,
  section.title,
  row,
  figure ?? '',
  figure === null ? 'true' : 'false',
];

function figureLines(section: DocumentSection): Line[] {
  switch (section.kind) {
    case 'table':
    case 'chart': {
      if (!section.shown) return [];
      const undup = section.unduplicated;
      return [
        ...section.rows.map((row) => figureLine(section, row.label, row.figure)),
        figureLine(section, 'Total', section.total),
        ...(!undup
          ? []
          : 'hidden' in undup
            ? [figureLine(section, 'Different survivors across agencies', null)]
            : [
                figureLine(section, 'Different survivors across agencies: at least', undup.lower),
                figureLine(section, 'Different survivors across agencies: at most', undup.upper),
              ]),
      ];
    }
    case 'trend':
      return section.series.flatMap((series) => [
        ...section.periods.map((period, i) =>
          figureLine(section, `${series.name}, ${period}`, series.figures[i] ?? null),
        ),
        ...(series.previousYear
          ? section.periods.map((period, i) =>
              figureLine(
                section,
                `${series.name}, a year before ${period}`,
                series.previousYear?.[i] ?? null,
              ),
            )
          : []),
      ]);
    case 'completeness':
      return [
        figureLine(section, 'Agencies that reported', section.coverage.reported),
        figureLine(section, 'Agencies expected to report', section.coverage.expected),
      ];
    default:
      return [];
  }
}

/** The report's figures as CSV text (with a byte-order mark and CRLF, as Excel opens cleanly). */
export function renderCsv(doc: ReportDocument): string {
  const about: Line[] = [
    ...(doc.kind === 'confidential' ? [[confidentialMark]] : []),
    ['Report', doc.template.name],
    ['Template', `${doc.template.code} version ${doc.template.version}; catalog ${doc.catalogVersion}`],
    ['Coalition', doc.coalition.name],
    ['Period', `${doc.period.label} (${doc.period.code})`],
    ['Area', doc.area.name],
    ['Figures', kindWords(doc)],
    ['Releases', releaseWords(doc).join('; ') || noReleaseWords(doc)],
    ['Generated', `${formatDateTime(doc.generatedAt)} by ${doc.generatedBy}`],
    ...(doc.purpose ? [['Purpose', doc.purpose]] : []),
    ['Hidden figures', `Blank, with hidden true. ${hiddenFootnote}`],
    ...doc.footnotes.filter((note) => note !== hiddenFootnote).map((note) => ['Note', note]),
  ];
  const figures = doc.sections.flatMap(figureLines);
  return formatCsv([...about, [], ['section', 'title', 'row', 'value', 'hidden'], ...figures]);
}
