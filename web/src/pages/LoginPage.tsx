// Sign-in: tenant, username, password → POST /api/auth/token → the page the user asked for (`next`).
import { Field } from "../components/Field";
import { useState, type FormEvent } from "react";
import { signIn } from "../api/auth";
import { ApiError } from "../api/client";
import { navigate } from "../router";
import { errorMessage } from "../components/ErrorText";
import { useDesigner } from "../store";
import { themes, type Theme } from "../store/uiSlice";
import { SelectField } from "../components/SelectField";

export function LoginPage({ next }: { next: string }) {
  const [tenant, setTenant] = useState(() => localStorage.getItem("workflow.lastTenant") ?? "default");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const theme = useDesigner((s) => s.theme);
  const setTheme = useDesigner((s) => s.setTheme);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(tenant, username, password);
      localStorage.setItem("workflow.lastTenant", tenant.trim());
      navigate(next, true);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? "Sign-in failed: the tenant, username or password is wrong."
          : err instanceof ApiError && err.status === 429
            ? "Too many attempts; wait a moment and try again."
            : `Sign-in failed: ${errorMessage(err)}`,
      );
      setPassword("");
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form className="login-card panel" onSubmit={submit} aria-describedby={error ? "login-error" : undefined} data-testid="login-form">
        <h1>Sign in to Workflow</h1>
        <Field label="Tenant" className="field">
          {(id) => (
            <input id={id} name="tenant" value={tenant} onChange={(e) => setTenant(e.target.value)} autoComplete="organization" required />
          )}
        </Field>
        <Field label="Username" className="field">
          {(id) => (
            <input id={id} name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required autoFocus />
          )}
        </Field>
        <Field label="Password" className="field">
          {(id) => (
            <input id={id}
              name="password"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              required
            />
          )}
        </Field>
        {error && (
          <p id="login-error" role="alert" className="error-text" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-action="sign-in">
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <SelectField label="Theme" className="inline-field login-theme" value={theme} onChange={(value) => setTheme(value as Theme)} options={themes} />
      </form>
    </main>
  );
}
