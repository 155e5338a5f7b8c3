// Owns the strings of the sources area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const sourcesFr = {
} as const;

export const sourcesEn: Record<keyof typeof sourcesFr, string> = {
};
