// Categories, default aspects and the triage state machine of suggestions (建言献策). Pure.
import { SuggestionCategory, SuggestionStatus } from "@/lib/generated/prisma/enums";
import { SUGGESTION_MACHINE } from "@/lib/suggestions/states";

export { SuggestionCategory, SuggestionStatus };
export { CATEGORY_LABELS, CONTENT_MAX, DEFAULT_ASPECTS, SUGGESTION_CATEGORIES } from "@/lib/suggestions/categories";

export const STATUS_LABELS = Object.fromEntries(Object.entries(SUGGESTION_MACHINE.states).map(([status, spec]) => [status, spec.label])) as Record<
  SuggestionStatus,
  string
>;

/** What staff may do with a suggestion, from which states, and whether a reply text is required (lib/suggestions/states.ts). */
export const TRIAGE_TRANSITIONS = SUGGESTION_MACHINE.transitions;

export type TriageAction = keyof typeof TRIAGE_TRANSITIONS;
export const TRIAGE_ACTIONS = Object.keys(TRIAGE_TRANSITIONS) as TriageAction[];

export function canTriage(action: TriageAction, status: SuggestionStatus): boolean {
  return !SUGGESTION_MACHINE.problem(action, status, "staff");
}

const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** JY2026-7KQ4M2XA: the year, then 8 characters that cannot be guessed or mistyped (no 0/O, 1/I/L). */
export function receiptNumber(year: number, randomInt: (max: number) => number): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return `JY${year}-${code}`;
}

export function normalizeReceipt(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, "");
}

/** Per address: a handful in ten minutes, a few dozen a day; signed-in people count per account. */
export const SUGGESTION_LIMITS = [
  { name: "suggest-10m", limit: 5, windowSeconds: 600 },
  { name: "suggest-day", limit: 30, windowSeconds: 86_400 },
];

/** Looking up replies by receipt number: generous for people, hopeless for guessing. */
export const LOOKUP_LIMITS = [{ name: "receipt-10m", limit: 30, windowSeconds: 600 }];
