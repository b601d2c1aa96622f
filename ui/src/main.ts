import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";

// index.html paints the window's frame before this script runs; the app takes its place.
const target = document.getElementById("app")!;
target.replaceChildren();
const app = mount(App, { target });
export default app;
