// First: a usable navigator.language before any library reads it (see lib/locale.ts).
import "$lib/locale";
import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { startRouter } from "$lib/router.svelte";

startRouter();

const target = document.getElementById("app");
if (target === null) throw new Error("index.html has no #app element");

export default mount(App, { target });
