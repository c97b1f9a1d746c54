// The clients list's search and filters, kept while the coach opens a client and comes back.
import type { ClientSort, ClientStatus } from "$lib/api/types";

export const PAGE_SIZE = 50;

export const listPrefs = $state<{
  search: string;
  status: ClientStatus | null;
  sort: ClientSort;
  archived: boolean;
}>({
  search: "",
  status: null,
  sort: "name",
  archived: false,
});
