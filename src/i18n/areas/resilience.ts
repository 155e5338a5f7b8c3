// Owns the strings of the resilience area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const resilienceFr = {
  "problem.idempotency_key_reused.title": "Clé d'idempotence déjà utilisée",
  "problem.idempotency_key_reused.detail":
    "Cette clé Idempotency-Key a déjà servi pour un autre contenu. Un nouvel enregistrement demande une nouvelle clé.",
  "problem.not_ready.title": "Service pas encore prêt",
  "problem.not_ready.detail":
    "Une dépendance du service ne répond pas : {dependencies}. Réessayez dans quelques secondes.",
  "server.auth.dev_no_proxy":
    "Le mode développement ne sert que les appels directs depuis ce poste, jamais à travers un proxy. Configurez AUTH_MODE=entra pour un accès à distance.",
  "server.auth.iat_future":
    "Le jeton d'accès est daté dans le futur. Vérifiez l'horloge de votre poste puis reconnectez-vous.",
} as const;

export const resilienceEn: Record<keyof typeof resilienceFr, string> = {
  "problem.idempotency_key_reused.title": "Idempotency key already used",
  "problem.idempotency_key_reused.detail":
    "This Idempotency-Key was already used for different content. A new save needs a new key.",
  "problem.not_ready.title": "Service not ready yet",
  "problem.not_ready.detail": "A service dependency is not responding: {dependencies}. Try again in a few seconds.",
  "server.auth.dev_no_proxy":
    "Dev mode only serves direct calls from this machine, never through a proxy. Set AUTH_MODE=entra for remote access.",
  "server.auth.iat_future": "The access token is dated in the future. Check your computer's clock, then sign in again.",
};
