import { useEffect } from "react";
import { useSession } from "./store/session";
import { useDesigner } from "./store";
import { navigate, useLocation } from "./router";
import { LoginPage } from "./pages/LoginPage";
import { WorkflowListPage } from "./pages/WorkflowListPage";
import { DesignerPage } from "./pages/DesignerPage";
import { ExecutionsPage } from "./pages/ExecutionsPage";

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

  if (!token || path === "/login") return <LoginPage next={search.get("next") ?? "/"} />;
  const designer = /^\/workflows\/([^/]+)$/.exec(path);
  if (designer) return <DesignerPage workflowId={decodeURIComponent(designer[1])} executionId={search.get("execution")} />;
  if (path === "/executions") return <ExecutionsPage />;
  return <WorkflowListPage />;
}
