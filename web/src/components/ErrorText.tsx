// An error line announced to screen readers; ApiError detail when there is one.
import { ApiError } from "../api/client";

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.problem.detail ?? e.problem.title ?? e.message;
  return e instanceof Error ? e.message : String(e);
}

export function ErrorText({ error, testId }: { error: unknown; testId?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className="error-text" data-testid={testId}>
      {errorMessage(error)}
    </p>
  );
}
