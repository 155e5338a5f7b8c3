// Stands in for @types/node in the layers that must not see Node (tsconfig.src.json, tsconfig.addin.json): some
// packages' typings (docx, msal-common) say `/// <reference types="node" />`, which would otherwise declare `process`,
// `Buffer` and `require` for the whole program. Those typings lose only their Node-only members (e.g. Buffer results).
export {};
