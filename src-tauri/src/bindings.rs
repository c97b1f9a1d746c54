//! The TypeScript types the UI uses, generated from the Rust types that cross IPC.
//! `make types` writes them to `ui/src/lib/api/types.ts`; a test fails when that file drifts.

use coachdesk_core::articles::{
    Article, ArticleSection, ArticleSummary, DuplicateOf, ImportPreview, LeftOut, PreviewDraft,
};
use coachdesk_core::backups::{Backup, BackupOverview, BackupReason, Restored, TakenOut};
use coachdesk_core::checkins::{
    Chart, CheckIn, CheckInInput, FoodMarker, PhaseBand, Rating, Series, Symptom,
};
use coachdesk_core::client_export::ClientExport;
use coachdesk_core::clients::{
    Client, ClientInput, ClientPage, ClientQuery, ClientSort, ClientStatus, ClientSummary, MsType,
    StatusCount,
};
use coachdesk_core::comfort::{ComfortView, Theme};
use coachdesk_core::consults::{
    Consult, ConsultChange, ConsultInput, ConsultKind, ConsultStatus, ConsultSummary, NoteRevision,
    NoteSaved, NoteSection,
};
use coachdesk_core::dashboard::{Dashboard, NotSeenClient};
use coachdesk_core::documents::{Preview, Printable, ResolvedBlock, StyledText};
use coachdesk_core::encryption::{EncryptionStatus, TurnedOn};
use coachdesk_core::follow_ups::{FollowUp, FollowUpInput};
use coachdesk_core::handouts::{
    BulkExport, BulkProgress, GivenHandout, HandoutBlock, HandoutDraft,
};
use coachdesk_core::import::{
    ArticleDraft, DraftNote, DraftSection, ImportProblem, NoteKind, PostStatus,
};
use coachdesk_core::labs::{Lab, LabFile, LabInput};
use coachdesk_core::note_templates::{NoteTemplate, NoteTemplateInput, TemplateKey};
use coachdesk_core::pipeline::PipelineColumn;
use coachdesk_core::practice::{FirstRunInput, PaperSize, Practice, PracticeInput};
use coachdesk_core::practice_export::{PracticeExport, PracticeImport};
use coachdesk_core::prep::{
    FollowUpLine, LabLine, LastConsult, NoteLine, PrepSheet, ProtocolLine, ReintroLine, Trend,
};
use coachdesk_core::protocols::{
    AssignInput, ClientProtocol, ItemKind, Phase, ProtocolDraft, ProtocolEvent, ProtocolEventKind,
    ProtocolItem, ProtocolStatus, ProtocolStep, TemplateDetail, TemplateSummary, TemplateVersion,
    VersionInfo, SUPPLEMENT_CAUTION,
};
use coachdesk_core::reintro::{
    ClientFood, Food, FoodInput, FoodStatus, LogEntry, LogInput, LogResult, ReintroBoard,
};
use coachdesk_core::search::{SearchHit, SearchKind, SnippetPart};
use coachdesk_core::suggestions::{Reason, Suggestion, SuggestionSource, Suggestions};
use coachdesk_core::timeline::{TimelineEvent, TimelineKind};
use coachdesk_core::FieldProblem;
use ts_rs::{Config, TS};

use crate::commands::app::AppInfo;
use crate::commands::backups::BackupStatus;
use crate::commands::encryption::LockState;
use crate::error::{ErrorCode, IpcError};

/// Where the generated file lives, relative to the repository root.
pub const TYPES_FILE: &str = "ui/src/lib/api/types.ts";

fn decl<T: TS>(cfg: &Config) -> String {
    format!("export {}\n", T::decl(cfg))
}

/// The whole generated file.
pub fn typescript() -> String {
    // IDs and counts are i64 in Rust but stay far below 2^53, so plain numbers are exact.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        decl::<ClientStatus>(&cfg),
        decl::<MsType>(&cfg),
        decl::<PaperSize>(&cfg),
        decl::<ClientSort>(&cfg),
        decl::<Practice>(&cfg),
        decl::<PracticeInput>(&cfg),
        decl::<FirstRunInput>(&cfg),
        decl::<Client>(&cfg),
        decl::<ClientInput>(&cfg),
        decl::<ClientSummary>(&cfg),
        decl::<ClientQuery>(&cfg),
        decl::<StatusCount>(&cfg),
        decl::<ClientPage>(&cfg),
        decl::<TimelineKind>(&cfg),
        decl::<TimelineEvent>(&cfg),
        decl::<FieldProblem>(&cfg),
        decl::<ErrorCode>(&cfg),
        decl::<IpcError>(&cfg),
        decl::<AppInfo>(&cfg),
        decl::<ConsultKind>(&cfg),
        decl::<ConsultStatus>(&cfg),
        decl::<TemplateKey>(&cfg),
        decl::<NoteSection>(&cfg),
        decl::<Consult>(&cfg),
        decl::<ConsultInput>(&cfg),
        decl::<ConsultChange>(&cfg),
        decl::<ConsultSummary>(&cfg),
        decl::<NoteSaved>(&cfg),
        decl::<NoteRevision>(&cfg),
        decl::<NoteTemplate>(&cfg),
        decl::<NoteTemplateInput>(&cfg),
        decl::<FollowUp>(&cfg),
        decl::<FollowUpInput>(&cfg),
        decl::<NotSeenClient>(&cfg),
        decl::<Dashboard>(&cfg),
        decl::<PipelineColumn>(&cfg),
        decl::<SearchKind>(&cfg),
        decl::<SnippetPart>(&cfg),
        decl::<SearchHit>(&cfg),
        decl::<DraftSection>(&cfg),
        decl::<ArticleDraft>(&cfg),
        decl::<ImportProblem>(&cfg),
        decl::<PostStatus>(&cfg),
        decl::<NoteKind>(&cfg),
        decl::<DraftNote>(&cfg),
        decl::<LeftOut>(&cfg),
        decl::<BackupReason>(&cfg),
        decl::<Backup>(&cfg),
        decl::<Restored>(&cfg),
        decl::<TakenOut>(&cfg),
        decl::<BackupOverview>(&cfg),
        decl::<ClientExport>(&cfg),
        decl::<PracticeExport>(&cfg),
        decl::<PracticeImport>(&cfg),
        decl::<BackupStatus>(&cfg),
        decl::<LockState>(&cfg),
        decl::<ComfortView>(&cfg),
        decl::<EncryptionStatus>(&cfg),
        decl::<TurnedOn>(&cfg),
        decl::<DuplicateOf>(&cfg),
        decl::<PreviewDraft>(&cfg),
        decl::<ImportPreview>(&cfg),
        decl::<ArticleSection>(&cfg),
        decl::<Article>(&cfg),
        decl::<ArticleSummary>(&cfg),
        decl::<HandoutBlock>(&cfg),
        decl::<HandoutDraft>(&cfg),
        decl::<ResolvedBlock>(&cfg),
        decl::<Printable>(&cfg),
        decl::<StyledText>(&cfg),
        decl::<Preview>(&cfg),
        decl::<GivenHandout>(&cfg),
        decl::<BulkExport>(&cfg),
        decl::<BulkProgress>(&cfg),
        decl::<ItemKind>(&cfg),
        decl::<ProtocolItem>(&cfg),
        decl::<Phase>(&cfg),
        decl::<ProtocolDraft>(&cfg),
        decl::<TemplateSummary>(&cfg),
        decl::<TemplateVersion>(&cfg),
        decl::<VersionInfo>(&cfg),
        decl::<TemplateDetail>(&cfg),
        decl::<ProtocolStatus>(&cfg),
        decl::<ProtocolEventKind>(&cfg),
        decl::<ProtocolEvent>(&cfg),
        decl::<ClientProtocol>(&cfg),
        decl::<AssignInput>(&cfg),
        decl::<ProtocolStep>(&cfg),
        decl::<FoodStatus>(&cfg),
        decl::<Food>(&cfg),
        decl::<FoodInput>(&cfg),
        decl::<ClientFood>(&cfg),
        decl::<LogEntry>(&cfg),
        decl::<LogInput>(&cfg),
        decl::<ReintroBoard>(&cfg),
        decl::<LogResult>(&cfg),
        decl::<Symptom>(&cfg),
        decl::<Rating>(&cfg),
        decl::<CheckInInput>(&cfg),
        decl::<CheckIn>(&cfg),
        decl::<Series>(&cfg),
        decl::<PhaseBand>(&cfg),
        decl::<FoodMarker>(&cfg),
        decl::<Chart>(&cfg),
        decl::<LabFile>(&cfg),
        decl::<Lab>(&cfg),
        decl::<LabInput>(&cfg),
        decl::<NoteLine>(&cfg),
        decl::<LastConsult>(&cfg),
        decl::<FollowUpLine>(&cfg),
        decl::<ProtocolLine>(&cfg),
        decl::<ReintroLine>(&cfg),
        decl::<Trend>(&cfg),
        decl::<LabLine>(&cfg),
        decl::<SuggestionSource>(&cfg),
        decl::<Reason>(&cfg),
        decl::<Suggestion>(&cfg),
        decl::<Suggestions>(&cfg),
        decl::<PrepSheet>(&cfg),
        decl::<Theme>(&cfg),
    ];
    format!(
        "// Generated from the Rust types by `make types` (src-tauri/src/bindings.rs). Do not edit.\n\n{}\n{}",
        decls.join("\n"),
        constants()
    )
}

/// JSON for a value (a string, an enum as serde names it, a list of them).
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A TypeScript record from each value of an enum to what `f` says of it.
fn record<K: serde::Serialize + Copy, V: serde::Serialize>(
    keys: &[K],
    f: impl Fn(K) -> V,
) -> String {
    let entries: Vec<String> = keys
        .iter()
        .map(|&k| format!("  {}: {},", json(&k).trim_matches('"'), json(&f(k))))
        .collect();
    format!("{{\n{}\n}}", entries.join("\n"))
}

/// The rules and wording the UI shows, defined once in core: the window never keeps a copy
/// that could drift from what the PDF prints or what the backend accepts.
fn constants() -> String {
    let steps =
        |on_last: bool| move |status: ProtocolStatus| status.allowed_steps(on_last).to_vec();
    [
        format!(
            "/** Printed beside every supplement, wherever it appears. */\n\
             export const SUPPLEMENT_CAUTION = {};\n",
            json(SUPPLEMENT_CAUTION)
        ),
        format!(
            "/** A client's statuses, in the order the status select and the pipeline show them. */\n\
             export const CLIENT_STATUSES: readonly ClientStatus[] = {};\n",
            json(&ClientStatus::ALL)
        ),
        format!(
            "/** How the window, search, the timeline and her summary PDF name each status. */\n\
             export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {};\n",
            record(&ClientStatus::ALL, ClientStatus::label)
        ),
        format!(
            "/** The kinds of consult, in the order the booking form offers them. */\n\
             export const CONSULT_KINDS: readonly ConsultKind[] = {};\n",
            json(&ConsultKind::ALL)
        ),
        format!(
            "/** How the window, the timeline, calendar files and her summary PDF name each kind of consult. */\n\
             export const CONSULT_KIND_LABELS: Record<ConsultKind, string> = {};\n",
            record(&ConsultKind::ALL, ConsultKind::label)
        ),
        format!(
            "/** The window's colours, in the order Settings offers them. */\n\
             export const THEMES: readonly Theme[] = {};\n",
            json(&Theme::ALL)
        ),
        format!(
            "/** How Settings names each theme. */\n\
             export const THEME_LABELS: Record<Theme, string> = {};\n",
            record(&Theme::ALL, Theme::label)
        ),
        format!(
            "/** Every kind of protocol item, in the order the editor offers them. */\n\
             export const ITEM_KINDS: readonly ItemKind[] = {};\n",
            json(&ItemKind::ALL)
        ),
        format!(
            "/** One item of each kind, as the kind select names it. */\n\
             export const ITEM_KIND_LABELS: Record<ItemKind, string> = {};\n",
            record(&ItemKind::ALL, ItemKind::item_label)
        ),
        format!(
            "/** The heading each kind of item is printed under. */\n\
             export const ITEM_GROUP_LABELS: Record<ItemKind, string> = {};\n",
            record(&ItemKind::ALL, ItemKind::label)
        ),
        format!(
            "/** Sleep, stress, movement and mindset: the lifestyle part of a phase, in order. */\n\
             export const LIFESTYLE_KINDS: readonly ItemKind[] = {};\n",
            json(&ItemKind::LIFESTYLE)
        ),
        format!(
            "/** The steps the backend accepts for a protocol in each status, on its last phase\n\
             \x20* and on any other. */\n\
             export const ALLOWED_STEPS: Record<\n  ProtocolStatus,\n  {{ lastPhase: ProtocolStep[]; otherPhase: ProtocolStep[] }}\n> = {{\n{}\n}};\n",
            ProtocolStatus::ALL
                .iter()
                .map(|&st| format!(
                    "  {}: {{ lastPhase: {}, otherPhase: {} }},",
                    json(&st).trim_matches('"'),
                    json(&steps(true)(st)),
                    json(&steps(false)(st))
                ))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    ]
    .join("\n")
}
