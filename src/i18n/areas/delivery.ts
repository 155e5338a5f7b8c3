// Owns the strings of the delivery area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const deliveryFr = {
} as const;

export const deliveryEn: Record<keyof typeof deliveryFr, string> = {
};
