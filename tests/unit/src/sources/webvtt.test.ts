// The W3C WebVTT parsing rules, rule by rule: file parsing (signature, blocks, timings) and the cue text tokenizer and
// tree.
// Cases follow the shapes of the public web-platform-tests (webvtt/parsing); every expectation is written from the spec
// text.
import { describe, expect, it } from "vitest";
import { cueTextOf, parseCueText, parseWebVtt, type CueNode } from "../../../../src/sources/webvtt";

const texts = (input: string) => parseWebVtt(input)?.cues.map((c) => c.text);
const CUE = "00:00:00.000 --> 00:00:01.000";

/** The tree as a compact string: tags as name[.classes][ annotation](children), text quoted. */
function show(nodes: readonly CueNode[]): string {
  return nodes
    .map((n) => {
      if (n.kind === "text") return JSON.stringify(n.value);
      if (n.kind === "timestamp") return `@${n.seconds}`;
      const classes = n.classes.map((c) => `.${c}`).join("");
      return `${n.name}${classes}${n.annotation ? ` ${n.annotation}` : ""}(${show(n.children)})`;
    })
    .join(",");
}

describe("WebVTT file signature", () => {
  it("accepts WEBVTT alone, or followed by a space, a tab or a line end, after an optional BOM", () => {
    expect(parseWebVtt("WEBVTT")?.cues).toEqual([]);
    expect(texts(`WEBVTT\n\n${CUE}\ntext`)).toEqual(["text"]);
    expect(texts(`WEBVTT FILE with text\n\n${CUE}\ntext`)).toEqual(["text"]);
    expect(texts(`WEBVTT\tx\n\n${CUE}\ntext`)).toEqual(["text"]);
    expect(texts(`\uFEFFWEBVTT\n\n${CUE}\ntext`)).toEqual(["text"]);
    expect(texts(`WEBVTT\r\n\r\n${CUE}\r\ntext`)).toEqual(["text"]);
  });

  it("refuses anything else: another seventh character, lower case, leading blanks, too short", () => {
    for (const bad of ["WEBVTTX\n\n", "webvtt\n\n", " WEBVTT\n\n", "\nWEBVTT\n", "WEBVT", "", "WEBVTT-\n"])
      expect(parseWebVtt(bad)).toBeNull();
  });
});

describe("WebVTT blocks and line ends", () => {
  it("reads CR, LF, CRLF and LFCR as line ends (LFCR is two)", () => {
    const cues = parseWebVtt(
      `WEBVTT\r\rcr\r${CUE}\rtext1\r\rlf\n${CUE}\ntext2\n\ncrlf\r\n${CUE}\r\ntext3\r\n\r\nlfcr\n\r${CUE}\n\rtext4\n\r`,
    )?.cues;
    expect(cues?.map((c) => [c.id, c.text])).toEqual([
      ["cr", "text1"],
      ["lf", "text2"],
      ["crlf", "text3"],
      // LF CR is two line ends: "lfcr" is a block of its own, the timing line a cue without id or text, "text4" a stray
      // block.
      ["", ""],
    ]);
  });

  it("replaces NUL characters with U+FFFD", () => {
    expect(texts(`WEBVTT\n\n${CUE}\na\0b`)).toEqual(["a\uFFFDb"]);
  });

  it("ignores header lines, and starts a cue at a timing line right under the signature", () => {
    expect(texts(`WEBVTT\nKind: captions\nLanguage: fr\n\n${CUE}\ntext`)).toEqual(["text"]);
    expect(texts(`WEBVTT\n${CUE}\ntext`)).toEqual(["text"]);
    expect(texts(`WEBVTT\nfoo\n${CUE}\ntext`)).toEqual(["text"]);
  });

  it("keeps cue ids as written, spaces included, and keeps a cue's lines", () => {
    const cues = parseWebVtt(
      `WEBVTT\n\n leading space\n${CUE}\ntext1\n\ntrailing space \n${CUE}\ntext2\n\n-- >\n${CUE}\nline one\nline two`,
    )?.cues;
    expect(cues?.map((c) => c.id)).toEqual([" leading space", "trailing space ", "-- >"]);
    expect(cues?.[2]?.text).toBe("line one\nline two");
  });

  it("skips NOTE, STYLE and REGION blocks", () => {
    const file = `WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1 width:40%\n\nNOTE a comment\nover two lines\n\nNOTE\n\n${CUE}\ntext\n\nNOTE after\n`;
    expect(texts(file)).toEqual(["text"]);
  });

  it("ends a cue at a line holding '-->' and skips what follows up to the next blank line", () => {
    expect(texts(`WEBVTT\n\n${CUE}\nhello\nso a --> b\nlost\n\n00:00:02.000 --> 00:00:03.000\nnext`)).toEqual([
      "hello",
      "next",
    ]);
    // A timing line in the payload starts the next cue.
    expect(texts(`WEBVTT\n\n${CUE}\none\n${CUE}\ntwo`)).toEqual(["one", "two"]);
  });

  it("reads the public 'arrows' shapes: six cues, every malformed arrow line dropped with its block", () => {
    const file = `WEBVTT\n\n-->\n${CUE}\ntext1\nfoo-->\n${CUE}\ntext2\n-->foo\n${CUE}\ntext3\n--->\n${CUE}\ntext4\n-->-->\n${CUE}\ntext5\n${CUE}\ntext6\n\n00:00:00.000 -a -->\n\n00:00:00.000 --a -->\n\n00:00:00.000 - -->\n\n00:00:00.000 -- -->\n`;
    const cues = parseWebVtt(file)?.cues;
    expect(cues?.map((c) => c.text)).toEqual(["text1", "text2", "text3", "text4", "text5", "text6"]);
    expect(cues?.every((c) => c.id === "")).toBe(true);
  });
});

describe("WebVTT timestamps", () => {
  it("reads hours when present and minutes otherwise, and cue settings after the end", () => {
    const cues = parseWebVtt(
      `WEBVTT\n\n00:01.500 --> 01:02.250 align:start position:10%\na\n\n1:00:00.000 --> 100:00:00.001\nb`,
    )?.cues;
    expect(cues?.map((c) => [c.start, c.end])).toEqual([
      [1.5, 62.25],
      [3600, 360000.001],
    ]);
  });

  it("skips cues whose timings are too short, too long, over 59 or garbage, never merging their text", () => {
    const bad = [
      "0000:00.000",
      "00:0:00.000",
      "00:00:0.000",
      "00:00:00.00",
      "00:00:00.0",
      "00:00:00.",
      "00:00:00",
      "00:00",
      "0:00.000",
      "00::00:00.000",
      "00:000:00.000",
      "00:00:000.000",
      "00:00:00..000",
      "00:00:00.0000",
      "00:60.000",
      "00:00:60.000",
      "00:60:00.000",
      "00:00,000",
      "abc",
      "-00:00.000",
    ];
    const file = [
      "WEBVTT",
      `0:00:00.000 --> 00:00:01.000\ntext1`,
      ...bad.map((t) => `${t} --> 00:00:01.000\ninvalid`),
      ...bad.map((t) => `00:00:00.000 --> ${t}\ninvalid`),
      `00:00:00.000 --> 000:00:01.000\ntext2`,
    ].join("\n\n");
    expect(texts(file)).toEqual(["text1", "text2"]);
  });

  it("allows spaces, tabs and form feeds around the arrow, but not vertical tabs", () => {
    const file = `WEBVTT\n\nspaces\n   00:00:00.000    -->  00:00:01.000 \n   text1\n\ntabs\n\t\t00:00:00.000\t\t-->\t00:00:01.000\t\ntext2\n\nform feed\n\f\f00:00:00.000\f-->\f00:00:01.000\f\ntext3\n\nvertical tab\n\v00:00:00.000\v-->\v00:00:01.000\v\ntext4\n`;
    expect(parseWebVtt(file)?.cues.map((c) => [c.id, c.text])).toEqual([
      ["spaces", "   text1"],
      ["tabs", "text2"],
      ["form feed", "text3"],
    ]);
  });

  it("keeps a cue whose timing line ends the file, with empty text, and drops a timing cut at the end", () => {
    expect(texts(`WEBVTT\n\n${CUE}`)).toEqual([""]);
    expect(texts("WEBVTT\n\n00:00:00.000 --> 00:00:01")).toEqual([]);
  });
});

describe("WebVTT cue text tokenizer and tree", () => {
  it("builds the known tags: c with classes, i, b, u, lang and v with annotations", () => {
    expect(show(parseCueText("<c.yellow.big>a</c><i>b</i><b>c</b><u>d</u><lang fr-FR>e</lang>"))).toBe(
      'c.yellow.big("a"),i("b"),b("c"),u("d"),lang fr-FR("e")',
    );
    expect(show(parseCueText("<v.loud.fast   Karim   Benali  >Bonjour</v>"))).toBe(
      'v.loud.fast Karim Benali("Bonjour")',
    );
  });

  it("drops unknown tags and keeps their text", () => {
    expect(show(parseCueText("<bad>texte</bad> <font color=red>rouge</font>"))).toBe('"texte"," ","rouge"');
    expect(cueTextOf(parseCueText("<bad>texte</bad>"))).toBe("texte");
  });

  it("ignores an end tag that does not close the current node ('</c awesome')", () => {
    expect(show(parseCueText("<c>a</c awesome>b"))).toBe('c("a","b")');
    expect(show(parseCueText("<i>a</c awesome"))).toBe('i("a")');
    expect(show(parseCueText("<b>a</i>b</b>c"))).toBe('b("a","b"),"c"');
  });

  it("leaves tags open at the end of the cue, and reads a lone '<' as an empty tag", () => {
    expect(show(parseCueText("<v Bob>a<i>b"))).toBe('v Bob("a",i("b"))');
    expect(show(parseCueText("a<"))).toBe('"a"');
    expect(show(parseCueText("a<>b"))).toBe('"a","b"');
  });

  it("follows the ruby rules of the tree-building tests", () => {
    expect(show(parseCueText("<ruby>test<rt>test"))).toBe('ruby("test",rt("test"))');
    expect(show(parseCueText("<ruby>test<rt>test</rt>test"))).toBe('ruby("test",rt("test"),"test")');
    expect(show(parseCueText("<ruby>test<rt>test</ruby>test"))).toBe('ruby("test",rt("test")),"test"');
    expect(show(parseCueText("<ruby>test<rt><b>test</rt></ruby>test"))).toBe('ruby("test",rt(b("test","test")))');
    expect(show(parseCueText("<ruby>test<rt><b>test</rt></b></ruby>test"))).toBe('ruby("test",rt(b("test"))),"test"');
    expect(show(parseCueText("<rt>x</rt>"))).toBe('"x"');
  });

  it("reads timestamp tags and drops invalid ones", () => {
    expect(show(parseCueText("a<00:00:01.500>b<00:01.000>c<1:2>d"))).toBe('"a",@1.5,"b",@1,"c","d"');
  });

  it("decodes character references in text and annotations, and keeps what is not one", () => {
    expect(cueTextOf(parseCueText("&amp; &lt; &gt; a&lrm;b a&rlm;b &nbsp;"))).toBe("& < > a\u200eb a\u200fb \u00a0");
    expect(cueTextOf(parseCueText("&#233;t&#xE9; &#x20AC; &eacute; &quot;"))).toBe('été € é "');
    for (const kept of ["&", "&&", "&;", "&1", "&1;", "&unknownentity;", "&#;", "&#x;"])
      expect(cueTextOf(parseCueText(kept))).toBe(kept);
    expect(cueTextOf(parseCueText("&#0; &#x110000; &#xD800;"))).toBe("\uFFFD \uFFFD \uFFFD");
    expect(show(parseCueText("&<c>x"))).toBe('"&",c("x")');
    expect(show(parseCueText("<v Bob &amp; Ann>x"))).toBe('v Bob & Ann("x")');
  });

  it("never throws and reads a megabyte of unclosed tags in linear time", () => {
    const started = performance.now();
    parseCueText("<v ".repeat(300_000));
    parseCueText("<c.".repeat(300_000));
    parseCueText("&#".repeat(300_000));
    expect(performance.now() - started).toBeLessThan(10_000); // quadratic work on a megabyte takes minutes; 10 s only guards against that, not speed
  });
});
