package io.vigie.formats.vuln;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.KevEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads CISA's Known Exploited Vulnerabilities catalog in its JSON form
 * (known_exploited_vulnerabilities.json, schema in the same folder upstream).
 *
 * <p>Damaged JSON, or a document that is not a KEV catalog (no {@code vulnerabilities} array),
 * throws {@link InvalidInputException} naming the file. An entry that is unusable (no CVE id, a
 * date that does not parse) is skipped and reported to the warning consumer with its index and
 * CVE id: one bad line of a 1,400-entry catalog must not hide the other 1,399.
 */
public final class KevReader {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * The largest catalog read (the real one is about 1.5 MB with 1,400 entries): the catalog is read
   * as a tree, so a huge file would exhaust memory before it could be refused.
   */
  static final long MAX_BYTES = 256L * 1024 * 1024;

  /** Reads the catalog, throwing if any entry is invalid. */
  public KevCatalog read(Path file) {
    List<Problem> problems = new ArrayList<>();
    KevCatalog catalog = read(file, problems::add);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return catalog;
  }

  /** Reads the catalog, skipping invalid entries and reporting each to {@code skipped}. */
  public KevCatalog read(Path file, Consumer<Problem> skipped) {
    String location = file.toString();
    JsonNode root;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidInputException(Problem.at("", "larger than " + MAX_BYTES / (1024 * 1024)
            + " MiB: not a CISA KEV catalog (the real one is about 1.5 MB)").located(location, 0, 0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InvalidInputException(
          Problem.at("", "damaged JSON: " + e.getOriginalMessage())
              .located(location, at == null ? 0 : Math.max(0, at.getLineNr()),
                  at == null ? 0 : Math.max(0, at.getColumnNr())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject() || !root.path("vulnerabilities").isArray()) {
      throw new InvalidInputException(
          Problem.at("vulnerabilities", "not a CISA KEV catalog: expected an object with a 'vulnerabilities' array")
              .located(location, 0, 0));
    }
    List<KevEntry> entries = new ArrayList<>();
    JsonNode vulns = root.get("vulnerabilities");
    for (int i = 0; i < vulns.size(); i++) {
      JsonNode v = vulns.get(i);
      String field = "vulnerabilities[" + i + "]";
      String cve = v.path("cveID").asText("");
      try {
        entries.add(
            new KevEntry(
                cve,
                v.path("vendorProject").asText(""),
                v.path("product").asText(""),
                date(v, "dateAdded"),
                date(v, "dueDate"),
                "Known".equalsIgnoreCase(v.path("knownRansomwareCampaignUse").asText("")),
                v.path("notes").asText("")));
      } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
        skipped.accept(
            Problem.at(field, "entry " + (cve.isEmpty() ? "(no cveID)" : cve) + ": " + e.getMessage())
                .located(location, 0, 0));
      }
    }
    return new KevCatalog(
        root.path("catalogVersion").asText(""), root.path("dateReleased").asText(""), entries);
  }

  private static LocalDate date(JsonNode v, String field) {
    JsonNode value = v.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + " is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": '" + value.asText() + "' is not a YYYY-MM-DD date");
    }
  }
}
