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
  Printable,
  ProtocolDraft,
  ProtocolStep,
  ReintroBoard,
  Restored,
  SearchHit,
  Symptom,
  TakenOut,
  TemplateDetail,
  TemplateKey,
  TemplateSummary,
  TemplateVersion,
  TimelineEvent,
  TurnedOn,
} from "./types";

export interface Commands {
  app_info: { args: Record<string, never>; result: AppInfo };
  open_exported: { args: { path: string }; result: null };
  practice_get: { args: Record<string, never>; result: Practice | null };
  practice_create: { args: { input: FirstRunInput }; result: Practice };
  practice_update: { args: { input: PracticeInput }; result: Practice };
  practice_pick_logo: { args: Record<string, never>; result: Practice | null };
  practice_logo: { args: Record<string, never>; result: string | null };
  practice_remove_logo: { args: Record<string, never>; result: Practice };
  clients_list: { args: { query: ClientQuery }; result: ClientPage };
  client_get: { args: { id: number }; result: Client };
  client_create: { args: { input: ClientInput }; result: Client };
  client_update: { args: { id: number; input: ClientInput }; result: Client };
  client_set_status: { args: { id: number; status: ClientStatus }; result: Client };
  client_archive: { args: { id: number }; result: Client };
  client_restore: { args: { id: number }; result: Client };
  client_erase: { args: { id: number; confirmName: string; fromBackups: boolean }; result: TakenOut };
  client_erase_backups: { args: { id: number }; result: Array<Backup> };
  client_timeline: { args: { id: number }; result: Array<TimelineEvent> };
  consult_create: { args: { input: ConsultInput }; result: Consult };
  consult_get: { args: { id: number }; result: Consult };
  consult_update: { args: { id: number; change: ConsultChange }; result: Consult };
  consults_for_client: { args: { clientId: number }; result: Array<ConsultSummary> };
  consult_save_notes: { args: { id: number; sections: Array<NoteSection>; checkpoint: boolean }; result: NoteSaved };
  consult_revisions: { args: { id: number }; result: Array<NoteRevision> };
  consult_restore_revision: { args: { id: number; revisionId: number }; result: Consult };
  consult_export_ics: { args: { id: number }; result: string | null };
  note_templates_list: { args: Record<string, never>; result: Array<NoteTemplate> };
  note_template_update: { args: { key: TemplateKey; input: NoteTemplateInput }; result: NoteTemplate };
  follow_up_create: { args: { input: FollowUpInput }; result: FollowUp };
  follow_up_set_done: { args: { id: number; done: boolean }; result: FollowUp };
  follow_ups_for_client: { args: { clientId: number }; result: Array<FollowUp> };
  follow_up_delete: { args: { id: number }; result: null };
  dashboard: { args: Record<string, never>; result: Dashboard };
  pipeline: { args: Record<string, never>; result: Array<PipelineColumn> };
  search: { args: { text: string }; result: Array<SearchHit> };
  articles_import_pick: { args: Record<string, never>; result: ImportPreview | null };
  articles_import_paste: { args: { text: string }; result: ImportPreview };
  articles_import_commit: { args: { drafts: Array<ArticleDraft> }; result: Array<ArticleSummary> };
  articles_list: { args: { search: string }; result: Array<ArticleSummary> };
  article_get: { args: { id: number }; result: Article };
  article_update: { args: { id: number; input: ArticleDraft }; result: Article };
  article_delete: { args: { id: number }; result: null };
  handout_preview: { args: { draft: HandoutDraft }; result: Printable };
  handout_export: { args: { draft: HandoutDraft }; result: string | null };
  handouts_for_client: { args: { clientId: number }; result: Array<GivenHandout> };
  handout_reexport: { args: { id: number }; result: string | null };
  client_summary_export: { args: { clientId: number }; result: string | null };
  handouts_bulk_export: { args: { draft: HandoutDraft; clientIds: Array<number> }; result: BulkExport | null };
  handouts_bulk_cancel: { args: Record<string, never>; result: null };
  protocol_templates: { args: Record<string, never>; result: Array<TemplateSummary> };
  protocol_template: { args: { id: number }; result: TemplateDetail };
  protocol_template_version: { args: { id: number; version: number }; result: TemplateVersion };
  protocol_template_create: { args: { draft: ProtocolDraft }; result: TemplateDetail };
  protocol_template_save: { args: { id: number; draft: ProtocolDraft }; result: TemplateDetail };
  protocol_template_archive: { args: { id: number }; result: null };
  protocol_assign: { args: { input: AssignInput }; result: ClientProtocol };
  protocols_for_client: { args: { clientId: number }; result: Array<ClientProtocol> };
  client_protocol_save: { args: { id: number; draft: ProtocolDraft }; result: ClientProtocol };
  client_protocol_step: { args: { id: number; step: ProtocolStep; onDate: string }; result: ClientProtocol };
  reintro_foods: { args: Record<string, never>; result: Array<Food> };
  reintro_food_create: { args: { input: FoodInput }; result: Food };
  reintro_food_update: { args: { id: number; input: FoodInput }; result: Food };
  reintro_food_archive: { args: { id: number }; result: null };
  reintro_board: { args: { clientId: number }; result: ReintroBoard };
  reintro_warnings: { args: { clientId: number; foodId: number; onDate: string }; result: Array<string> };
  reintro_log: { args: { input: LogInput }; result: LogResult };
  reintro_settle: { args: { clientId: number; foodId: number; onDate: string }; result: ReintroBoard };
  reintro_lists_preview: { args: { clientId: number }; result: Printable };
  reintro_lists_export: { args: { clientId: number }; result: string | null };
  symptoms: { args: { includeArchived: boolean }; result: Array<Symptom> };
  symptom_add: { args: { name: string }; result: Array<Symptom> };
  symptom_rename: { args: { id: number; name: string }; result: Array<Symptom> };
  symptom_set_archived: { args: { id: number; archived: boolean }; result: Array<Symptom> };
  symptom_move: { args: { id: number; by: number }; result: Array<Symptom> };
  checkin_add: { args: { input: CheckInInput }; result: CheckIn };
  checkin_update: { args: { id: number; input: CheckInInput }; result: CheckIn };
  checkin_delete: { args: { id: number }; result: null };
  checkins_for_client: { args: { clientId: number }; result: Array<CheckIn> };
  checkin_chart: { args: { clientId: number }; result: Chart };
  checkins_export_csv: { args: { clientId: number }; result: string | null };
  tracking_hidden: { args: { clientId: number }; result: boolean };
  tracking_set_hidden: { args: { clientId: number; hidden: boolean }; result: boolean };
  labs_for_client: { args: { clientId: number }; result: Array<Lab> };
  lab_add: { args: { input: LabInput }; result: Lab };
  lab_update: { args: { id: number; input: LabInput }; result: Lab };
  lab_delete: { args: { id: number }; result: null };
  lab_attach: { args: { id: number }; result: Lab | null };
  lab_file_remove: { args: { fileId: number }; result: Lab };
  lab_file_open: { args: { fileId: number }; result: null };
  backups_status: { args: Record<string, never>; result: BackupStatus };
  backup_now: { args: Record<string, never>; result: Backup };
  backup_check: { args: { fileName: string }; result: Backup };
  backup_restore: { args: { fileName: string; secret?: string | null }; result: Restored };
  backup_check_pick: { args: Record<string, never>; result: Backup | null };
  backup_restore_pick: { args: { secret?: string | null }; result: Restored | null };
  backup_copy_choose: { args: Record<string, never>; result: BackupOverview | null };
  backup_copy_stop: { args: Record<string, never>; result: BackupOverview };
  recovery_backups: { args: Record<string, never>; result: Array<Backup> };
  recovery_restore: { args: { fileName: string }; result: null };
  client_export: { args: { id: number }; result: ClientExport | null };
  practice_export: { args: Record<string, never>; result: PracticeExport | null };
  practice_import: { args: { secret?: string | null }; result: PracticeImport | null };
  lock_state: { args: Record<string, never>; result: LockState };
  unlock: { args: { secret: string }; result: null };
  lock_now: { args: Record<string, never>; result: null };
  encryption_status: { args: Record<string, never>; result: EncryptionStatus };
  encryption_turn_on: { args: { passphrase: string }; result: TurnedOn };
  encryption_change: { args: { current: string; new: string }; result: null };
  encryption_turn_off: { args: { passphrase: string }; result: number };
  encryption_lock_after: { args: { minutes?: number | null }; result: null };
  encryption_recovery_sheet: { args: { recoveryKey: string }; result: string | null };
  encryption_new_recovery_key: { args: { passphrase: string }; result: string };
  comfort_get: { args: Record<string, never>; result: ComfortView };
  comfort_set_text_size: { args: { percent: number }; result: ComfortView };
  comfort_step_text_size: { args: { steps: number }; result: ComfortView };
}

export type CommandName = keyof Commands;
