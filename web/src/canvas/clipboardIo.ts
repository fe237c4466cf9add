// System clipboard with an in-memory fallback (the Clipboard API needs permission and a secure context).
import { parseClip, type Clip } from "./clipboard";

let memory: Clip | null = null;
let systemHoldsLatest = false;

export async function writeClip(clip: Clip): Promise<void> {
  memory = clip;
  systemHoldsLatest = false;
  try {
    await navigator.clipboard.writeText(JSON.stringify(clip));
    systemHoldsLatest = true;
  } catch {
    // permission denied or unavailable: the in-memory copy serves
  }
}

export async function readClip(): Promise<Clip | null> {
  if (memory && !systemHoldsLatest) return memory;
  try {
    const text = await Promise.race([navigator.clipboard.readText(), new Promise<string>((_, r) => setTimeout(() => r(new Error("timeout")), 1500))]);
    return parseClip(text) ?? memory;
  } catch {
    return memory;
  }
}
