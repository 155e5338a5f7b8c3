// Owns the strings of the resilience area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const resilienceFr = {
} as const;

export const resilienceEn: Record<keyof typeof resilienceFr, string> = {
};
