package io.vigie.report;

/**
 * Escaping for every place user text reaches a report. The model is written by whoever can open
 * a pull request, and the report is opened by auditors and customers: no model text may become
 * markup (stored cross-site scripting in a security report would be an irony to avoid).
 */
public final class Escape {
  private Escape() {}

  /** Text for HTML and SVG/XML content and quoted attribute values. */
  public static String html(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep;
      switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
          // XML 1.0 forbids most control characters; an SVG with one would not render at all.
          rep = c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? "" : null;
      }
      if (rep != null) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        out.append(rep);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * Free text in Markdown: no raw HTML (GitHub renders some of it), no link (a component named
   * {@code [Sign in](https://evil.example)} must not become one in a report or a PR comment), no
   * table breaks, one line. Emphasis characters are left alone: they change the look, not the meaning.
   */
  public static String markdown(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("[", "\\[").replace("]", "\\]")
        .replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  /** Text inside a Markdown code span. */
  public static String code(String s) {
    return s.replace('`', '\'').replace('\n', ' ').replace("|", "\\|");
  }
}
