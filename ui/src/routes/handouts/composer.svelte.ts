// The handout composer's state: her draft (title, client, blocks), what its blocks need from
// the backend (articles, clients, protocols), the preview, and the backend's objections. The
// composer page wires it to the screen.
import { tick } from "svelte";
import { getArticle } from "$lib/api/articles";
import { currentClients, getClient } from "$lib/api/clients";
import { exportHandout, previewHandout, printHandout } from "$lib/api/handouts";
import { Latest } from "$lib/latest";
import { printOrOfferExport } from "$lib/print";
import { UserError } from "$lib/api/invoke";
import { getLogo, openExported } from "$lib/api/practice";
import { getProtocolTemplate, listProtocolTemplates, protocolsForClient } from "$lib/api/protocols";
import type {
  Article,
  ClientProtocol,
  ClientSummary,
  HandoutBlock,
  HandoutDraft,
  Preview,
  TemplateSummary,
} from "$lib/api/types";
import {
  handoutFieldErrors,
  initialBlocks,
  insertionIndex,
  insertItems,
  moveItem,
  newBlock,
  previewDraft,
  removeItem,
  toHandoutDraft,
  withoutClientCopies,
  withProtocolSource,
  type BlockKind,
  type ComposerBlock,
  type ProtocolPhaseBlock,
} from "$lib/handoutBlocks";
import { draftKey, dropDraft, keepDraft, takeDraft } from "$lib/stores/composerDrafts";
import { session } from "$lib/stores/practice.svelte";
import { showError, showSaved, showToast } from "$lib/stores/toasts.svelte";

export class Composer {
  /** The client's page the composer was opened from, if any. */
  readonly initialClientId: number | null;
  /** The article the composer was opened from, if any. */
  readonly articleId: number | null;

  private nextKey = 1;

  title = $state("");
  clientValue = $state("");
  blocks = $state<ComposerBlock[]>(initialBlocks().map((block) => this.keyed(block)));
  articles = $state<Record<number, Article>>({});
  clients = $state<ClientSummary[]>([]);
  clientsLoaded = $state(false);
  logo = $state<string | null>(null);

  // Replaced whole with each answer (a long handout is a big object): raw, not deeply reactive.
  preview = $state.raw<Preview | null>(null);
  previewError = $state("");
  previewing = $state(false);
  exporting = $state(false);
  pickerOpen = $state(false);
  bulkOpen = $state(false);
  removed = $state<{ entry: ComposerBlock; index: number } | null>(null);

  // Protocols for protocol phase blocks: every template, and the chosen client's own copies.
  templates = $state<TemplateSummary[] | null>(null);
  templatePhases = $state<Record<number, string[]>>({});
  copies = $state<{ clientId: number; list: ClientProtocol[] } | null>(null);

  titleError = $state<string | undefined>(undefined);
  blockErrors = $state<Map<number, string[]>>(new Map());
  otherErrors = $state<string[]>([]);

  readonly clientId = $derived(this.clientValue === "" ? null : Number(this.clientValue));
  readonly clientName = $derived(
    this.clientId === null
      ? null
      : (this.clients.find((client) => client.id === this.clientId)?.name ?? null),
  );
  readonly clientCopies = $derived(
    this.clientId !== null && this.copies?.clientId === this.clientId ? this.copies.list : null,
  );
  readonly hasProtocolBlock = $derived(
    this.blocks.some((entry) => entry.block.kind === "protocol_phase"),
  );
  readonly draft = $derived(toHandoutDraft(this.title, this.clientId, this.blocks));
  readonly usedSectionIds = $derived(
    new Set(
      this.blocks.flatMap((entry) =>
        entry.block.kind === "article_section" ? [entry.block.sectionId] : [],
      ),
    ),
  );

  // Her draft stays while CoachDesk runs: leaving and coming back finds it as she left it.
  // It is dropped once exported (unless changed after), or when she starts over.
  // (App re-creates the composer when the place it was opened from changes.)
  private readonly keptUnder: string;
  /** True when the composer opened on a draft she had left. */
  private readonly restored: boolean;
  draftWasKept = $state(false);
  /** The draft as last exported, so an unchanged exported draft is not kept. */
  private exportedAs = "";

  /** The one section of that article to start with (a suggestion for her), if any. */
  readonly sectionId: number | null;

  constructor(
    initialClientId: number | null,
    articleId: number | null,
    sectionId: number | null = null,
  ) {
    this.initialClientId = initialClientId;
    this.articleId = articleId;
    this.sectionId = sectionId;
    this.keptUnder = draftKey(initialClientId, articleId, sectionId);
    const restored = takeDraft(this.keptUnder);
    if (restored !== null) {
      this.title = restored.title;
      this.clientValue = restored.clientValue;
      this.blocks = restored.blocks;
      this.nextKey = Math.max(0, ...restored.blocks.map((entry) => entry.key)) + 1;
    }
    this.restored = restored !== null;
    this.draftWasKept = restored !== null;
  }

  private keyed(block: HandoutBlock): ComposerBlock {
    return { key: this.nextKey++, block };
  }

  /** True while the composer is as it opened: nothing to keep. */
  private untouched(): boolean {
    const openedTitle = this.articleId !== null ? (this.articles[this.articleId]?.title ?? "") : "";
    const openedClient = this.initialClientId !== null ? String(this.initialClientId) : "";
    return (
      (this.title.trim() === "" || this.title === openedTitle) &&
      this.clientValue === openedClient &&
      JSON.stringify(this.blocks.map((entry) => entry.block)) === JSON.stringify(initialBlocks())
    );
  }

  /** Keeps her draft for when she comes back (when the composer closes). */
  keep(): void {
    const now = $state.snapshot({
      title: this.title,
      clientValue: this.clientValue,
      blocks: this.blocks,
    });
    if (this.untouched()) dropDraft(this.keptUnder);
    else if (JSON.stringify(now) !== this.exportedAs) keepDraft(this.keptUnder, now);
  }

  startOver(): void {
    dropDraft(this.keptUnder);
    this.title = this.articleId !== null ? (this.articles[this.articleId]?.title ?? "") : "";
    this.clientValue = this.initialClientId !== null ? String(this.initialClientId) : "";
    this.blocks = initialBlocks().map((block) => this.keyed(block));
    this.clearProblems();
    this.draftWasKept = false;
  }

  /** Loads the clients, the logo and the article it was opened from (once it is on screen). */
  load(): void {
    const initialClientId = this.initialClientId;
    const articleId = this.articleId;
    if (this.restored) showToast("Your handout draft is as you left it.");
    else if (initialClientId !== null) this.clientValue = String(initialClientId);
    currentClients(10_000)
      .then(async (page) => {
        let list = page.clients;
        // A client opened from an archived record is not in the everyday list; add her.
        if (initialClientId !== null && !list.some((client) => client.id === initialClientId)) {
          const client = await getClient(initialClientId);
          list = [...list, { ...client }];
        }
        this.clients = list;
      })
      .catch(showError)
      .finally(() => (this.clientsLoaded = true));
    if (session.practice?.hasLogo) {
      getLogo()
        .then((url) => (this.logo = url))
        .catch(() => (this.logo = null));
    }
    if (articleId !== null) {
      getArticle(articleId)
        .then((article) => {
          this.articles[article.id] = article;
          if (this.title.trim() === "" && !this.restored) this.title = article.title;
          const section = article.sections.find((s) => s.id === this.sectionId);
          if (section !== undefined && !this.restored) this.addSections(article, [section.id]);
        })
        .catch(showError);
    }
  }

  // The preview follows every change at once; only the newest answer is shown.
  private readonly previews = new Latest<HandoutDraft, Preview>({
    ask: previewHandout,
    show: (result) => {
      this.preview = result;
      this.previewError = "";
    },
    fail: (error) => {
      this.previewError =
        error instanceof UserError ? error.message : "The preview couldn't be updated just now.";
    },
    busy: (busy) => (this.previewing = busy),
  });

  /** Asks for a preview of the draft as it is now. */
  updatePreview(): void {
    this.previews.ask(previewDraft(this.draft));
  }

  // Templates are fetched once a protocol block is in the handout; each template's phases when
  // a block shows it.
  private templatesAsked = false;
  askTemplates(): void {
    if (!this.hasProtocolBlock || this.templatesAsked) return;
    this.templatesAsked = true;
    listProtocolTemplates()
      .then((found) => (this.templates = found))
      .catch((error: unknown) => {
        this.templatesAsked = false;
        showError(error);
      });
  }

  private readonly phasesAsked = new Set<number>();
  wantTemplate(id: number): void {
    if (this.phasesAsked.has(id)) return;
    this.phasesAsked.add(id);
    getProtocolTemplate(id)
      .then((detail) => {
        this.templatePhases[id] = detail.current.phases.map((phase) => phase.name);
      })
      .catch((error: unknown) => {
        this.phasesAsked.delete(id);
        showError(error);
      });
  }

  // Her own protocols, for the client chosen now; only the newest answer counts.
  private copiesTicket = 0;
  askCopies(): void {
    const id = this.clientId;
    const ticket = ++this.copiesTicket;
    if (id === null) return;
    protocolsForClient(id)
      .then((list) => {
        if (ticket === this.copiesTicket) this.copies = { clientId: id, list };
      })
      .catch((error: unknown) => {
        if (ticket === this.copiesTicket) showError(error);
      });
  }

  /** Another client's copy must not be printed for her: show its template instead. */
  changeClient(value: string): void {
    // `copies` still holds the previous client's protocols: the new ones load afterwards.
    if (this.copies === null || String(this.copies.clientId) === value) return;
    const was = this.copies.list;
    this.blocks = withoutClientCopies(
      this.blocks,
      (copyId) => was.find((item) => item.id === copyId)?.templateId ?? null,
    );
  }

  setProtocolBlock(entry: ComposerBlock, next: ProtocolPhaseBlock): void {
    entry.block = next;
  }

  /** Focuses the first of `selectors` found in the block, once the screen has caught up. */
  private focusIn(key: number, ...selectors: string[]) {
    void tick().then(() => {
      for (const selector of selectors) {
        const node = document.querySelector<HTMLElement>(`[data-block-key="${key}"] ${selector}`);
        if (node !== null) {
          node.focus();
          return;
        }
      }
    });
  }

  add(kind: Exclude<BlockKind, "article_section">): void {
    let block = newBlock(kind);
    // A protocol block for a client starts on her current protocol, at the phase she is in.
    const current = this.clientCopies?.find((item) => item.status !== "completed");
    if (kind === "protocol_phase" && current !== undefined) {
      block = withProtocolSource(`copy:${current.id}`, current.currentPhase);
    }
    const entry = this.keyed(block);
    const at = insertionIndex(
      this.blocks.map((item) => item.block),
      kind,
    );
    this.blocks = insertItems(this.blocks, at, [entry]);
    this.removed = null;
    this.focusIn(entry.key, "textarea", "select", "[data-step]", ".block-head");
  }

  addSections(article: Article, sectionIds: number[]): void {
    this.articles[article.id] = article;
    const entries = sectionIds.map((sectionId) =>
      this.keyed({ kind: "article_section", articleId: article.id, sectionId }),
    );
    const at = insertionIndex(
      this.blocks.map((item) => item.block),
      "article_section",
    );
    this.blocks = insertItems(this.blocks, at, entries);
    if (this.title.trim() === "") this.title = article.title;
    this.pickerOpen = false;
    this.removed = null;
    const first = entries[0];
    if (first) this.focusIn(first.key, ".block-head");
  }

  move(index: number, delta: number): void {
    const entry = this.blocks[index];
    if (entry === undefined) return;
    this.blocks = moveItem(this.blocks, index, delta);
    const target = index + delta;
    // Focus stays on the button pressed, or moves to its twin once the block reaches that end.
    let button = delta < 0 ? "block-up" : "block-down";
    if (target === 0) button = "block-down";
    else if (target === this.blocks.length - 1) button = "block-up";
    this.focusIn(entry.key, `[data-testid="${button}"]`);
  }

  remove(index: number): void {
    const entry = this.blocks[index];
    if (entry === undefined) return;
    this.blocks = removeItem(this.blocks, index);
    this.removed = { entry, index };
    this.blockErrors = new Map();
    void tick().then(() => document.getElementById("block-undo")?.focus());
  }

  undoRemove(): void {
    if (this.removed === null) return;
    const { entry, index } = this.removed;
    this.blocks = insertItems(this.blocks, index, [entry]);
    this.removed = null;
    this.focusIn(entry.key, '[data-testid="block-remove"]');
  }

  addStep(entry: ComposerBlock, after: number): void {
    if (entry.block.kind !== "next_steps") return;
    entry.block.items.splice(after + 1, 0, "");
    this.focusIn(entry.key, `[data-step="${after + 1}"]`);
  }

  removeStep(entry: ComposerBlock, index: number): void {
    if (entry.block.kind !== "next_steps") return;
    entry.block.items.splice(index, 1);
    const next = Math.min(index, entry.block.items.length - 1);
    this.focusIn(entry.key, `[data-step="${next}"]`, '[data-testid="next-step-add"]');
  }

  sectionOf(block: HandoutBlock) {
    if (block.kind !== "article_section") return null;
    const article = this.articles[block.articleId];
    const section = article?.sections.find((item) => item.id === block.sectionId);
    return { article, section };
  }

  clearProblems(): void {
    this.titleError = undefined;
    this.blockErrors = new Map();
    this.otherErrors = [];
  }

  /**
   * Shows the backend's objections to the handout beside the title and blocks, and focuses the
   * first. With `onlyInline`, objections that point at neither are left to the caller (false).
   */
  private showProblems(error: UserError, onlyInline = false): boolean {
    const sorted = handoutFieldErrors(error.fields);
    const inline = Boolean(sorted.title) || sorted.blocks.size > 0;
    if (onlyInline && !inline) return false;
    this.titleError = sorted.title;
    this.blockErrors = sorted.blocks;
    this.otherErrors = sorted.other.length > 0 || inline ? sorted.other : [error.message];
    void tick().then(() => {
      const firstBlock = [...sorted.blocks.keys()].sort((a, b) => a - b)[0];
      if (sorted.title) document.getElementById("handout-title")?.focus();
      else if (firstBlock !== undefined) {
        const entry = this.blocks[firstBlock];
        if (entry) this.focusIn(entry.key, "textarea", "input", ".block-head");
      }
    });
    return true;
  }

  async exportPdf(): Promise<void> {
    if (this.exporting || this.blocks.length === 0) return;
    this.exporting = true;
    try {
      const path = await exportHandout(this.draft);
      this.clearProblems();
      if (path !== null) {
        this.exportedAs = JSON.stringify(
          $state.snapshot({
            title: this.title,
            clientValue: this.clientValue,
            blocks: this.blocks,
          }),
        );
        showSaved(path, openExported);
      }
    } catch (error) {
      if (error instanceof UserError && error.isInvalid) this.showProblems(error);
      else showError(error);
    } finally {
      this.exporting = false;
    }
  }

  /** Prints the handout (the print dialog), recorded for her as an export is. */
  async printPdf(): Promise<void> {
    if (this.exporting || this.blocks.length === 0) return;
    this.exporting = true;
    try {
      await printOrOfferExport(
        "The handout",
        () => printHandout(this.draft),
        () => exportHandout(this.draft),
      );
    } finally {
      this.exporting = false;
    }
  }

  /** A bulk export refused the handout itself: close the modal and point at what to fix. */
  bulkProblem(error: UserError): boolean {
    if (!this.showProblems(error, true)) return false;
    this.bulkOpen = false;
    return true;
  }
}
