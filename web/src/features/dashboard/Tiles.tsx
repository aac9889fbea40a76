import { periodShortLabel } from '../../../../api/domain/periods';
import {
  changeBetween,
  changeText,
  completenessNote,
  formatFigure,
  unduplicatedNote,
} from '../../charts/format';
import type { Figure } from '../../charts/types';
import type { Headline } from './shape';

/**
 * A headline figure for the chosen period, with its change against the previous period and the same
 * period a year earlier. No change is shown when either side is hidden or unpublished, and the tile
 * says so rather than leaving a blank.
 */
export function HeadlineTile({
  label,
  headline,
  period,
  people,
}: {
  label: string;
  headline: Headline;
  period: string;
  /** A count of people across agencies: shown with the unduplicated range when there is one. */
  people?: boolean;
}) {
  const completeness = completenessNote(headline.completeness);
  const unduplicated = people ? unduplicatedNote(headline.unduplicated) : null;
  return (
    <div className="tile">
      <p className="tile__label">{label}</p>
      <p className="tile__value">
        <TileFigure figure={headline.current} />
        <span className="visually-hidden"> in {periodShortLabel(period)}</span>
      </p>
      <ul className="tile__changes">
        <li>
          <ChangeLine
            label={`vs ${periodShortLabel(headline.previous.period)}`}
            current={headline.current}
            earlier={headline.previous.figure}
          />
        </li>
        {headline.lastYear ? (
          <li>
            <ChangeLine
              label={`vs ${periodShortLabel(headline.lastYear.period)} (a year earlier)`}
              current={headline.current}
              earlier={headline.lastYear.figure}
            />
          </li>
        ) : null}
      </ul>
      {unduplicated ? <p className="tile__note">{unduplicated}</p> : null}
      {completeness ? <p className="tile__note">{completeness}</p> : null}
    </div>
  );
}

function TileFigure({ figure }: { figure: Figure }) {
  if (figure.suppressed)
    return (
      <span className="tile__hidden">
        Hidden <span className="tile__why">to protect privacy</span>
      </span>
    );
  return <>{formatFigure(figure)}</>;
}

function ChangeLine({ label, current, earlier }: { label: string; current: Figure; earlier: Figure }) {
  const change = changeBetween(current, earlier);
  const arrow =
    change.kind === 'change' ? (change.difference > 0 ? '▲' : change.difference < 0 ? '▼' : '') : '';
  return (
    <>
      <span className="tile__change-label">{label}: </span>
      {arrow ? (
        <span aria-hidden="true" className="tile__arrow">
          {arrow}{' '}
        </span>
      ) : null}
      <span className={change.kind === 'change' ? 'tile__change' : 'tile__change tile__change--none'}>
        {changeText(change)}
      </span>
    </>
  );
}

/**
 * A headline tile while its figures load: the same label and lines, with grey bars where the figure
 * and its changes will be, so the tiles and what follows them don't move when the numbers arrive.
 */
export function TileSkeleton({ label, comparisons }: { label: string; comparisons: 1 | 2 }) {
  return (
    <div className="tile tile--loading">
      <p className="tile__label">{label}</p>
      <p className="tile__value" role="status">
        <span className="visually-hidden">Loading {label.toLowerCase()}…</span>
        <span className="tile__bar tile__bar--value" aria-hidden="true" />
      </p>
      <ul className="tile__changes" aria-hidden="true">
        <li>
          <span className="tile__bar" />
        </li>
        {comparisons === 2 ? (
          <li>
            <span className="tile__bar" />
          </li>
        ) : null}
      </ul>
    </div>
  );
}
