// Placeholder: replaced by the page's owner.
export function LoginPage({ next }: { next: string }) {
  return <main><h1>Sign in</h1><p>then {next}</p></main>;
}
