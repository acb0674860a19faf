package io.vigie.formats.vuln;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.EpssScore;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads FIRST's EPSS daily CSV ({@code epss_scores-YYYY-MM-DD.csv}, plain or gzipped — detected by
 * its magic bytes, not its name). The file starts with a comment line {@code
 * #model_version:v2023.03.01,score_date:2023-03-05T00:00:00+0000}, then the header {@code
 * cve,epss,percentile}. Without the comment line the score date is unknown, so the file is refused.
 *
 * <p>A wrong header, a missing comment line or damaged gzip throws {@link InvalidInputException}
 * naming the file and line; a row that does not parse is skipped and reported with its line.
 */
public final class EpssReader {

  /**
   * The longest line accepted. Real rows are about 40 characters; the limit stops a damaged or
   * hostile file (one 2 GB "line" of zero bytes) before it is read into memory.
   */
  static final int MAX_LINE = 4096;

  /** Reads the file, throwing if any row is invalid. */
  public EpssSnapshot read(Path file) {
    List<Problem> problems = new ArrayList<>();
    EpssSnapshot snapshot = read(file, problems::add);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return snapshot;
  }

  /** Reads the file, skipping invalid rows and reporting each to {@code skipped}. */
  public EpssSnapshot read(Path file, Consumer<Problem> skipped) {
    String location = file.toString();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
      String comment = line(lines, location, 1);
      if (comment == null || !comment.startsWith("#")) {
        throw fail(location, 1, "expected the '#model_version:…,score_date:…' comment line");
      }
      String modelVersion = "";
      LocalDate scoreDate = null;
      for (String part : comment.substring(1).split(",")) {
        int colon = part.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String key = part.substring(0, colon).trim();
        String value = part.substring(colon + 1).trim();
        if (key.equals("model_version")) {
          modelVersion = value;
        } else if (key.equals("score_date")) {
          scoreDate = scoreDate(value, location);
        }
      }
      if (scoreDate == null) {
        throw fail(location, 1, "the comment line has no score_date");
      }
      String header = line(lines, location, 2);
      if (header == null || !header.trim().equals("cve,epss,percentile")) {
        throw fail(location, 2, "expected the header 'cve,epss,percentile', found '" + header + "'");
      }
      List<EpssScore> scores = new ArrayList<>();
      int lineNumber = 2;
      for (String line = line(lines, location, 3); line != null; line = line(lines, location, lineNumber + 2)) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        try {
          if (cells.length != 3) {
            throw new IllegalArgumentException("expected 3 columns, found " + cells.length);
          }
          scores.add(
              new EpssScore(
                  cells[0].trim(),
                  Double.parseDouble(cells[1].trim()),
                  Double.parseDouble(cells[2].trim()),
                  scoreDate));
        } catch (IllegalArgumentException e) { // NumberFormatException included
          skipped.accept(
              Problem.at("row " + cells[0], e.getMessage()).located(location, lineNumber, 0));
        }
      }
      return new EpssSnapshot(modelVersion, scoreDate, scores);
    } catch (ZipException | java.io.EOFException e) {
      throw fail(location, 0, "damaged gzip: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The next line without its end, or null at the end; a line over {@link #MAX_LINE} characters is
   * refused: the file is not an EPSS CSV, whatever its name says.
   */
  private static String line(BufferedReader in, String location, int number) throws IOException {
    StringBuilder line = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        return line.toString();
      }
      if (c != '\r') {
        if (line.length() == MAX_LINE) {
          throw fail(location, number, "line longer than " + MAX_LINE + " characters: not an EPSS CSV file");
        }
        line.append((char) c);
      }
    }
    return line.length() == 0 ? null : line.toString();
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
  }

  /** Accepts {@code 2026-09-29T12:00:22Z}, {@code 2023-03-05T00:00:00+0000} and a bare date. */
  private static LocalDate scoreDate(String value, String location) {
    String iso = value.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2");
    try {
      return OffsetDateTime.parse(iso).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value);
      } catch (DateTimeParseException e2) {
        throw fail(location, 1, "score_date '" + value + "' is not a date");
      }
    }
  }

  private static InvalidInputException fail(String location, int line, String message) {
    return new InvalidInputException(Problem.at("", message).located(location, line, 0));
  }
}
