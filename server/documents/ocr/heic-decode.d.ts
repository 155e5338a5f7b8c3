// Owns the types of heic-decode, which ships none: what the OCR rasteriser uses of it.
declare module "heic-decode" {
  interface DecodedHeic {
    readonly width: number;
    readonly height: number;
    readonly data: Uint8ClampedArray;
  }
  /** Decodes the primary image of a HEIC/HEIF file to RGBA. */
  function decode(input: { buffer: Uint8Array | ArrayBuffer }): Promise<DecodedHeic>;
  export default decode;
}
