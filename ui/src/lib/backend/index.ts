//! The Backend the views talk to: the generated typed commands, over Tauri's IPC in the app, or over a fake
//! `invoke` in tests. Views never call `invoke` with a string themselves.
import { commands, type Commands, type IpcError, type Invoke } from "../gen/bindings";

export type Backend = Commands;

export function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** A message to show a person for any rejection: IPC errors carry one, anything else is described. */
export function errorMessage(e: unknown): string {
  if (isIpcError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

let current: Backend | undefined;

/** Builds a backend from an invoke function (the Tauri one, or a fake in tests). */
export function backendFrom(invoke: Invoke): Backend {
  return commands(invoke);
}

export function setBackend(b: Backend) {
  current = b;
}

export function backend(): Backend {
  if (!current) throw new Error("backend not initialised");
  return current;
}
