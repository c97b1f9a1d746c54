// Generated from the Rust types by `make types` (src-tauri/src/bindings.rs). Do not edit.

export type ClientStatus = "lead" | "consult_booked" | "active" | "paused" | "alumni" | "not_a_fit";

export type MsType = "unknown" | "rrms" | "spms" | "ppms" | "cis";

export type PaperSize = "letter" | "a4";

export type ClientSort = "name" | "recent" | "created";

export type Practice = { practiceName: string, coachName: string, credentials: string, tagline: string, email: string, phone: string, website: string, bookingUrl: string, brandColor: string, paperSize: PaperSize, disclaimer: string, 
/**
 * Straight quotes and apostrophes print as typographic ones (" → “ ”, ' → ’) in handouts.
 */
typographicQuotes: boolean, hasLogo: boolean, updatedAt: string, };

export type PracticeInput = { practiceName: string, coachName: string, credentials: string, tagline: string, email: string, phone: string, website: string, bookingUrl: string, brandColor: string, paperSize: PaperSize, disclaimer: string, typographicQuotes: boolean, };

export type FirstRunInput = { practiceName: string, coachName: string, };

export type Client = { id: number, name: string, preferredName: string, email: string, phone: string, birthDate: string | null, status: ClientStatus, tags: Array<string>, msType: MsType, diagnosisYear: number | null, medications: string, lastRelapse: string | null, otherConditions: string, allergies: string, dietApproach: string, supplements: string, goals: string, referralSource: string, notes: string, archivedAt: string | null, createdAt: string, updatedAt: string, };

export type ClientInput = { name: string, preferredName: string, email: string, phone: string, birthDate: string | null, status: ClientStatus, tags: Array<string>, msType: MsType, diagnosisYear: number | null, medications: string, lastRelapse: string | null, otherConditions: string, allergies: string, dietApproach: string, supplements: string, goals: string, referralSource: string, notes: string, };

export type ClientSummary = { id: number, name: string, preferredName: string, email: string, status: ClientStatus, tags: Array<string>, archivedAt: string | null, updatedAt: string, };

export type ClientQuery = { search: string, status: ClientStatus | null, archived: boolean, sort: ClientSort, offset: number, limit: number, };

export type StatusCount = { status: ClientStatus, count: number, };

export type ClientPage = { clients: Array<ClientSummary>, 
/**
 * How many clients match the whole query (all pages).
 */
total: number, 
/**
 * Matches per status for the search and archived filter, ignoring the status filter.
 */
statusCounts: Array<StatusCount>, };

export type TimelineKind = "created" | "status_changed" | "archived" | "restored" | "edited" | "consult_booked" | "consult_changed" | "consult_completed" | "consult_no_show" | "consult_cancelled" | "follow_up_added" | "follow_up_done" | "handout_given" | "protocol_assigned" | "protocol_changed" | "food_tested" | "check_in" | "lab_added";

export type TimelineEvent = { id: number, clientId: number, kind: TimelineKind, summary: string, occurredAt: string, 
/**
 * The consult this event is about, if any.
 */
consultId: number | null, };

export type FieldProblem = { 
/**
 * The camelCase name of the input field, as the UI knows it.
 */
field: string, 
/**
 * What is wrong, in words the coach understands.
 */
reason: string, };

export type ErrorCode = "not_found" | "invalid" | "conflict" | "wrong_file" | "unreadable" | "pdf" | "migration" | "no_printer" | "newer_schema" | "damaged" | "locked" | "storage" | "io" | "internal";

export type IpcError = { code: ErrorCode, 
/**
 * A sentence the coach can act on.
 */
message: string, 
/**
 * For validation errors: one problem per field, shown next to that field.
 */
fields: Array<FieldProblem>, };

export type AppInfo = { version: string, dataDir: string, databasePath: string, };

export type ConsultKind = "free_consult" | "initial_session" | "follow_up" | "check_in";

export type ConsultStatus = "scheduled" | "completed" | "no_show" | "cancelled";

export type TemplateKey = "discovery" | "coaching";

export type NoteSection = { heading: string, body: string, };

export type Consult = { id: number, clientId: number, clientName: string, kind: ConsultKind, 
/**
 * UTC RFC 3339.
 */
scheduledAt: string, durationMinutes: number, status: ConsultStatus, templateName: string, sections: Array<NoteSection>, notesUpdatedAt: string | null, createdAt: string, updatedAt: string, };

export type ConsultInput = { clientId: number, kind: ConsultKind, 
/**
 * Any RFC 3339 instant (the UI sends UTC); stored in UTC.
 */
scheduledAt: string, durationMinutes: number, template: TemplateKey, };

export type ConsultChange = { kind: ConsultKind, scheduledAt: string, durationMinutes: number, status: ConsultStatus, };

export type ConsultSummary = { id: number, clientId: number, clientName: string, kind: ConsultKind, scheduledAt: string, durationMinutes: number, status: ConsultStatus, };

export type NoteSaved = { updatedAt: string, revisionCount: number, };

export type NoteRevision = { id: number, consultId: number, savedAt: string, sections: Array<NoteSection>, };

export type NoteTemplate = { key: TemplateKey, name: string, headings: Array<string>, updatedAt: string, };

export type NoteTemplateInput = { name: string, headings: Array<string>, };

export type FollowUp = { id: number, clientId: number, clientName: string, title: string, 
/**
 * Local calendar date, YYYY-MM-DD.
 */
dueDate: string | null, doneAt: string | null, createdAt: string, };

export type FollowUpInput = { clientId: number, title: string, dueDate: string | null, };

export type NotSeenClient = { client: ClientSummary, 
/**
 * When her last completed consult was (UTC), if she ever had one.
 */
lastSeen: string | null, };

export type Dashboard = { 
/**
 * The coach's local date the dashboard was made for.
 */
today: string, todayConsults: Array<ConsultSummary>, 
/**
 * Scheduled consults from tomorrow through the next seven days.
 */
weekConsults: Array<ConsultSummary>, overdueFollowUps: Array<FollowUp>, 
/**
 * Open follow-ups due today or in the next seven days.
 */
upcomingFollowUps: Array<FollowUp>, leadsWithoutConsult: Array<ClientSummary>, notSeenRecently: Array<NotSeenClient>, };

export type PipelineColumn = { status: ClientStatus, count: number, 
/**
 * The most recently updated clients of this status (up to 100).
 */
clients: Array<ClientSummary>, };

export type SearchKind = "client" | "consult" | "article" | "protocol";

export type SnippetPart = { text: string, hit: boolean, };

export type SearchHit = { kind: SearchKind, 
/**
 * The client's id, the consult's, the article's, or the protocol template's.
 */
id: number, 
/**
 * The client the hit belongs to (none for an article or a template).
 */
clientId: number | null, title: string, subtitle: string, snippet: Array<SnippetPart>, };

export type DraftSection = { heading: string, 
/**
 * Paragraphs, in order; a list item is a paragraph starting with "• ".
 */
paragraphs: Array<string>, };

export type ArticleDraft = { title: string, 
/**
 * A series name such as "MSMonday", from a title line "MSMonday: …" or a WordPress category.
 */
series: string, 
/**
 * A one-paragraph tagline or bio found before the title.
 */
tagline: string, sections: Array<DraftSection>, 
/**
 * The closing call to action (e.g. "Book a free consult call …").
 */
callToAction: string, tags: Array<string>, 
/**
 * The file it came from (and the post's position within a WordPress export).
 */
source: string, 
/**
 * The day it was published (`YYYY-MM-DD`), from front matter, the WordPress export or
 * the document's properties; empty when unknown.
 */
published: string, 
/**
 * A WordPress post that was not published (a draft, private, scheduled or pending).
 */
status: PostStatus, 
/**
 * What the importer wants her to check, and what it left out.
 */
notes: Array<DraftNote>, };

export type ImportProblem = { file: string, reason: string, };

export type PostStatus = "published" | "draft" | "private" | "pending" | "scheduled";

export type NoteKind = "check" | "leftOut";

export type DraftNote = { kind: NoteKind, text: string, };

export type LeftOut = { file: string, what: string, };

export type BackupReason = "manual" | "daily" | "atQuit" | "beforeRestore";

export type Backup = { fileName: string, path: string, createdAt: string, reason: BackupReason, bytes: number, appVersion: string, schemaVersion: number, clients: number, consults: number, files: number, articles: number, 
/**
 * The database inside is encrypted.
 */
encrypted: boolean, };

export type Restored = { 
/**
 * The backup now in use.
 */
from: Backup, 
/**
 * The data as it was just before, saved as a backup so the restore can be undone.
 */
beforeRestore: Backup, };

export type TakenOut = { 
/**
 * Backups written again without her.
 */
rewritten: number, 
/**
 * Backups that could not be read (damaged): left as they are.
 */
unreadable: number, };

export type BackupOverview = { 
/**
 * Newest first.
 */
backups: Array<Backup>, copyFolder: string | null, 
/**
 * When the newest backup in the second place was made (None if none, or unreachable).
 */
lastCopyAt: string | null, copyReachable: boolean, 
/**
 * A gentle reminder when nothing has been backed up outside this computer for 7 days.
 */
reminder: string | null, };

export type ClientExport = { path: string, 
/**
 * The files inside, in order.
 */
files: Array<string>, };

export type PracticeExport = { path: string, clients: number, consults: number, files: number, rows: number, bytes: number, };

export type PracticeImport = { clients: number, consults: number, files: number, 
/**
 * True when the file was a backup, restored rather than read row by row.
 */
wasBackup: boolean, };

export type BackupStatus = { overview: BackupOverview, notices: Array<string>, };

export type LockState = { encrypted: boolean, locked: boolean, 
/**
 * The idle lock (None: never).
 */
lockAfterMinutes: number | null, 
/**
 * A practice of an older schema is being brought up to date: the window waits and says so.
 */
upgrading: boolean, };

export type ComfortView = { textSize: number, textSizes: Array<number>, theme: Theme, };

export type EncryptionStatus = { on: boolean, 
/**
 * Lock after this many idle minutes (None: never).
 */
lockAfterMinutes: number | null, };

export type TurnedOn = { 
/**
 * Shown once, for her to print or write down; CoachDesk never stores it.
 */
recoveryKey: string, 
/**
 * Backups and pre-migration copies encrypted with it.
 */
copies: number, };

export type DuplicateOf = { id: number, title: string, };

export type PreviewDraft = { draft: ArticleDraft, 
/**
 * An article already in the library (or earlier in this batch) with the same words.
 */
duplicateOf: DuplicateOf | null, };

export type ImportPreview = { drafts: Array<PreviewDraft>, problems: Array<ImportProblem>, leftOut: Array<LeftOut>, };

export type ArticleSection = { id: number, heading: string, paragraphs: Array<string>, };

export type Article = { id: number, title: string, series: string, tagline: string, callToAction: string, tags: Array<string>, source: string, 
/**
 * The day it was published on her blog (`YYYY-MM-DD`), or empty.
 */
published: string, sections: Array<ArticleSection>, createdAt: string, updatedAt: string, };

export type ArticleSummary = { id: number, title: string, series: string, tags: Array<string>, sectionCount: number, published: string, updatedAt: string, };

export type HandoutBlock = { "kind": "article_section", articleId: number, sectionId: number, } | { "kind": "intro", text: string, } | { "kind": "free_text", text: string, } | { "kind": "next_steps", title: string, items: Array<string>, } | { "kind": "protocol_phase", clientProtocolId: number | null, templateId: number | null, phase: number, } | { "kind": "call_to_action" } | { "kind": "disclaimer" };

export type HandoutDraft = { title: string, clientId: number | null, blocks: Array<HandoutBlock>, };

export type ResolvedBlock = { "kind": "heading", text: string, } | { "kind": "paragraph", text: string, } | { "kind": "bullets", items: Array<string>, } | { "kind": "checklist", title: string, items: Array<string>, } | { "kind": "call_to_action", text: string, label: string, url: string, } | { "kind": "disclaimer", text: string, } | { "kind": "columns", leftTitle: string, left: Array<string>, rightTitle: string, right: Array<string>, };

export type Printable = { title: string, preparedFor: string | null, dateLabel: string, blocks: Array<ResolvedBlock>, 
/**
 * Characters no PDF font can print (a rare script): they are left out, and the coach told.
 */
unprintable: Array<string>, 
/**
 * For the coach's own use (the client summary, the prep sheet): the disclaimer written
 * for clients is left off.
 */
coachOnly: boolean, };

export type StyledText = { text: string, emphasis: boolean, strong: boolean, };

export type Preview = { doc: Printable, 
/**
 * For each block, the styled stretches of each of its texts: a paragraph's one text, each
 * bullet of a list. Empty for a block that prints its text plain.
 */
styled: Array<Array<Array<StyledText>>>, };

export type GivenHandout = { id: number, clientId: number, title: string, fileName: string, givenAt: string, };

export type BulkExport = { folder: string, written: number, total: number, cancelled: boolean, };

export type BulkProgress = { done: number, total: number, clientName: string, };

export type ItemKind = "food_include" | "food_avoid" | "supplement" | "sleep" | "stress" | "movement" | "mindset";

export type ProtocolItem = { kind: ItemKind, text: string, 
/**
 * Supplements only: e.g. "1 capsule".
 */
dose: string, 
/**
 * Supplements only: e.g. "with breakfast".
 */
timing: string, notes: string, };

export type Phase = { 
/**
 * Which phase this is within its protocol, kept when phases are renamed, reordered or
 * others removed, so her current phase and the chart's bands follow the phase, not its
 * place. 0 for a phase just added: saving gives it the next number. (Phases stored
 * before ids existed are numbered by their place when read.)
 */
id: number, name: string, 
/**
 * Free text, e.g. "30–90 days".
 */
duration: string, aims: string, items: Array<ProtocolItem>, };

export type ProtocolDraft = { name: string, summary: string, phases: Array<Phase>, };

export type TemplateSummary = { id: number, name: string, summary: string, version: number, phaseCount: number, updatedAt: string, 
/**
 * How many clients were given a copy of any version.
 */
assignedCount: number, };

export type TemplateVersion = { templateId: number, version: number, name: string, summary: string, phases: Array<Phase>, createdAt: string, isCurrent: boolean, };

export type VersionInfo = { version: number, name: string, createdAt: string, };

export type TemplateDetail = { current: TemplateVersion, 
/**
 * Newest first.
 */
versions: Array<VersionInfo>, };

export type ProtocolStatus = "active" | "paused" | "completed";

export type ProtocolEventKind = "phase" | "paused" | "resumed" | "completed";

export type ProtocolEvent = { kind: ProtocolEventKind, 
/**
 * Index into `phases`.
 */
phase: number, onDate: string, };

export type ClientProtocol = { id: number, clientId: number, templateId: number | null, templateVersion: number | null, name: string, summary: string, phases: Array<Phase>, startDate: string, 
/**
 * Index into `phases`.
 */
currentPhase: number, status: ProtocolStatus, 
/**
 * Oldest first.
 */
history: Array<ProtocolEvent>, };

export type AssignInput = { clientId: number, templateId: number, 
/**
 * `YYYY-MM-DD`.
 */
startDate: string, };

export type ProtocolStep = "advance" | "pause" | "resume" | "complete";

export type FoodStatus = "untested" | "testing" | "tolerated" | "reacted" | "retest_later";

export type Food = { id: number, name: string, 
/**
 * 1 (least likely to react) to 4.
 */
stage: number, notes: string, };

export type FoodInput = { name: string, stage: number, notes: string, };

export type ClientFood = { foodId: number, name: string, stage: number, status: FoodStatus, 
/**
 * For a reaction: when the coach recorded that it settled (`None` while unresolved).
 */
settledOn: string | null, lastLoggedOn: string | null, };

export type LogEntry = { id: number, foodId: number, foodName: string, onDate: string, amount: string, symptoms: string, 
/**
 * 0 none, 1 mild, 2 moderate, 3 severe.
 */
severity: number, outcome: FoodStatus, notes: string, };

export type LogInput = { clientId: number, foodId: number, onDate: string, amount: string, symptoms: string, severity: number, 
/**
 * Her status for the food after this entry (not `untested`).
 */
outcome: FoodStatus, notes: string, };

export type ReintroBoard = { clientId: number, 
/**
 * The whole catalogue by stage, with her status for each.
 */
foods: Array<ClientFood>, 
/**
 * Newest first.
 */
log: Array<LogEntry>, };

export type LogResult = { board: ReintroBoard, warnings: Array<string>, };

export type Symptom = { id: number, name: string, 
/**
 * Archived symptoms keep their history but are no longer asked about.
 */
archived: boolean, };

export type Rating = { symptomId: number, 
/**
 * 0 (none) to 10 (worst, or for energy, mood and sleep quality: best).
 */
value: number, };

export type CheckInInput = { clientId: number, onDate: string, notes: string, 
/**
 * Symptoms she did not rate are simply left out.
 */
ratings: Array<Rating>, };

export type CheckIn = { id: number, clientId: number, onDate: string, notes: string, ratings: Array<Rating>, };

export type Series = { symptomId: number, name: string, values: Array<number | null>, };

export type PhaseBand = { label: string, from: string, 
/**
 * `None` while the phase is still going on.
 */
to: string | null, };

export type FoodMarker = { onDate: string, food: string, outcome: FoodStatus, };

export type Chart = { 
/**
 * Every check-in date, oldest first.
 */
dates: Array<string>, series: Array<Series>, bands: Array<PhaseBand>, markers: Array<FoodMarker>, };

export type LabFile = { id: number, originalName: string, sizeBytes: number, addedAt: string, };

export type Lab = { id: number, clientId: number, name: string, takenOn: string, summary: string, files: Array<LabFile>, };

export type LabInput = { clientId: number, name: string, takenOn: string, summary: string, };

export type NoteLine = { heading: string, 
/**
 * At most [`NOTE_CHARS`], cut between words with an ellipsis.
 */
text: string, 
/**
 * True when `text` was shortened: the screen offers "more".
 */
shortened: boolean, };

export type LastConsult = { id: number, 
/**
 * "Free consult call, Tue 3 Nov 2026".
 */
title: string, sections: Array<NoteLine>, };

export type FollowUpLine = { title: string, dueDate: string | null, overdue: boolean, };

export type ProtocolLine = { name: string, phase: string, paused: boolean, daysInPhase: number, 
/**
 * "Next: Reintroduction, stage 1 (2–6 weeks): bring back one food at a time…"; None on
 * the last phase.
 */
next: string | null, };

export type ReintroLine = { testing: Array<string>, tolerated: Array<string>, toRetry: Array<string>, 
/**
 * "Egg yolks started 2 days ago: 3 more days before the next new food."
 */
timing: string | null, };

export type Trend = { symptom: string, last: number, 
/**
 * Her average over the 30 days before the last check-in (that one included).
 */
average30: number, 
/**
 * Her last ratings, oldest first (at most 10), for a small sparkline.
 */
recent: Array<number>, };

export type LabLine = { name: string, takenOn: string, summary: string, };

export type SuggestionSource = "note" | "protocol" | "symptom" | "reintro" | "conditions" | "goals";

export type Reason = { source: SuggestionSource, because: string, words: Array<string>, };

export type Suggestion = { sectionId: number, articleId: number, articleTitle: string, 
/**
 * The section's heading (empty for an article's untitled opening).
 */
heading: string, 
/**
 * The start of the section's text.
 */
excerpt: string, 
/**
 * "Mentions bone broth and leaky gut, from her last note; fatigue, as her fatigue is
 * getting worse".
 */
why: string, reasons: Array<Reason>, 
/**
 * When a handout with this section was given to her (the date), if one was.
 */
givenOn: string | null, 
/**
 * Relative to the best suggestion (1.0).
 */
score: number, };

export type Suggestions = { clientId: number, suggestions: Array<Suggestion>, 
/**
 * How many articles the library holds (0: the screen explains how to import them).
 */
articles: number, 
/**
 * What was looked at, for "Based on …": "her last note", "her fatigue is getting worse".
 */
lookedAt: Array<string>, };

export type PrepSheet = { clientId: number, 
/**
 * Her preferred name, or her name.
 */
called: string, name: string, status: ClientStatus, 
/**
 * "RRMS, diagnosed 2019 (7 years ago)"; empty when nothing is recorded.
 */
ms: string, goals: string, 
/**
 * "Working with you for 3 months" (since her record was created).
 */
withYou: string, lastConsult: LastConsult | null, 
/**
 * Open ones, overdue first, then by due date.
 */
followUps: Array<FollowUpLine>, protocol: ProtocolLine | null, reintro: ReintroLine | null, trends: Array<Trend>, 
/**
 * The newest three.
 */
labs: Array<LabLine>, 
/**
 * Titles and dates of what she was given, newest first.
 */
handoutsGiven: Array<string>, 
/**
 * Her best three suggested article sections, each with its reason.
 */
suggested: Array<Suggestion>, };

export type Theme = "system" | "light" | "dark" | "contrast";

/** Printed beside every supplement, wherever it appears. */
export const SUPPLEMENT_CAUTION = "Discuss with your doctor before starting.";

/** A client's statuses, in the order the status select and the pipeline show them. */
export const CLIENT_STATUSES: readonly ClientStatus[] = ["lead","consult_booked","active","paused","alumni","not_a_fit"];

/** How the window, search, the timeline and her summary PDF name each status. */
export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  lead: "Lead",
  consult_booked: "Consult booked",
  active: "Active",
  paused: "Paused",
  alumni: "Alumni",
  not_a_fit: "Not a fit",
};

/** The kinds of consult, in the order the booking form offers them. */
export const CONSULT_KINDS: readonly ConsultKind[] = ["free_consult","initial_session","follow_up","check_in"];

/** How the window, the timeline, calendar files and her summary PDF name each kind of consult. */
export const CONSULT_KIND_LABELS: Record<ConsultKind, string> = {
  free_consult: "Free consult call",
  initial_session: "Initial session",
  follow_up: "Follow-up",
  check_in: "Check-in",
};

/** The window's colours, in the order Settings offers them. */
export const THEMES: readonly Theme[] = ["system","light","dark","contrast"];

/** How Settings names each theme. */
export const THEME_LABELS: Record<Theme, string> = {
  system: "Follow the system",
  light: "Light",
  dark: "Dark",
  contrast: "High contrast",
};

/** Every kind of protocol item, in the order the editor offers them. */
export const ITEM_KINDS: readonly ItemKind[] = ["food_include","food_avoid","supplement","sleep","stress","movement","mindset"];

/** One item of each kind, as the kind select names it. */
export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  food_include: "Foods to enjoy",
  food_avoid: "Foods to avoid",
  supplement: "Supplement",
  sleep: "Sleep",
  stress: "Stress",
  movement: "Movement",
  mindset: "Mindset practice",
};

/** The heading each kind of item is printed under. */
export const ITEM_GROUP_LABELS: Record<ItemKind, string> = {
  food_include: "Foods to enjoy",
  food_avoid: "Foods to avoid",
  supplement: "Supplements",
  sleep: "Sleep",
  stress: "Stress",
  movement: "Movement",
  mindset: "Mindset practice",
};

/** Sleep, stress, movement and mindset: the lifestyle part of a phase, in order. */
export const LIFESTYLE_KINDS: readonly ItemKind[] = ["sleep","stress","movement","mindset"];

/** The steps the backend accepts for a protocol in each status, on its last phase
 * and on any other. */
export const ALLOWED_STEPS: Record<
  ProtocolStatus,
  { lastPhase: ProtocolStep[]; otherPhase: ProtocolStep[] }
> = {
  active: { lastPhase: ["pause","complete"], otherPhase: ["advance","pause","complete"] },
  paused: { lastPhase: ["resume","complete"], otherPhase: ["resume","complete"] },
  completed: { lastPhase: [], otherPhase: [] },
};
