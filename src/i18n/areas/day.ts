// Owns the strings of the day area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const dayFr = {
} as const;

export const dayEn: Record<keyof typeof dayFr, string> = {
};
