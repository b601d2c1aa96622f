//! The About panel's state: the facts from the `about` command and "Copy diagnostics". How the text reaches the
//! clipboard is passed in (the web clipboard in the app, a fake in tests).
import type { About } from "../gen/bindings";
import { backend, errorMessage } from "../backend";

/** Puts text on the clipboard; rejects when the system refuses. */
export type Clipboard = (text: string) => Promise<void>;

/** The web Clipboard API, with the older copy command as a fallback (WebKitGTK may refuse the first). */
export const webClipboard: Clipboard = async (text) => {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall through to the textarea route
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("the system clipboard refused the text");
};

export class AboutState {
  open = $state(false);
  info = $state<About | null>(null);
  error = $state<string | null>(null);
  /** What the last copy did, for the status line next to the button. */
  copyStatus = $state<string | null>(null);

  constructor(private clipboard: Clipboard = webClipboard) {}

  /** Opens the panel and (re)reads the facts: the library's size changes as articles come in. */
  async show() {
    this.open = true;
    this.copyStatus = null;
    this.error = null;
    try {
      this.info = await backend().about();
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  close() {
    this.open = false;
  }

  async copy() {
    if (!this.info) return;
    try {
      await this.clipboard(this.info.diagnostics);
      this.copyStatus = "Copied to the clipboard: paste it into your problem report.";
    } catch (e) {
      this.copyStatus = `Could not copy (${errorMessage(e)}): select the text below and copy it by hand.`;
    }
  }
}
