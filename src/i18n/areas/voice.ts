// Owns the strings of the voice area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const voiceFr = {
} as const;

export const voiceEn: Record<keyof typeof voiceFr, string> = {
};
