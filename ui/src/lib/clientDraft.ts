// The client form's editable state and its conversion to and from the backend's ClientInput.
// Inputs hold text; the backend holds nulls for empty dates and years.
import type { Client, ClientInput, ClientStatus, MsType } from "./api/types";

export type ClientDraft = {
  name: string;
  preferredName: string;
  email: string;
  phone: string;
  birthDate: string;
  status: ClientStatus;
  tags: string[];
  msType: MsType;
  diagnosisYear: string;
  medications: string;
  lastRelapse: string;
  otherConditions: string;
  allergies: string;
  dietApproach: string;
  supplements: string;
  goals: string;
  referralSource: string;
  notes: string;
};

export function emptyDraft(): ClientDraft {
  return {
    name: "",
    preferredName: "",
    email: "",
    phone: "",
    birthDate: "",
    status: "lead",
    tags: [],
    msType: "unknown",
    diagnosisYear: "",
    medications: "",
    lastRelapse: "",
    otherConditions: "",
    allergies: "",
    dietApproach: "",
    supplements: "",
    goals: "",
    referralSource: "",
    notes: "",
  };
}

export function draftFromClient(client: Client): ClientDraft {
  return {
    name: client.name,
    preferredName: client.preferredName,
    email: client.email,
    phone: client.phone,
    birthDate: client.birthDate ?? "",
    status: client.status,
    tags: [...client.tags],
    msType: client.msType,
    diagnosisYear: client.diagnosisYear === null ? "" : String(client.diagnosisYear),
    medications: client.medications,
    lastRelapse: client.lastRelapse ?? "",
    otherConditions: client.otherConditions,
    allergies: client.allergies,
    dietApproach: client.dietApproach,
    supplements: client.supplements,
    goals: client.goals,
    referralSource: client.referralSource,
    notes: client.notes,
  };
}

function dateOrNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

function yearOrNull(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const year = Number(trimmed);
  // The number input only yields numbers; the backend decides which years are plausible.
  return Number.isFinite(year) ? Math.trunc(year) : null;
}

export function draftToInput(draft: ClientDraft): ClientInput {
  return {
    name: draft.name,
    preferredName: draft.preferredName,
    email: draft.email,
    phone: draft.phone,
    birthDate: dateOrNull(draft.birthDate),
    status: draft.status,
    tags: [...draft.tags],
    msType: draft.msType,
    diagnosisYear: yearOrNull(draft.diagnosisYear),
    medications: draft.medications,
    lastRelapse: dateOrNull(draft.lastRelapse),
    otherConditions: draft.otherConditions,
    allergies: draft.allergies,
    dietApproach: draft.dietApproach,
    supplements: draft.supplements,
    goals: draft.goals,
    referralSource: draft.referralSource,
    notes: draft.notes,
  };
}
