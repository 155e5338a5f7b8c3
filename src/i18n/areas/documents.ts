// Owns the strings of the documents area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const documentsFr = {
} as const;

export const documentsEn: Record<keyof typeof documentsFr, string> = {
};
