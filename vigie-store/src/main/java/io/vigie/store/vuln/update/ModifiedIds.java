package io.vigie.store.vuln.update;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an OSV {@code <Ecosystem>/modified_id.csv}: one {@code <RFC 3339 modified>,<ID>} line per
 * record, newest first, no header. The file comes from a server, so every line is checked before
 * its ID goes into a URL or a file name: an ID is letters, digits and {@code . _ : -}, starts with
 * a letter or digit (so never {@code ..} or a path), at most 128 characters; a line is at most
 * {@value #MAX_LINE} bytes and the file at most {@value #MAX_LINES} lines. Anything else stops the
 * read with the feed, the line number and what was expected.
 */
final class ModifiedIds {

  /** One line: the record's {@code modified} time and its ID. */
  record Entry(Instant modified, String id) {}

  static final int MAX_LINE = 300;
  static final int MAX_LINES = 5_000_000;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private ModifiedIds() {}

  /** True when {@code id} may be put in a URL path segment and a file name as it is. */
  static boolean isSafeId(String id) {
    return ID.matcher(id).matches() && !id.contains("..");
  }

  /**
   * The lines of {@code file}, in file order.
   *
   * @throws FeedException naming {@code csvUrl}, the line and what is wrong
   */
  static List<Entry> read(Path file, String csvUrl) throws FeedException {
    List<Entry> out = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(64);
      int number = 1;
      int b;
      boolean over = false;
      while (true) {
        b = in.read();
        if (b == '\n' || b == -1) {
          if (over) {
            throw problem(csvUrl, number, "the line is longer than " + MAX_LINE + " bytes");
          }
          String text = line.toString(StandardCharsets.UTF_8);
          if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
          }
          if (!text.isBlank()) {
            if (out.size() >= MAX_LINES) {
              throw problem(csvUrl, number, "more than " + MAX_LINES + " lines");
            }
            out.add(parse(text, csvUrl, number));
          }
          if (b == -1) {
            return out;
          }
          line.reset();
          number++;
        } else if (line.size() < MAX_LINE) {
          line.write(b);
        } else {
          over = true;
        }
      }
    } catch (IOException e) {
      throw new FeedException(csvUrl + ": cannot read the download: " + e.getMessage());
    }
  }

  private static Entry parse(String text, String csvUrl, int number) throws FeedException {
    int comma = text.indexOf(',');
    if (comma < 0) {
      throw problem(csvUrl, number, "expected '<RFC 3339 time>,<ID>', found '" + shown(text) + "'");
    }
    String time = text.substring(0, comma).trim();
    String id = text.substring(comma + 1).trim();
    Instant modified;
    try {
      modified = io.vigie.formats.vuln.Rfc3339.parse(time);
    } catch (DateTimeParseException e) {
      throw problem(csvUrl, number, "'" + shown(time) + "' is not an RFC 3339 time such as 2024-08-15T10:00:00Z");
    }
    if (!isSafeId(id)) {
      throw problem(csvUrl, number, "'" + shown(id) + "' is not an OSV ID (letters, digits and . _ : - only,"
          + " starting with a letter or digit, at most 128 characters)");
    }
    return new Entry(modified, id);
  }

  private static FeedException problem(String csvUrl, int number, String what) {
    return new FeedException(csvUrl + " line " + number + ": " + what
        + "; nothing of this update was imported");
  }

  /** At most 80 characters, control characters shown as '?', so a hostile line cannot garble the terminal. */
  private static String shown(String s) {
    String clean = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
  }
}
