// Clients: the list, one record, status changes, archive/restore and erasure.
import { call } from "./invoke";
import type { ClientInput, ClientPage, ClientQuery, ClientStatus } from "./types";

export const listClients = (query: ClientQuery) => call("clients_list", { query });

/** Her current (not archived) clients by name, the first `limit` of them: what a picker offers. */
export function currentClients(limit: number): Promise<ClientPage> {
  return listClients({ search: "", status: null, archived: false, sort: "name", offset: 0, limit });
}

export const getClient = (id: number) => call("clients_get", { id });

export const createClient = (input: ClientInput) => call("clients_create", { input });

export const updateClient = (id: number, input: ClientInput) =>
  call("clients_update", { id, input });

export const setClientStatus = (id: number, status: ClientStatus) =>
  call("clients_set_status", { id, status });

export const archiveClient = (id: number) => call("clients_archive", { id });

export const restoreClient = (id: number) => call("clients_restore", { id });

/**
 * The backend refuses unless `confirmName` is the client's name (any case, accents or
 * spacing). With `fromBackups`, she is taken out of the backups that hold her too.
 */
export const eraseClient = (id: number, confirmName: string, fromBackups: boolean) =>
  call("clients_erase", { id, confirmName, fromBackups });

/** The backups that still hold her record (made since she was added). */
export const backupsHoldingClient = (id: number) => call("clients_erase_backups", { id });
