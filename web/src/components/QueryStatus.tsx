import { ApiError } from '../api/client';

/**
 * A calm loading state: a sentence for screen readers and anyone reading, and a few still-grey
 * bars for sighted readers (they only shimmer when the person hasn't asked for reduced motion).
 */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading">
      <p role="status">{label}</p>
      <div className="skeleton" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
    </div>
  );
}

/** The message to show for a failed request: the server's own words when it gave some. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something unexpected went wrong. Please try again.';
}

/**
 * A failed load, with a "Try again" button that refetches. `what` completes the heading
 * "We couldn't load …" so the person knows which part of the page failed.
 */
export function LoadError({
  error,
  what,
  onRetry,
  retrying = false,
}: {
  error: unknown;
  what: string;
  onRetry: () => void;
  retrying?: boolean;
}) {
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">We couldn't load {what}</h2>
      <p>{errorMessage(error)}</p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          if (!retrying) onRetry();
        }}
        aria-disabled={retrying}
      >
        {retrying ? 'Trying again…' : 'Try again'}
      </button>
    </div>
  );
}
