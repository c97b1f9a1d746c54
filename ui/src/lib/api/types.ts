// Generated from the Rust types by `make types` (src-tauri/src/bindings.rs). Do not edit.

export type ClientStatus = "lead" | "consult_booked" | "active" | "paused" | "alumni" | "not_a_fit";

export type MsType = "unknown" | "rrms" | "spms" | "ppms" | "cis";

export type PaperSize = "letter" | "a4";

export type ClientSort = "name" | "recent" | "created";

export type Practice = { practiceName: string, coachName: string, credentials: string, tagline: string, email: string, phone: string, website: string, bookingUrl: string, brandColor: string, paperSize: PaperSize, disclaimer: string, hasLogo: boolean, updatedAt: string, };

export type PracticeInput = { practiceName: string, coachName: string, credentials: string, tagline: string, email: string, phone: string, website: string, bookingUrl: string, brandColor: string, paperSize: PaperSize, disclaimer: string, };

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

export type TimelineKind = "created" | "status_changed" | "archived" | "restored" | "edited" | "consult_booked" | "consult_changed" | "consult_completed" | "consult_no_show" | "consult_cancelled" | "follow_up_added" | "follow_up_done" | "handout_given";

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

export type ErrorCode = "not_found" | "invalid" | "conflict" | "newer_schema" | "storage" | "io" | "internal";

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

export type SearchKind = "client" | "consult" | "article";

export type SnippetPart = { text: string, hit: boolean, };

export type SearchHit = { kind: SearchKind, 
/**
 * The client's id, the consult's, or the article's.
 */
id: number, 
/**
 * The client the hit belongs to (none for an article).
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
source: string, };

export type ImportProblem = { file: string, reason: string, };

export type DuplicateOf = { id: number, title: string, };

export type PreviewDraft = { draft: ArticleDraft, 
/**
 * An article already in the library (or earlier in this batch) with the same words.
 */
duplicateOf: DuplicateOf | null, };

export type ImportPreview = { drafts: Array<PreviewDraft>, problems: Array<ImportProblem>, };

export type ArticleSection = { id: number, heading: string, paragraphs: Array<string>, };

export type Article = { id: number, title: string, series: string, tagline: string, callToAction: string, tags: Array<string>, source: string, sections: Array<ArticleSection>, createdAt: string, updatedAt: string, };

export type ArticleSummary = { id: number, title: string, series: string, tags: Array<string>, sectionCount: number, updatedAt: string, };

export type HandoutBlock = { "kind": "article_section", articleId: number, sectionId: number, } | { "kind": "intro", text: string, } | { "kind": "free_text", text: string, } | { "kind": "next_steps", title: string, items: Array<string>, } | { "kind": "call_to_action" } | { "kind": "disclaimer" };

export type HandoutDraft = { title: string, clientId: number | null, blocks: Array<HandoutBlock>, };

export type ResolvedBlock = { "kind": "heading", text: string, } | { "kind": "paragraph", text: string, } | { "kind": "bullets", items: Array<string>, } | { "kind": "checklist", title: string, items: Array<string>, } | { "kind": "call_to_action", text: string, label: string, url: string, } | { "kind": "disclaimer", text: string, };

export type HandoutPreview = { title: string, preparedFor: string | null, dateLabel: string, blocks: Array<ResolvedBlock>, 
/**
 * Characters no PDF font can print (e.g. emoji): they are left out, and the coach told.
 */
unprintable: Array<string>, };

export type GivenHandout = { id: number, clientId: number, title: string, fileName: string, givenAt: string, };

export type BulkExport = { folder: string, written: number, total: number, cancelled: boolean, };

export type BulkProgress = { done: number, total: number, clientName: string, };
