// Owns the public surface of the API schemas.
export * from "./committee";
export * from "./feedback";
export * from "./generation";
export * from "./limits";
export * from "./minutes";
export * from "./problem";
export * from "./parse";
