//! The Tauri implementation of the Backend: the generated wrappers over @tauri-apps/api's invoke.
import { invoke } from "@tauri-apps/api/core";
import { backendFrom, type Backend } from "./index";

export function tauriBackend(): Backend {
  return backendFrom((command, args) => invoke(command, args));
}

export function inTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}
