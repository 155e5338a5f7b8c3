// Owns the strings of the figures area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const figuresFr = {
} as const;

export const figuresEn: Record<keyof typeof figuresFr, string> = {
};
