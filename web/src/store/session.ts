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
const saved = (() => {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? "null") as Partial<SessionState> | null;
  } catch {
    return null;
  }
})();

export const useSession = create<SessionState>((set) => ({
  token: saved?.token ?? null,
  tenant: saved?.tenant ?? null,
  username: saved?.username ?? null,
  expiresAt: saved?.expiresAt ?? null,
  signIn: (token, tenant, username, expiresAt) => {
    sessionStorage.setItem(key, JSON.stringify({ token, tenant, username, expiresAt }));
    set({ token, tenant, username, expiresAt });
  },
  signOut: () => {
    sessionStorage.removeItem(key);
    set({ token: null, tenant: null, username: null, expiresAt: null });
  },
}));
