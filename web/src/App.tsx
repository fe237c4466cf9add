import { useEffect, type MouseEvent } from "react";
import { useSession } from "./store/session";
import { useDesigner } from "./store";
import { navigate, useLocation } from "./router";
import { LoginPage } from "./pages/LoginPage";
import { WorkflowListPage } from "./pages/WorkflowListPage";
import { DesignerPage } from "./pages/DesignerPage";
import { ExecutionsPage } from "./pages/ExecutionsPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { TopBar } from "./components/TopBar";
import { safeNext } from "./components/safeNext";


function skipToMain(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  document.getElementById("main")?.focus();
}

// Routes: /login, / (workflows), /workflows/:id[?execution=ID] (designer, optionally replaying an execution), /executions.
export function App() {
  const token = useSession((s) => s.token);
  const theme = useDesigner((s) => s.theme);
  const { path, search } = useLocation();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    if (!token && path !== "/login") navigate(`/login?next=${encodeURIComponent(path + location.search)}`, true);
  }, [token, path]);

  if (!token || path === "/login") return <LoginPage next={safeNext(search.get("next"))} />;

  const designer = /^\/workflows\/([^/]+)$/.exec(path);
  let page;
  if (designer) page = <DesignerPage workflowId={decodeURIComponent(designer[1])} executionId={search.get("execution")} />;
  else if (path === "/executions") page = <ExecutionsPage />;
  else if (path === "/" || path === "/workflows") page = <WorkflowListPage />;
  else page = <NotFoundPage />;

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <TopBar />
      <div id="main" className="app-main" tabIndex={-1}>
        {page}
      </div>
    </div>
  );
}
