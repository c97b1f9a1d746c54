// Generated from the Rust commands' signatures by `make types`; do not edit.
// Every command the app registers, with its arguments (camelCase, as Tauri takes them)
// and its result. `call` in invoke.ts is typed by it.
import type {
  AppInfo,
  Article,
  ArticleDraft,
  ArticleSummary,
  AssignInput,
  Backup,
  BackupOverview,
  BackupStatus,
  BulkExport,
  Chart,
  CheckIn,
  CheckInInput,
  Client,
  ClientExport,
  ClientInput,
  ClientPage,
  ClientProtocol,
  ClientQuery,
  ClientStatus,
  ComfortView,
  Consult,
  ConsultChange,
  ConsultInput,
  ConsultSummary,
  Dashboard,
  EncryptionStatus,
  FirstRunInput,
  FollowUp,
  FollowUpInput,
  Food,
  FoodInput,
  GivenHandout,
  HandoutDraft,
  ImportPreview,
  Lab,
  LabInput,
  LockState,
  LogInput,
  LogResult,
  NoteRevision,
  NoteSaved,
  NoteSection,
  NoteTemplate,
  NoteTemplateInput,
  PipelineColumn,
  Practice,
  PracticeExport,
  PracticeImport,
  PracticeInput,
  PrepSheet,
  Preview,
  ProtocolDraft,
  ProtocolStep,
  ReintroBoard,
  Restored,
  SearchHit,
  Suggestions,
  Symptom,
  TakenOut,
  TemplateDetail,
  TemplateKey,
  TemplateSummary,
  TemplateVersion,
  Theme,
  TimelineEvent,
  TurnedOn,
} from "./types";

export interface Commands {
  app_info: { args: Record<string, never>; result: AppInfo };
  app_open_exported: { args: { path: string }; result: null };
  app_first_screen: { args: { screen: string }; result: null };
  practice_get: { args: Record<string, never>; result: Practice | null };
  practice_create: { args: { input: FirstRunInput }; result: Practice };
  practice_update: { args: { input: PracticeInput }; result: Practice };
  practice_logo_pick: { args: Record<string, never>; result: Practice | null };
  practice_logo_get: { args: Record<string, never>; result: string | null };
  practice_logo_delete: { args: Record<string, never>; result: Practice };
  clients_list: { args: { query: ClientQuery }; result: ClientPage };
  clients_get: { args: { id: number }; result: Client };
  clients_create: { args: { input: ClientInput }; result: Client };
  clients_update: { args: { id: number; input: ClientInput }; result: Client };
  clients_set_status: { args: { id: number; status: ClientStatus }; result: Client };
  clients_archive: { args: { id: number }; result: Client };
  clients_restore: { args: { id: number }; result: Client };
  clients_erase: { args: { id: number; confirmName: string; fromBackups: boolean }; result: TakenOut };
  clients_erase_backups: { args: { id: number }; result: Array<Backup> };
  timeline_list: { args: { id: number }; result: Array<TimelineEvent> };
  consults_create: { args: { input: ConsultInput }; result: Consult };
  consults_get: { args: { id: number }; result: Consult };
  consults_update: { args: { id: number; change: ConsultChange }; result: Consult };
  consults_list: { args: { clientId: number }; result: Array<ConsultSummary> };
  consults_notes_update: { args: { id: number; sections: Array<NoteSection>; checkpoint: boolean }; result: NoteSaved };
  consults_revisions_list: { args: { id: number }; result: Array<NoteRevision> };
  consults_revision_restore: { args: { id: number; revisionId: number }; result: Consult };
  consults_ics_export: { args: { id: number }; result: string | null };
  note_templates_list: { args: Record<string, never>; result: Array<NoteTemplate> };
  note_templates_update: { args: { key: TemplateKey; input: NoteTemplateInput }; result: NoteTemplate };
  follow_ups_create: { args: { input: FollowUpInput }; result: FollowUp };
  follow_ups_set_done: { args: { id: number; done: boolean }; result: FollowUp };
  follow_ups_list: { args: { clientId: number }; result: Array<FollowUp> };
  follow_ups_delete: { args: { id: number }; result: null };
  dashboard_get: { args: Record<string, never>; result: Dashboard };
  pipeline_get: { args: Record<string, never>; result: Array<PipelineColumn> };
  search_query: { args: { text: string }; result: Array<SearchHit> };
  articles_import_pick: { args: Record<string, never>; result: ImportPreview | null };
  articles_import_paste: { args: { text: string }; result: ImportPreview };
  articles_import_commit: { args: { drafts: Array<ArticleDraft> }; result: Array<ArticleSummary> };
  articles_list: { args: { search: string }; result: Array<ArticleSummary> };
  articles_get: { args: { id: number }; result: Article };
  articles_update: { args: { id: number; input: ArticleDraft }; result: Article };
  articles_delete: { args: { id: number }; result: null };
  handouts_preview: { args: { draft: HandoutDraft }; result: Preview };
  handouts_export: { args: { draft: HandoutDraft }; result: string | null };
  handouts_list: { args: { clientId: number }; result: Array<GivenHandout> };
  handouts_reexport: { args: { id: number }; result: string | null };
  handouts_bulk_export: { args: { draft: HandoutDraft; clientIds: Array<number> }; result: BulkExport | null };
  handouts_bulk_cancel: { args: Record<string, never>; result: null };
  handouts_print: { args: { draft: HandoutDraft }; result: boolean };
  handouts_reprint: { args: { id: number }; result: boolean };
  summary_export: { args: { clientId: number }; result: string | null };
  summary_print: { args: { clientId: number }; result: boolean };
  prep_get: { args: { clientId: number }; result: PrepSheet };
  prep_export: { args: { clientId: number }; result: string | null };
  prep_print: { args: { clientId: number }; result: boolean };
  suggestions_get: { args: { clientId: number }; result: Suggestions };
  protocols_templates_list: { args: Record<string, never>; result: Array<TemplateSummary> };
  protocols_template_get: { args: { id: number }; result: TemplateDetail };
  protocols_template_version_get: { args: { id: number; version: number }; result: TemplateVersion };
  protocols_template_create: { args: { draft: ProtocolDraft }; result: TemplateDetail };
  protocols_template_update: { args: { id: number; draft: ProtocolDraft }; result: TemplateDetail };
  protocols_template_archive: { args: { id: number }; result: null };
  protocols_assign: { args: { input: AssignInput }; result: ClientProtocol };
  protocols_list: { args: { clientId: number }; result: Array<ClientProtocol> };
  protocols_update: { args: { id: number; draft: ProtocolDraft }; result: ClientProtocol };
  protocols_step: { args: { id: number; step: ProtocolStep; onDate: string }; result: ClientProtocol };
  reintro_foods_list: { args: Record<string, never>; result: Array<Food> };
  reintro_foods_create: { args: { input: FoodInput }; result: Food };
  reintro_foods_update: { args: { id: number; input: FoodInput }; result: Food };
  reintro_foods_archive: { args: { id: number }; result: null };
  reintro_board_get: { args: { clientId: number }; result: ReintroBoard };
  reintro_warnings_list: { args: { clientId: number; foodId: number; onDate: string }; result: Array<string> };
  reintro_log: { args: { input: LogInput }; result: LogResult };
  reintro_settle: { args: { clientId: number; foodId: number; onDate: string }; result: ReintroBoard };
  reintro_lists_preview: { args: { clientId: number }; result: Preview };
  reintro_lists_export: { args: { clientId: number }; result: string | null };
  reintro_lists_print: { args: { clientId: number }; result: boolean };
  checkins_symptoms_list: { args: { includeArchived: boolean }; result: Array<Symptom> };
  checkins_symptoms_create: { args: { name: string }; result: Array<Symptom> };
  checkins_symptoms_rename: { args: { id: number; name: string }; result: Array<Symptom> };
  checkins_symptoms_set_archived: { args: { id: number; archived: boolean }; result: Array<Symptom> };
  checkins_symptoms_move: { args: { id: number; by: number }; result: Array<Symptom> };
  checkins_create: { args: { input: CheckInInput }; result: CheckIn };
  checkins_update: { args: { id: number; input: CheckInInput }; result: CheckIn };
  checkins_delete: { args: { id: number }; result: null };
  checkins_list: { args: { clientId: number }; result: Array<CheckIn> };
  checkins_chart: { args: { clientId: number }; result: Chart };
  checkins_csv_export: { args: { clientId: number }; result: string | null };
  checkins_tracking_hidden: { args: { clientId: number }; result: boolean };
  checkins_tracking_set_hidden: { args: { clientId: number; hidden: boolean }; result: boolean };
  labs_list: { args: { clientId: number }; result: Array<Lab> };
  labs_create: { args: { input: LabInput }; result: Lab };
  labs_update: { args: { id: number; input: LabInput }; result: Lab };
  labs_delete: { args: { id: number }; result: null };
  labs_attach: { args: { id: number }; result: Lab | null };
  labs_file_delete: { args: { fileId: number }; result: Lab };
  labs_file_open: { args: { fileId: number }; result: null };
  backups_status: { args: Record<string, never>; result: BackupStatus };
  backups_copy_choose: { args: Record<string, never>; result: BackupOverview | null };
  backups_copy_stop: { args: Record<string, never>; result: BackupOverview };
  backups_create: { args: Record<string, never>; result: Backup };
  backups_check: { args: { fileName: string }; result: Backup };
  backups_restore: { args: { fileName: string; secret?: string | null }; result: Restored };
  backups_check_pick: { args: Record<string, never>; result: Backup | null };
  backups_restore_pick: { args: { secret?: string | null }; result: Restored | null };
  backups_recovery_list: { args: Record<string, never>; result: Array<Backup> };
  backups_recovery_restore: { args: { fileName: string }; result: null };
  client_export_save: { args: { id: number }; result: ClientExport | null };
  practice_export_save: { args: Record<string, never>; result: PracticeExport | null };
  practice_export_import: { args: { secret?: string | null }; result: PracticeImport | null };
  encryption_lock_state: { args: Record<string, never>; result: LockState };
  encryption_unlock: { args: { secret: string }; result: null };
  encryption_lock_now: { args: Record<string, never>; result: null };
  encryption_status: { args: Record<string, never>; result: EncryptionStatus };
  encryption_turn_on: { args: { passphrase: string }; result: TurnedOn };
  encryption_change: { args: { current: string; new: string }; result: null };
  encryption_turn_off: { args: { passphrase: string }; result: number };
  encryption_lock_after: { args: { minutes?: number | null }; result: null };
  encryption_recovery_sheet: { args: { recoveryKey: string }; result: string | null };
  encryption_recovery_key_create: { args: { passphrase: string }; result: string };
  comfort_get: { args: Record<string, never>; result: ComfortView };
  comfort_set_text_size: { args: { percent: number }; result: ComfortView };
  comfort_step_text_size: { args: { steps: number }; result: ComfortView };
  comfort_set_theme: { args: { theme: Theme }; result: ComfortView };
}

export type CommandName = keyof Commands;
