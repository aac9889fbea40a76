import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';

/** Shown for any address the app doesn't know. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>We couldn't find that page. The link may be out of date, or the address may have a typo.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
