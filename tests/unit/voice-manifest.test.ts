// Teams media permission (issue 17): every environment's manifest lets the tab use the microphone, and stays
// schema-valid.
import { describe, expect, it } from "vitest";
import { schemaErrors } from "../../manifest/checks";
import { loadConfig, MANIFEST_ENVIRONMENTS } from "../../manifest/manifest-config";
import { buildUnifiedManifest } from "../../manifest/unified";

describe("Teams device permissions", () => {
  for (const environment of MANIFEST_ENVIRONMENTS) {
    it(`declares media (microphone) in ${environment}, and nothing else`, async () => {
      const manifest = buildUnifiedManifest(loadConfig(environment), "1.0.0");
      expect(manifest.devicePermissions).toEqual(["media"]);
      expect(await schemaErrors(manifest)).toEqual([]);
    });
  }
});
