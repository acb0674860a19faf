package io.vigie.formats.vuln;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a component's package URL first appears in the SBOM text, as a SARIF region (1-based line
 * and UTF-16 columns), so that a code scanning alert points at the component and not at the top of
 * the file.
 *
 * <p>The text is read once: every package URL in it ({@code pkg:} up to a quote, an apostrophe, an
 * angle bracket or white space) is indexed at its first place. Why not a search per finding: an
 * SBOM of 10,000 components is 1.5 MB of text, and the SARIF of a scan of one with 8,376 findings
 * took 16 to 20 s, most of it searching (bench/RESULTS.md, session 9). A package URL is found where
 * the file has it as a JSON string ({@code "pkg:…"}, the CycloneDX and SPDX JSON {@code purl} or
 * {@code referenceLocator} value), else where it stands as a word (XML element, tag-value line);
 * never inside a longer one, whose component it is not. A package URL the file spells differently
 * (XML-escaped {@code &amp;} in its qualifiers, JSON-escaped slashes) is not found: the caller then
 * points at line 1.
 */
final class SbomLines {
  /** A region: line and columns of the first character, and the column after the last. */
  record Region(int startLine, int startColumn, int endLine, int endColumn) {}

  private final int[] lineStarts;
  /** Each package URL of the text at its first place as a JSON string, then as a word. */
  private final Map<String, Integer> quoted = new HashMap<>();
  private final Map<String, Integer> words = new HashMap<>();

  SbomLines(String text) {
    int[] starts = new int[64];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
    for (int at = text.indexOf("pkg:"), end; at >= 0; at = text.indexOf("pkg:", end)) {
      end = at;
      while (end < text.length() && !endsWord(text.charAt(end))) {
        end++;
      }
      String purl = text.substring(at, end);
      words.putIfAbsent(purl, at);
      if (at > 0 && text.charAt(at - 1) == '"' && end < text.length() && text.charAt(end) == '"') {
        quoted.putIfAbsent(purl, at);
      }
    }
  }

  /** What ends a package URL in the text: a package URL percent-encodes these. */
  private static boolean endsWord(char c) {
    return c == '"' || c == '\'' || c == '<' || c == '>' || Character.isWhitespace(c);
  }

  Optional<Region> find(String purl) {
    Integer at = quoted.get(purl);
    if (at == null) {
      at = words.get(purl);
    }
    if (at == null) {
      return Optional.empty();
    }
    int line = Arrays.binarySearch(lineStarts, at);
    if (line < 0) {
      line = -line - 2;
    }
    int column = at - lineStarts[line] + 1;
    // A package URL never holds a line break, so the region ends on the same line.
    return Optional.of(new Region(line + 1, column, line + 1, column + purl.length()));
  }
}
