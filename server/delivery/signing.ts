// Owns the Standard Webhooks signature of each delivery, through the reference `standardwebhooks` package.
import { Webhook } from "standardwebhooks";

/** The three headers of a signed delivery. */
export interface SignedHeaders {
  readonly "webhook-id": string;
  readonly "webhook-timestamp": string;
  readonly "webhook-signature": string;
}

/** Signs bodies with one `whsec_…` secret: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. */
export interface Signer {
  headers(id: string, at: Date, body: string): SignedHeaders;
}

/**
 * A signer for `secret` (`whsec_` followed by base64, as the specification writes it).
 * @throws Error when the secret is not base64 after its prefix.
 */
export function createSigner(secret: string): Signer {
  const webhook = new Webhook(secret);
  return {
    headers(id, at, body) {
      return {
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": webhook.sign(id, at, body),
      };
    },
  };
}
