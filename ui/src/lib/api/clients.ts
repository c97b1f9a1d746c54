// Clients: the list, the pipeline, one record, status changes, archive/restore, erasure and the
// timeline.
import { call } from "./invoke";
import type {
  Backup,
  ClientExport,
  Client,
  ClientInput,
  ClientPage,
  ClientQuery,
  ClientStatus,
  PipelineColumn,
  TakenOut,
  TimelineEvent,
} from "./types";

export function listClients(query: ClientQuery): Promise<ClientPage> {
  return call("clients_list", { query });
}

export function getClient(id: number): Promise<Client> {
  return call("clients_get", { id });
}

export function createClient(input: ClientInput): Promise<Client> {
  return call("clients_create", { input });
}

export function updateClient(id: number, input: ClientInput): Promise<Client> {
  return call("clients_update", { id, input });
}

export function setClientStatus(id: number, status: ClientStatus): Promise<Client> {
  return call("clients_set_status", { id, status });
}

export function archiveClient(id: number): Promise<Client> {
  return call("clients_archive", { id });
}

export function restoreClient(id: number): Promise<Client> {
  return call("clients_restore", { id });
}

/**
 * The backend refuses unless `confirmName` is the client's name (any case, accents or
 * spacing). With `fromBackups`, she is taken out of the backups that hold her too.
 */
export function eraseClient(
  id: number,
  confirmName: string,
  fromBackups: boolean,
): Promise<TakenOut> {
  return call("clients_erase", { id, confirmName, fromBackups });
}

/** The backups that still hold her record (made since she was added). */
export function backupsHoldingClient(id: number): Promise<Backup[]> {
  return call("clients_erase_backups", { id });
}

/** Newest first. */
export function clientTimeline(id: number): Promise<TimelineEvent[]> {
  return call("timeline_list", { id });
}

/** One column per status in pipeline order, each with its total and up to 100 clients. */
export function pipeline(): Promise<PipelineColumn[]> {
  return call("pipeline_get");
}

/** Everything kept about her as one ZIP, through the save dialog; `null` if cancelled. */
export function exportClientData(id: number): Promise<ClientExport | null> {
  return call("client_export_save", { id });
}
