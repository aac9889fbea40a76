import { useQuery } from '@tanstack/react-query';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { planCounts, planTableName, reachInWords } from './plan';
import { publicationPlanQuery } from './queries';
import type { PlanReach, PlanTable, PublicationPlan } from './types';
import './plan.css';

/**
 * The publication plan on the releases page: every table the coalition publishes, who sees it,
 * where and how often, with the plan's own notes, so an admin knows what a release will publish.
 */
export function PlanSection() {
  const plan = useQuery(publicationPlanQuery());
  return (
    <section className="section" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Publication plan</h2>
      {plan.isPending ? (
        <Loading label="Loading the publication plan…" />
      ) : plan.isError ? (
        <LoadError
          what="the publication plan"
          error={plan.error}
          onRetry={() => void plan.refetch()}
          retrying={plan.isFetching}
        />
      ) : (
        <PlanView plan={plan.data} />
      )}
    </section>
  );
}

/** The plan itself: what it is, the county minimum, and its tables in a collapsible table; exported for tests. */
export function PlanView({ plan }: { plan: PublicationPlan }) {
  const counts = planCounts(plan);
  return (
    <>
      <p>
        Every release publishes what this plan says: which tables, to whom, for the whole coalition or for
        each county, and for which periods. A table the plan leaves out is not published at all, so less has
        to be hidden.
      </p>
      <dl className="plan-facts">
        <div className="plan-facts__row">
          <dt>Plan</dt>
          <dd>
            {plan.label} (version {plan.version})
          </dd>
        </div>
        <div className="plan-facts__row">
          <dt>Catalog</dt>
          <dd>
            {plan.catalog.label} (version {plan.catalog.version})
          </dd>
        </div>
        <div className="plan-facts__row">
          <dt>County breakdowns</dt>
          <dd>
            Published only where every county has at least {plan.countyBreakdownAgencies} reporting agencies
          </dd>
        </div>
      </dl>
      <details className="plan-details">
        <summary>
          Show the plan’s {plan.tables.length} tables ({counts.members} for signed-in members, {counts.public}{' '}
          also for the public)
        </summary>
        <TableScroll captionId="plan-caption">
          <table className="plan-table">
            <caption id="plan-caption">
              {plan.label}, version {plan.version}: what is published, to whom, where and how often
            </caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Shown by</th>
                <th scope="col">Signed-in members</th>
                <th scope="col">The public</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {plan.tables.map((table) => (
                <PlanRow key={`${table.table}/${table.breakdown ?? ''}`} table={table} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}

function PlanRow({ table }: { table: PlanTable }) {
  const { figure, breakdown } = planTableName(table);
  return (
    <tr>
      <th scope="row">{figure}</th>
      <td>{breakdown}</td>
      {/* Members see whatever the public sees, as the public sees it. */}
      <td>
        <Reach reach={table.members} fallback={table.public ? 'As the public sees it' : 'Not published'} />
      </td>
      <td>
        <Reach reach={table.public} fallback="Not published" />
      </td>
      <td>{table.note ?? ''}</td>
    </tr>
  );
}

function Reach({ reach, fallback }: { reach: PlanReach; fallback: string }) {
  const lines = reachInWords(reach);
  if (lines.length === 0) return <span className="muted">{fallback}</span>;
  return (
    <ul className="plan-reach">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
