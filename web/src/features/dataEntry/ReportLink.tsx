import type { ReactNode } from 'react';
import { Link, useInRouterContext } from 'react-router';
import { reportPath } from './reportState';
import './reportLink.css';

/**
 * A link to one agency's report form. Outside a router (a page rendered on its own, as in tests) it
 * falls back to a plain link, which still goes to the same place.
 */
export function ReportLink({
  agency,
  period,
  children,
  className,
}: {
  agency: string;
  period: string;
  children: ReactNode;
  className?: string;
}) {
  const inRouter = useInRouterContext();
  const to = reportPath(agency, period);
  return inRouter ? (
    <Link to={to} className={className}>
      {children}
    </Link>
  ) : (
    <a href={to} className={className}>
      {children}
    </a>
  );
}

/** What the link to a report says, given where the report stands. */
export function reportLinkText(status: string, open: boolean, period: string): string {
  switch (status) {
    case 'not_started':
      return open ? `Start the ${period} report` : `View the ${period} report`;
    case 'draft':
      return open ? `Continue the ${period} report` : `View the ${period} report`;
    case 'returned':
      return `Correct the ${period} report`;
    default:
      return `View the ${period} report`;
  }
}
