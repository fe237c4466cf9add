// The bar every signed-in page shares: navigation, theme switcher, who is signed in, sign-out.
import { useSession } from "../store/session";
import { useDesigner } from "../store";
import { themes, type Theme } from "../store/uiSlice";
import { navigate, useLocation } from "../router";
import { signOut } from "../api/auth";
import { Link } from "./Link";
import { SelectField } from "./SelectField";

export function TopBar() {
  const { username, tenant } = useSession();
  const theme = useDesigner((s) => s.theme);
  const setTheme = useDesigner((s) => s.setTheme);
  const { path } = useLocation();
  const current = (href: string) =>
    (href === "/" ? path === "/" || path.startsWith("/workflows") : path.startsWith(href)) ? "page" : undefined;

  return (
    <header className="topbar" data-testid="top-bar">
      <Link href="/" className="brand">
        Workflow
      </Link>
      <nav aria-label="Main">
        <Link href="/" aria-current={current("/")}>
          Workflows
        </Link>
        <Link href="/executions" aria-current={current("/executions")}>
          Executions
        </Link>
      </nav>
      <div className="topbar-end">
        <SelectField label="Theme" className="inline-field" value={theme} onChange={(value) => setTheme(value as Theme)} options={themes} testId="theme-select" />
        {username && (
          <span className="muted" data-testid="signed-in-as">
            {username}@{tenant}
          </span>
        )}
        <button
          type="button"
          data-action="sign-out"
          onClick={async () => {
            await signOut();
            navigate("/login", true);
          }}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
