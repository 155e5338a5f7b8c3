// HTML mail bodies read as text: lines, quotes, rules and references, as a mail client shows them.
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../../src/sources/html-text";

describe("htmlToText", () => {
  it("turns Gmail's divisions, line breaks and quote into lines and '> ' quoting", () => {
    const html =
      '<div dir="ltr"><div>Bonjour,</div><div><br></div><div>Le co&ucirc;t est de 120&nbsp;&euro;.</div></div><br><div class="gmail_quote"><div class="gmail_attr">Le lun. 7 déc. 2026 à 10:00, Jean &lt;jean@orange.fr&gt; a écrit&nbsp;:<br></div><blockquote class="gmail_quote">Voici<br>le devis.<blockquote>Plus ancien</blockquote></blockquote></div>';
    expect(htmlToText(html)).toBe(
      "Bonjour,\n\nLe coût est de 120 €.\n\nLe lun. 7 déc. 2026 à 10:00, Jean <jean@orange.fr> a écrit :\n> Voici\n> le devis.\n> > Plus ancien",
    );
  });

  it("turns Outlook's rule and bold header names into the header block, and drops styles, scripts and comments", () => {
    const html =
      '<html><head><style>p.MsoNormal{margin:0}</style></head><body><p class="MsoNormal">Merci.<o:p></o:p></p><!-- [if gte mso 9]> x <![endif] --><script>alert(1)</script><hr><div id="divRplyFwdMsg"><b>De :</b> Agence MAIF &lt;agence@maif.fr&gt;<br><b>Envoyé :</b> lundi 7 décembre 2026 10:00<br><b>À :</b> Jean<br><b>Objet :</b> Devis</div><p>Ancien   message</p></body></html>';
    expect(htmlToText(html)).toBe(
      "Merci.\n________________________________\nDe : Agence MAIF <agence@maif.fr>\nEnvoyé : lundi 7 décembre 2026 10:00\nÀ : Jean\nObjet : Devis\nAncien message",
    );
  });

  it("keeps preformatted text, lists and table cells readable, and reads a megabyte of tags in linear time", () => {
    expect(
      htmlToText("<pre>a  b\nc</pre><ul><li> un</li><li>deux</li></ul><table><tr><td>A</td><td>B</td></tr></table>"),
    ).toBe("a  b\nc\n- un\n- deux\nA B");
    const started = performance.now();
    htmlToText("<blockquote><div>x".repeat(100_000));
    htmlToText("<".repeat(1_000_000));
    expect(performance.now() - started).toBeLessThan(10_000); // quadratic work on a megabyte takes minutes; 10 s only guards against that, not speed
  });
});
