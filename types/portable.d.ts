// The WHATWG APIs that both runtimes of src/ (the pane's browsers and Node) provide, for tsconfig.src.json only: src/
// sees no other DOM or Node global. The addin and server configs get the full declarations from their own libs.
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
