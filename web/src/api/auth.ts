// Sign-in and sign-out against /api/auth.
import { api } from "./client";
import type { TokenResponse } from "./types";
import { useSession } from "../store/session";

export async function signIn(tenant: string, username: string, password: string): Promise<void> {
  const t = await api<TokenResponse>("/api/auth/token", { method: "POST", body: { tenant, username, password } });
  useSession.getState().signIn(t.accessToken, tenant.trim().toLowerCase(), username.trim().toLowerCase(), t.expiresAt);
}

/** Drops the token here and the cookie the silo set at sign-in; sign-out succeeds locally even if the call fails. */
export async function signOut(): Promise<void> {
  useSession.getState().signOut();
  try {
    await fetch("/api/auth/logout", { method: "POST" });
  } catch {
    // offline: the local session is gone, which is what matters
  }
}
