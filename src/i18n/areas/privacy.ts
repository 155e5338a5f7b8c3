// Owns the strings of the privacy area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const privacyFr = {} as const;

export const privacyEn: Record<keyof typeof privacyFr, string> = {};
