import { Link } from "../components/Link";

export function NotFoundPage() {
  return (
    <main className="page">
      <h1>Not found</h1>
      <p>
        Nothing lives at this address. <Link href="/">Back to the workflows</Link>.
      </p>
    </main>
  );
}
