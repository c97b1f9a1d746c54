// Clients: the list, one record, status changes, archive/restore and erasure.
import { call } from "./invoke";
import type {
  Backup,
  Client,
  ClientInput,
  ClientPage,
  ClientQuery,
  ClientStatus,
  TakenOut,
} from "./types";

export function listClients(query: ClientQuery): Promise<ClientPage> {
  return call("clients_list", { query });
}

/** Her current (not archived) clients by name, the first `limit` of them: what a picker offers. */
export function currentClients(limit: number): Promise<ClientPage> {
  return listClients({ search: "", status: null, archived: false, sort: "name", offset: 0, limit });
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
