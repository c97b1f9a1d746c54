// The screens other than the first ones she sees (the dashboard, the first run, the lock and
// recovery screens), each in its own chunk: start-up parses only what it shows, and the rest are
// fetched in the background once the first screen is painted, so opening one stays instant.
import type { Component } from "svelte";

type Loader = () => Promise<{ default: Component<never> }>;

export const screens = {
  clients: () => import("./routes/clients/ClientList.svelte"),
  clientForm: () => import("./routes/clients/ClientForm.svelte"),
  client: () => import("./routes/clients/ClientPage.svelte"),
  clientProgress: () => import("./routes/clients/ClientProgress.svelte"),
  prep: () => import("./routes/prep/PrepSheet.svelte"),
  protocols: () => import("./routes/protocols/ProtocolList.svelte"),
  protocol: () => import("./routes/protocols/ProtocolEditor.svelte"),
  foods: () => import("./routes/protocols/FoodCatalogue.svelte"),
  consult: () => import("./routes/consults/ConsultPage.svelte"),
  pipeline: () => import("./routes/pipeline/Pipeline.svelte"),
  articles: () => import("./routes/articles/ArticleLibrary.svelte"),
  articleImport: () => import("./routes/articles/ArticleImport.svelte"),
  article: () => import("./routes/articles/ArticlePage.svelte"),
  handout: () => import("./routes/handouts/HandoutComposer.svelte"),
  settings: () => import("./routes/settings/Settings.svelte"),
} satisfies Record<string, Loader>;

/** Fetches every screen's chunk in the background (after the first screen is painted). */
export function prefetchScreens(): void {
  for (const load of Object.values(screens) as Loader[]) void load().catch(() => undefined);
}
