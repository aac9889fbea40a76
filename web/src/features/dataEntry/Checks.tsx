/** The checks on the report: a summary at the top, and the list the submit button shows when blocked. */
import type { MouseEvent } from 'react';
import type { Catalog } from '../../../../api/domain/catalog';
import type { Finding } from '../../../../api/domain/validation';
import { describeCounts, describeFindingCells } from './findings';
import { explanationId, findingMessageId, focusFirst } from './formModel';

/**
 * Findings as a list of links; each moves focus to the first box it is about (or, for a warning
 * that still needs explaining, to its explanation box).
 */
export function FindingList({
  findings,
  catalog,
  explanations,
  editable,
}: {
  findings: readonly Finding[];
  catalog: Catalog;
  explanations: Readonly<Record<string, string>>;
  editable: boolean;
}) {
  return (
    <ul className="finding-list">
      {findings.map((finding) => {
        const explained = (explanations[finding.code] ?? '').trim() !== '';
        const goToExplanation = editable && finding.severity === 'warning' && !explained;
        const target = goToExplanation ? explanationId(finding.code) : findingMessageId(finding.code);
        const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
          event.preventDefault();
          if (goToExplanation) focusFirst([], target);
          else focusFirst(editable ? finding.cells : [], target);
        };
        return (
          <li key={finding.code} className={`finding-list__item finding-list__item--${finding.severity}`}>
            <a href={`#${target}`} onClick={onClick}>
              <strong>{finding.severity === 'error' ? 'Needs fixing: ' : 'Please check: '}</strong>
              {finding.message}
            </a>
            <span className="cell-note">{finding.detail}</span>
            <span className="cell-note">About: {describeFindingCells(catalog, finding.cells)}</span>
            {finding.severity === 'warning' ? (
              <span className="cell-note">{explained ? 'Explained.' : 'Needs a short explanation.'}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The checks as they stand, near the top of the form. Not a live region: it changes on every keystroke. */
export function ChecksSummary({
  findings,
  catalog,
  explanations,
  editable,
}: {
  findings: readonly Finding[];
  catalog: Catalog;
  explanations: Readonly<Record<string, string>>;
  editable: boolean;
}) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const counts = describeCounts({ errors, warnings: findings.length - errors });
  return (
    <section className="panel checks" aria-labelledby="checks-heading">
      <h2 id="checks-heading">Checks</h2>
      {counts === null ? (
        <p>
          No problems found{editable ? ' so far' : ''}. {editable ? 'The checks run again as you type.' : ''}
        </p>
      ) : (
        <>
          <p>
            {counts.charAt(0).toUpperCase() + counts.slice(1)}.{' '}
            {editable
              ? 'Problems must be fixed before you submit; warnings need a short explanation if the numbers are right.'
              : ''}
          </p>
          <FindingList
            findings={findings}
            catalog={catalog}
            explanations={explanations}
            editable={editable}
          />
        </>
      )}
    </section>
  );
}
