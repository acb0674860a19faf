package io.vigie.formats.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.version.OsvAffected;
import io.vigie.core.vuln.version.OsvEvent;
import io.vigie.core.vuln.version.OsvRange;
import io.vigie.core.vuln.version.RangeType;
import io.vigie.core.vuln.version.VersionScheme;
import io.vigie.core.vuln.version.VersionSchemes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads OSV records (https://ossf.github.io/osv-schema/): one JSON file, a folder of them, or an
 * ecosystem {@code all.zip} as osv.dev publishes it (entries are read in place, never extracted).
 *
 * <p>Two kinds of bad input, handled differently in a bulk read ({@link #readAll}):
 *
 * <ul>
 *   <li>a <b>damaged file</b> — JSON that does not parse (truncated, not JSON), a zip that does not
 *       open, a path that is neither — throws {@link InvalidInputException} naming the file (and
 *       zip entry), with line and column: the batch is not what it claims to be, so nothing of it
 *       should be trusted;
 *   <li>an <b>invalid record</b> — well-formed JSON that is not a usable OSV record (no id, a range
 *       with no {@code introduced}, an event version the ecosystem's ordering cannot parse, an
 *       unknown range type) — is skipped and reported to the warning consumer as a {@link Problem}
 *       naming file, entry, record id and field. Never silently dropped.
 * </ul>
 *
 * <p>{@link #read} and {@link #parse} are strict: an invalid record throws. Stateless and
 * thread-safe.
 */
public final class OsvReader {

  /**
   * The largest record read. Real OSV records are at most a few hundred KiB (AlmaLinux kernel
   * errata); a bigger "record" is damage or an attack, and reading it whole would exhaust memory.
   */
  static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads one OSV JSON file; {@code source} is the file's name. */
  public Advisory read(Path jsonFile) {
    String name = jsonFile.getFileName().toString();
    return parse(readBytes(jsonFile, jsonFile.toString()), jsonFile.toString(), name, name);
  }

  /**
   * Parses one record. {@code location} is what problems name (a path, or {@code zip!entry});
   * {@code source} and {@code sourceRecord} go into the advisory.
   *
   * @throws InvalidInputException if the JSON is damaged or the record invalid
   */
  public Advisory parse(byte[] json, String location, String source, String sourceRecord) {
    JsonNode node = parseJson(json, location);
    return toAdvisory(node, location, source, sourceRecord);
  }

  /**
   * Reads every record under {@code path} — a {@code .json} file, a folder (walked recursively,
   * {@code .json} files in name order) or a {@code .zip} — handing valid ones to {@code sink} and
   * invalid ones to {@code skipped}; see the class comment for what throws instead.
   */
  public BulkReadSummary readAll(Path path, Consumer<Advisory> sink, Consumer<Problem> skipped) {
    return readAllRecords(path, r -> sink.accept(r.advisory()), skipped);
  }

  /** {@link #readAll}, handing each advisory with its JSON text. */
  public BulkReadSummary readAllRecords(
      Path path, Consumer<OsvRecord> sink, Consumer<Problem> skipped) {
    if (Files.isDirectory(path)) {
      return readFolder(path, sink, skipped);
    }
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException(
          Problem.at("", "no such OSV file, folder or zip").located(path.toString(), 0, 0));
    }
    String name = path.getFileName().toString();
    if (name.endsWith(".zip")) {
      return readZip(path, sink, skipped);
    }
    if (name.endsWith(".json")) {
      return one(readBytes(path, path.toString()), path.toString(), name, name, sink, skipped);
    }
    throw new InvalidInputException(
        Problem.at("", "not an OSV record (.json), folder or ecosystem archive (.zip)")
            .located(path.toString(), 0, 0));
  }

  private BulkReadSummary readFolder(Path folder, Consumer<OsvRecord> sink, Consumer<Problem> skipped) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files =
          walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String source = folder.getFileName().toString();
    BulkReadSummary total = new BulkReadSummary(0, 0);
    for (Path file : files) {
      String entry = folder.relativize(file).toString().replace('\\', '/');
      if (size(file) > MAX_RECORD_BYTES) {
        skipped.accept(tooLarge(file.toString()));
        total = total.plus(new BulkReadSummary(0, 1));
        continue;
      }
      total = total.plus(one(readBytes(file, file.toString()), file.toString(), source, entry, sink, skipped));
    }
    return total;
  }

  private BulkReadSummary readZip(Path zip, Consumer<OsvRecord> sink, Consumer<Problem> skipped) {
    String source = zip.getFileName().toString();
    BulkReadSummary total = new BulkReadSummary(0, 0);
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      List<? extends ZipEntry> entries =
          archive.stream().filter(e -> !e.isDirectory() && e.getName().endsWith(".json")).toList();
      for (ZipEntry entry : entries) {
        String location = zip + "!" + entry.getName();
        byte[] bytes;
        try (InputStream in = archive.getInputStream(entry)) {
          // Bounded: the declared size of an entry can lie (a zip bomb), so read at most one byte
          // more than the limit and skip the record if it is over.
          bytes = in.readNBytes(MAX_RECORD_BYTES + 1);
          if (bytes.length > MAX_RECORD_BYTES) {
            skipped.accept(tooLarge(location));
            total = total.plus(new BulkReadSummary(0, 1));
            continue;
          }
        } catch (ZipException e) {
          throw damaged(location, "damaged zip entry: " + e.getMessage());
        }
        total = total.plus(one(bytes, location, source, entry.getName(), sink, skipped));
      }
    } catch (ZipException e) {
      throw damaged(zip.toString(), "not a readable zip archive: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  private BulkReadSummary one(
      byte[] bytes,
      String location,
      String source,
      String sourceRecord,
      Consumer<OsvRecord> sink,
      Consumer<Problem> skipped) {
    JsonNode node = parseJson(bytes, location); // damaged JSON throws: see the class comment
    Advisory advisory;
    try {
      advisory = toAdvisory(node, location, source, sourceRecord);
    } catch (InvalidInputException e) {
      e.problems().forEach(skipped);
      return new BulkReadSummary(0, 1);
    }
    sink.accept(new OsvRecord(advisory, node.toString()));
    return new BulkReadSummary(1, 0);
  }

  private static JsonNode parseJson(byte[] json, String location) {
    return JsonDocument.parseObject(JSON, json, location, "OSV");
  }


  private static InvalidInputException damaged(String location, String message) {
    return new InvalidInputException(Problem.at("", message).located(location, 0, 0));
  }

  private static Problem tooLarge(String location) {
    return Problem.at("", "record larger than " + MAX_RECORD_BYTES / (1024 * 1024)
        + " MiB: not an OSV record (the largest real ones are a few hundred KiB)").located(location, 0, 0);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readBytes(Path file, String location) {
    try {
      if (Files.size(file) > MAX_RECORD_BYTES) {
        throw new InvalidInputException(tooLarge(location));
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- record → Advisory, collecting every problem of the record ----

  private static Advisory toAdvisory(
      JsonNode node, String location, String source, String sourceRecord) {
    RecordProblems problems = new RecordProblems(location, node.path("id").asText(""));
    String id = text(node, "id", problems, true);
    Instant modified = instant(node, "modified", problems, true);
    Optional<Instant> published = Optional.ofNullable(instant(node, "published", problems, false));
    Optional<Instant> withdrawn = Optional.ofNullable(instant(node, "withdrawn", problems, false));
    List<String> aliases = strings(node, "aliases", problems);
    // A distribution advisory lists the CVEs it fixes as related (AlmaLinux) or upstream (Ubuntu).
    List<String> related = new ArrayList<>(strings(node, "related", problems));
    strings(node, "upstream", problems).stream().filter(x -> !related.contains(x)).forEach(related::add);
    String summary = node.path("summary").isTextual() ? node.get("summary").asText() : "";
    List<String> cvss = new ArrayList<>(cvssVectors(node.path("severity")));
    List<OsvAffected> affected = new ArrayList<>();
    JsonNode affectedNodes = node.path("affected");
    if (!affectedNodes.isMissingNode() && !affectedNodes.isArray()) {
      problems.add("affected", "expected an array");
    }
    for (int i = 0; i < affectedNodes.size() && affectedNodes.isArray(); i++) {
      JsonNode a = affectedNodes.get(i);
      affected(a, "affected[" + i + "]", problems).ifPresent(affected::add);
      for (String v : cvssVectors(a.path("severity"))) {
        if (!cvss.contains(v)) {
          cvss.add(v);
        }
      }
    }
    problems.throwIfAny();
    return new Advisory(
        id, aliases, summary, published, modified, withdrawn, affected, cvss, source, sourceRecord, related);
  }

  private static Optional<OsvAffected> affected(JsonNode a, String field, RecordProblems problems) {
    if (!a.isObject()) {
      problems.add(field, "expected an object");
      return Optional.empty();
    }
    // OSV allows an affected entry without a package when its ranges are GIT commit ranges.
    JsonNode pkg = a.path("package");
    String ecosystem = pkg.path("ecosystem").asText("");
    String name = pkg.path("name").asText("");
    if (pkg.isObject() && (ecosystem.isEmpty() || name.isEmpty())) {
      problems.add(field + ".package", "needs both 'ecosystem' and 'name'");
    }
    List<OsvRange> ranges = new ArrayList<>();
    JsonNode rangeNodes = a.path("ranges");
    for (int r = 0; r < rangeNodes.size() && rangeNodes.isArray(); r++) {
      range(rangeNodes.get(r), ecosystem, field + ".ranges[" + r + "]", problems)
          .ifPresent(ranges::add);
    }
    List<String> versions = strings(a, "versions", problems);
    if (problems.isEmpty()) {
      return Optional.of(new OsvAffected(ecosystem, name, ranges, versions));
    }
    return Optional.empty();
  }

  private static Optional<OsvRange> range(
      JsonNode r, String ecosystem, String field, RecordProblems problems) {
    RangeType type;
    try {
      type = RangeType.valueOf(r.path("type").asText(""));
    } catch (IllegalArgumentException e) {
      problems.add(field + ".type", "expected SEMVER, ECOSYSTEM or GIT, found '" + r.path("type").asText("") + "'");
      return Optional.empty();
    }
    Optional<VersionScheme> scheme =
        switch (type) {
          case SEMVER -> Optional.of(VersionSchemes.SEMVER);
          case ECOSYSTEM -> VersionSchemes.forEcosystem(ecosystem); // unknown: kept, not evaluable
          case GIT -> Optional.empty(); // commit hashes: ordered by the graph, not parsed
        };
    JsonNode eventNodes = r.path("events");
    if (!eventNodes.isArray() || eventNodes.isEmpty()) {
      problems.add(field + ".events", "a range needs at least one event");
      return Optional.empty();
    }
    List<OsvEvent> events = new ArrayList<>();
    boolean introduced = false;
    int before = problems.size();
    for (int e = 0; e < eventNodes.size(); e++) {
      JsonNode event = eventNodes.get(e);
      String eventField = field + ".events[" + e + "]";
      if (!event.isObject() || event.size() != 1) {
        problems.add(eventField, "an event has exactly one of introduced, fixed, last_affected, limit");
        continue;
      }
      Map.Entry<String, JsonNode> only = event.fields().next();
      OsvEvent.Kind kind = kind(only.getKey());
      String version = only.getValue().asText("");
      if (kind == null || version.isEmpty()) {
        problems.add(eventField + "." + only.getKey(), "expected introduced, fixed, last_affected or limit with a version");
        continue;
      }
      introduced |= kind == OsvEvent.Kind.INTRODUCED;
      boolean wildcard =
          (kind == OsvEvent.Kind.INTRODUCED && version.equals("0"))
              || (kind == OsvEvent.Kind.LIMIT && version.equals("*"));
      if (!wildcard && scheme.isPresent()) {
        try {
          scheme.get().parse(version);
        } catch (InvalidInputException bad) {
          problems.add(eventField + "." + kind.osvName(), bad.problems().get(0).message());
          continue;
        }
      }
      events.add(new OsvEvent(kind, version));
    }
    if (!introduced) {
      problems.add(field + ".events", "a range needs an 'introduced' event");
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new OsvRange(type, events));
  }

  private static OsvEvent.Kind kind(String key) {
    for (OsvEvent.Kind k : OsvEvent.Kind.values()) {
      if (k.osvName().equals(key)) {
        return k;
      }
    }
    return null;
  }

  private static List<String> cvssVectors(JsonNode severity) {
    List<String> vectors = new ArrayList<>();
    for (JsonNode s : severity) {
      if (s.path("type").asText("").startsWith("CVSS_") && s.path("score").isTextual()) {
        vectors.add(s.get("score").asText());
      }
    }
    return vectors;
  }

  private static String text(JsonNode node, String field, RecordProblems problems, boolean required) {
    JsonNode value = node.path(field);
    if (value.isTextual() && !value.asText().isBlank()) {
      return value.asText();
    }
    if (required || !value.isMissingNode()) {
      problems.add(field, value.isMissingNode() ? "is required" : "expected a non-empty string");
    }
    return null;
  }

  private static Instant instant(JsonNode node, String field, RecordProblems problems, boolean required) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        problems.add(field, "is required");
      }
      return null;
    }
    try {
      return Rfc3339.parse(value.asText());
    } catch (DateTimeParseException e) {
      problems.add(field, "expected an RFC 3339 timestamp, found '" + value.asText() + "'");
      return null;
    }
  }

  private static List<String> strings(JsonNode node, String field, RecordProblems problems) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (!value.isArray()) {
      problems.add(field, "expected an array of strings");
      return out;
    }
    for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
      JsonNode s = it.next();
      if (s.isTextual()) {
        out.add(s.asText());
      } else {
        problems.add(field, "expected an array of strings");
      }
    }
    return out;
  }

  /** Every problem of one record, located at its file (and entry), the record id in the message. */
  private static final class RecordProblems {
    private final String location;
    private final String recordId;
    private final List<Problem> problems = new ArrayList<>();

    RecordProblems(String location, String recordId) {
      this.location = location;
      this.recordId = recordId.isEmpty() ? "(no id)" : recordId;
    }

    void add(String field, String message) {
      problems.add(Problem.at(field, "record " + recordId + ": " + message).located(location, 0, 0));
    }

    int size() {
      return problems.size();
    }

    boolean isEmpty() {
      return problems.isEmpty();
    }

    void throwIfAny() {
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }
  }

}
