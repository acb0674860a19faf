package io.vigie.formats.vuln;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a component's package URL first appears in the SBOM text, as a SARIF region (1-based line
 * and UTF-16 columns), so that a code scanning alert points at the component and not at the top of
 * the file. One pass to index the line starts, then one search per component: cheap next to the
 * scan itself.
 *
 * <p>The search looks for the package URL as a JSON string first ({@code "pkg:…"}, the CycloneDX
 * and SPDX JSON {@code purl} or {@code referenceLocator} value), then as bare text (XML element,
 * tag-value line). A package URL the file spells differently (XML-escaped {@code &amp;} in its
 * qualifiers, JSON-escaped slashes) is not found: the caller then points at line 1.
 */
final class SbomLines {
  /** A region: line and columns of the first character, and the column after the last. */
  record Region(int startLine, int startColumn, int endLine, int endColumn) {}

  private final String text;
  private final int[] lineStarts;

  SbomLines(String text) {
    this.text = text;
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
  }

  Optional<Region> find(String purl) {
    if (purl.isEmpty()) {
      return Optional.empty();
    }
    int at = text.indexOf('"' + purl + '"');
    if (at >= 0) {
      at++;
    } else {
      at = text.indexOf(purl);
    }
    if (at < 0) {
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
