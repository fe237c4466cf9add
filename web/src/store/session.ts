// Session: the JWT from POST /api/auth/token, kept in sessionStorage so a reload stays signed in.
import { create } from "zustand";

interface SessionState {
  token: string | null;
  tenant: string | null;
  username: string | null;
  expiresAt: string | null;
  signIn: (token: string, tenant: string, username: string, expiresAt: string) => void;
  signOut: () => void;
}

const key = "workflow.session";
const expired = (expiresAt: string | null | undefined) => !!expiresAt && Date.parse(expiresAt) <= Date.now();
const saved = (() => {
  try {
    const s = JSON.parse(sessionStorage.getItem(key) ?? "null") as Partial<SessionState> | null;
    return s && !expired(s.expiresAt) ? s : null;
  } catch {
    return null;
  }
})();

let expiryTimer: ReturnType<typeof setTimeout> | undefined;
// An expired token would only earn 401s: sign out when it lapses so the app shows the login page with `next`.
function scheduleExpiry(expiresAt: string | null | undefined) {
  clearTimeout(expiryTimer);
  if (!expiresAt) return;
  const ms = Date.parse(expiresAt) - Date.now();
  if (Number.isFinite(ms)) expiryTimer = setTimeout(() => useSession.getState().signOut(), Math.min(Math.max(ms, 0), 2 ** 31 - 1));
}

export const useSession = create<SessionState>((set) => ({
  token: saved?.token ?? null,
  tenant: saved?.tenant ?? null,
  username: saved?.username ?? null,
  expiresAt: saved?.expiresAt ?? null,
  signIn: (token, tenant, username, expiresAt) => {
    sessionStorage.setItem(key, JSON.stringify({ token, tenant, username, expiresAt }));
    set({ token, tenant, username, expiresAt });
    scheduleExpiry(expiresAt);
  },
  signOut: () => {
    sessionStorage.removeItem(key);
    clearTimeout(expiryTimer);
    set({ token: null, tenant: null, username: null, expiresAt: null });
  },
}));

if (!saved) sessionStorage.removeItem(key);
scheduleExpiry(saved?.expiresAt);
