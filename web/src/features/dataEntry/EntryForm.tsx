/**
 * The form itself: one fieldset per section, each element with its total and a table for each
 * breakdown. Totals of rows, columns and the whole grid are computed as the reporter types.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import type { Finding } from '../../../../api/domain/validation';
import { choose } from '../../lib/text';
import { displayedText } from './entries';
import { describeCounts } from './findings';
import {
  cellInputId,
  explanationId,
  type FormModel,
  findingMessageId,
  focusCell,
  useFormModel,
} from './formModel';
import {
  type CellLayout,
  cellsOf,
  compareWithTotal,
  type DisaggregationLayout,
  describeComparison,
  type ElementLayout,
  type GridLayout,
  gridTotals,
  type ListLayout,
  nextInOrder,
  type SectionLayout,
  sumOf,
} from './layout';
import { ReadOnlyCount } from './ReadOnlyCount';

/** Every section the agency reports, in catalog order. */
export function EntrySections({ sections }: { sections: readonly SectionLayout[] }) {
  return (
    <>
      {sections.map((layout) => (
        <EntrySection key={layout.section.code} layout={layout} />
      ))}
    </>
  );
}

function EntrySection({ layout }: { layout: SectionLayout }) {
  const { section, elements } = layout;
  return (
    <fieldset className="entry-section" id={`section-${section.code}`}>
      <legend>
        <h2 className="entry-section__title">{section.name}</h2>
      </legend>
      <p className="field-help">{section.description}</p>
      {elements.map((element) => (
        <EntryElement key={element.element.code} layout={element} />
      ))}
    </fieldset>
  );
}

function EntryElement({ layout }: { layout: ElementLayout }) {
  const { element, total, disaggregations } = layout;
  const model = useFormModel();
  const headingId = `element-${element.code}`;
  const helpId = `element-${element.code}-help`;
  const totalValue = model.values.get(total.key) ?? null;
  return (
    <div className="entry-element">
      <h3 id={headingId}>{element.name}</h3>
      <p id={helpId} className="field-help">
        {element.description}
      </p>
      <div className="entry-total">
        {model.editable ? (
          <>
            <label htmlFor={cellInputId(total.key)}>Total</label>
            <CountInput cell={total} helpId={helpId} />
          </>
        ) : (
          <p className="entry-total__read">
            <span>Total</span> <ReadOnlyCount value={totalValue} />
          </p>
        )}
      </div>
      <FindingNotes anchor={element.code} />
      {disaggregations.length > 0 ? (
        <div className="breakdowns">
          {disaggregations.map((breakdown) => (
            <Breakdown
              key={breakdown.combo.code}
              elementCode={element.code}
              elementName={element.name}
              layout={breakdown}
              total={totalValue}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}

function Breakdown({
  elementCode,
  elementName,
  layout,
  total,
}: {
  elementCode: string;
  elementName: string;
  layout: DisaggregationLayout;
  total: number | null;
}) {
  const model = useFormModel();
  const captionId = `table-${elementCode}-${layout.combo.code}`;
  const sum = sumOf(
    model.values,
    cellsOf(layout).map((cell) => cell.key),
  );
  const comparison = compareWithTotal(sum, total, layout.multiSelect);
  const notes = categoryNotes(layout);
  return (
    <div className={`breakdown breakdown--${layout.kind}`}>
      <TableRegion captionId={captionId} focusable={!model.editable}>
        {layout.kind === 'grid' ? (
          <GridTable elementName={elementName} layout={layout} captionId={captionId} notes={notes} />
        ) : (
          <ListTable elementName={elementName} layout={layout} captionId={captionId} notes={notes} />
        )}
      </TableRegion>
      {comparison.kind === 'nothing' ? null : (
        <p className={`comparison comparison--${comparison.kind}`}>{describeComparison(comparison)}</p>
      )}
      <FindingNotes anchor={`${elementCode}.${layout.combo.code}`} />
    </div>
  );
}

/** The plain-language notes under a table's caption: each category's description. */
function categoryNotes(layout: DisaggregationLayout): string[] {
  const categories = layout.kind === 'grid' ? [layout.columnCategory, layout.rowCategory] : [layout.category];
  const notes = categories.flatMap((c) => (c.description ? [`${c.name}: ${c.description}`] : []));
  if (layout.multiSelect && !categories.some((c) => c.multiSelect && c.description))
    notes.push(
      'A survivor can be counted under more than one of these, so they can add up to more than the total.',
    );
  return notes;
}

/**
 * A wide table scrolls sideways. While it holds inputs, keyboard users reach every part of it by
 * tabbing, so it is a plain box; a read-only table's box is a focusable region named by its caption,
 * so it can still be scrolled from the keyboard (WCAG 2.1.1).
 */
function TableRegion({
  captionId,
  focusable,
  children,
}: {
  captionId: string;
  focusable: boolean;
  children: ReactNode;
}) {
  if (!focusable) return <div className="table-scroll entry-table-scroll">{children}</div>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard scrolling (WCAG 2.1.1)
    <section className="table-scroll entry-table-scroll" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </section>
  );
}

/** A table's caption: the breakdown's name, with the element's name for screen readers so each is unique. */
function Caption({
  id,
  elementName,
  title,
  notes,
}: {
  id: string;
  elementName: string;
  title: string;
  notes: string[];
}) {
  return (
    <caption id={id}>
      <span className="visually-hidden">{elementName}: </span>
      {title}
      {notes.map((note) => (
        <span key={note} className="cell-note">
          {note}
        </span>
      ))}
    </caption>
  );
}

function GridTable({
  elementName,
  layout,
  captionId,
  notes,
}: {
  elementName: string;
  layout: GridLayout;
  captionId: string;
  notes: string[];
}) {
  const model = useFormModel();
  const totals = gridTotals(layout, model.values);
  return (
    <table className="entry-table entry-table--grid">
      <Caption id={captionId} elementName={elementName} title={layout.combo.name} notes={notes} />
      <thead>
        <tr>
          <th scope="col">{layout.rowCategory.name}</th>
          {layout.columns.map((column) => (
            <th key={column.code} scope="col" className="num">
              {column.name}
            </th>
          ))}
          <th scope="col" className="num computed-head">
            Row total
          </th>
        </tr>
      </thead>
      <tbody>
        {layout.rows.map((row, rowIndex) => (
          <tr key={row.code}>
            <th scope="row">{row.name}</th>
            {row.cells.map((cell) => (
              <td key={cell.key} className="num">
                <Count cell={cell} />
              </td>
            ))}
            <td className="num computed">
              <ReadOnlyCount value={totals.rows[rowIndex] ?? null} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Column total</th>
          {layout.columns.map((column, columnIndex) => (
            <td key={column.code} className="num computed">
              <ReadOnlyCount value={totals.columns[columnIndex] ?? null} />
            </td>
          ))}
          <td className="num computed computed--grand">
            <span className="visually-hidden">Grand total: </span>
            <ReadOnlyCount value={totals.grand} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function ListTable({
  elementName,
  layout,
  captionId,
  notes,
}: {
  elementName: string;
  layout: ListLayout;
  captionId: string;
  notes: string[];
}) {
  const model = useFormModel();
  const sum = sumOf(
    model.values,
    layout.rows.map((row) => row.cell.key),
  );
  return (
    <table className="entry-table entry-table--list">
      <Caption id={captionId} elementName={elementName} title={layout.combo.name} notes={notes} />
      <thead>
        <tr>
          <th scope="col">{layout.category.name}</th>
          <th scope="col" className="num">
            Count
          </th>
        </tr>
      </thead>
      <tbody>
        {layout.rows.map((row) => (
          <tr key={row.code}>
            <th scope="row">{row.name}</th>
            <td className="num">
              <Count cell={row.cell} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Sum of these</th>
          <td className="num computed">
            <ReadOnlyCount value={sum} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** A cell: an input while the report can be edited, its value as text otherwise. */
function Count({ cell }: { cell: CellLayout }) {
  const model = useFormModel();
  if (!model.editable) return <ReadOnlyCount value={model.values.get(cell.key) ?? null} />;
  return <CountInput cell={cell} />;
}

function describedByFor(key: string, model: FormModel, helpId?: string): { ids: string; problem?: string } {
  const problem = model.cellProblems.get(key);
  const ids = [
    problem ? `${cellInputId(key)}-problem` : null,
    ...(model.byCell.get(key) ?? []).map((finding) => findingMessageId(finding.code)),
    helpId ?? null,
  ].filter((id): id is string => id !== null);
  return problem === undefined ? { ids: ids.join(' ') } : { ids: ids.join(' '), problem };
}

/** Enter moves down the column (Shift+Enter up); Tab keeps the page's reading order. */
function moveOnEnter(event: KeyboardEvent<HTMLInputElement>, order: readonly string[], key: string) {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  event.preventDefault();
  const next = nextInOrder(order, key, event.shiftKey ? -1 : 1);
  if (next) focusCell(next);
}

function CountInput({ cell, helpId }: { cell: CellLayout; helpId?: string }) {
  const model = useFormModel();
  const id = cellInputId(cell.key);
  const { ids, problem } = describedByFor(cell.key, model, helpId);
  const findings = model.byCell.get(cell.key) ?? [];
  const hasError = problem !== undefined || findings.some((f) => f.severity === 'error');
  const hasWarning = !hasError && findings.length > 0;
  return (
    <>
      <input
        id={id}
        className={`count-input${hasWarning ? ' count-input--warning' : ''}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        aria-label={cell.label}
        aria-invalid={hasError ? true : undefined}
        aria-describedby={ids === '' ? undefined : ids}
        value={displayedText(cell.key, model.saved, model.entries)}
        onChange={(event) => model.setEntry(cell.key, event.target.value)}
        onKeyDown={(event) => moveOnEnter(event, model.order, cell.key)}
      />
      {problem !== undefined ? (
        <span id={`${id}-problem`} className="cell-problem">
          {problem}
        </span>
      ) : null}
    </>
  );
}

/** The findings shown by one total or breakdown, each with an explanation box when it's a warning. */
function FindingNotes({ anchor }: { anchor: string }) {
  const model = useFormModel();
  const findings = model.byAnchor.get(anchor);
  if (!findings || findings.length === 0) return null;
  return (
    <div className="finding-notes">
      {findings.map((finding) => (
        <FindingNote key={finding.code} finding={finding} />
      ))}
    </div>
  );
}

function FindingNote({ finding }: { finding: Finding }) {
  const model = useFormModel();
  const isError = finding.severity === 'error';
  const explanation = model.explanations[finding.code] ?? '';
  return (
    <div className={`finding finding--${finding.severity}`}>
      <p id={findingMessageId(finding.code)} className="finding__message">
        <strong>{isError ? 'Needs fixing: ' : 'Please check: '}</strong>
        {finding.message} <span className="finding__detail">{finding.detail}</span>
      </p>
      {isError ? null : model.editable ? (
        <ExplanationField code={finding.code} value={explanation} />
      ) : explanation.trim() !== '' ? (
        <p className="finding__explanation">
          <strong>Explanation: </strong>
          {explanation}
        </p>
      ) : null}
    </div>
  );
}

function ExplanationField({ code, value }: { code: string; value: string }) {
  const model = useFormModel();
  const id = explanationId(code);
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const problem = model.explanationProblems.get(code);
  const missing = value.trim() === '';
  return (
    <div className="field explanation">
      <label htmlFor={id}>Explain this warning{missing ? ' (needed before you submit)' : ''}</label>
      <p id={helpId} className="field-help">
        A sentence is enough, for example "A new outreach program started in October." Please don't include
        names or anything that could identify a person.
      </p>
      <textarea
        id={id}
        rows={2}
        maxLength={1000}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={[problem ? problemId : null, helpId, findingMessageId(code)]
          .filter(Boolean)
          .join(' ')}
        onChange={(event) => model.setExplanation(code, event.target.value)}
      />
      {problem ? (
        <p id={problemId} className="field-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** The links at the top of the form, with how many findings each section has. */
export function SectionNav({
  sections,
  counts,
  extraLinks,
}: {
  sections: readonly SectionLayout[];
  counts: ReadonlyMap<string, { errors: number; warnings: number }>;
  extraLinks: Array<{ href: string; label: string }>;
}) {
  return (
    <nav aria-label="Parts of this report" className="section-nav">
      <h2 className="section-nav__title">On this page</h2>
      <ol>
        {sections.map(({ section, elements }) => {
          const note = describeCounts(counts.get(section.code));
          return (
            <li key={section.code}>
              <a href={`#section-${section.code}`}>{section.name}</a>
              <span className="cell-note">
                {elements.length} {choose(elements.length, 'item', 'items')}
                {note ? ` · ${note}` : ''}
              </span>
            </li>
          );
        })}
        {extraLinks.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
