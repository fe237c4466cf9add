/** Only same-origin paths are followed after sign-in (no `//evil.example`, `/\evil`, or `javascript:`). */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
