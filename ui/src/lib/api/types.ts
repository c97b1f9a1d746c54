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

export type TimelineKind = "created" | "status_changed" | "archived" | "restored" | "edited";

export type TimelineEvent = { id: number, clientId: number, kind: TimelineKind, summary: string, occurredAt: string, };

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
