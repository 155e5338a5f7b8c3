// Owns the strings of the governance area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const governanceFr = {
} as const;

export const governanceEn: Record<keyof typeof governanceFr, string> = {
};
