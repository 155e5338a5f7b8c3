// Owns the public surface of the API schemas.
export * from "./commitments";
export * from "./committee";
export * from "./delivery";
export * from "./extraction";
export * from "./feedback";
export * from "./generation";
export * from "./limits";
export * from "./minutes";
export * from "./problem";
export * from "./parse";
export * from "./scan";
export * from "./sources";
export * from "./transcription";
export * from "./versions";
