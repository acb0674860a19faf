package io.vigie.formats.vuln;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.cpe.Cpe;
import io.vigie.core.vuln.cpe.CpeConfiguration;
import io.vigie.core.vuln.cpe.CpeMatchCriterion;
import io.vigie.core.vuln.cpe.CpeNode;
import io.vigie.core.vuln.cpe.NvdCve;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads NVD CVE API 2.0 JSON: {@code {"resultsPerPage":…, "vulnerabilities":[{"cve":{…}}, …]}}, the
 * shape of both an API page and a yearly feed file ({@code nvdcve-2.0-2024.json}, plain or
 * gzipped, detected from its first bytes). Streaming: the yearly files are hundreds of megabytes, so
 * only one record is in memory at a time.
 *
 * <p>As {@link OsvReader}: a <b>damaged file</b> (JSON that does not parse, a truncated gzip, no
 * {@code vulnerabilities} array) throws {@link InvalidInputException} naming the file, line and
 * column, and the caller keeps nothing of it; an <b>invalid record</b> (no CVE id, a bad
 * timestamp, a criterion that is not a valid CPE, an unknown operator) is skipped and reported as a
 * {@link Problem} naming the file and {@code vulnerabilities[i]}. Records NVD marks {@code
 * Rejected} are handed on and counted (a store keeps them so that the rejection replaces an older
 * copy); matching ignores them. Stateless and thread-safe.
 */
public final class NvdReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads every record of one file, valid ones to {@code sink}, invalid ones to {@code skipped}. */
  public NvdReadSummary readAll(Path file, Consumer<NvdRecord> sink, Consumer<Problem> skipped) {
    if (!Files.isRegularFile(file)) {
      throw damaged(file.toString(), 0, 0, "no such NVD file");
    }
    String source = file.getFileName().toString();
    try (InputStream in = open(file); JsonParser parser = JSON.getFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw damaged(file.toString(), 1, 1, "expected an NVD CVE API 2.0 object ({\"vulnerabilities\": […]})");
      }
      NvdReadSummary total = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("vulnerabilities")) {
          if (value != JsonToken.START_ARRAY) {
            throw damaged(file.toString(), line(parser), column(parser), "'vulnerabilities' is not an array");
          }
          total = records(parser, file.toString(), source, sink, skipped);
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw damaged(file.toString(), line(parser), column(parser), "unexpected content after the NVD object");
      }
      if (total == null) {
        throw damaged(file.toString(), 0, 0, "no 'vulnerabilities' array: not an NVD CVE API 2.0 file or page");
      }
      return total;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw damaged(file.toString(), at == null ? 0 : Math.max(0, at.getLineNr()), at == null ? 0 : Math.max(0, at.getColumnNr()),
          "damaged JSON: " + e.getOriginalMessage());
    } catch (EOFException | ZipException e) {
      throw damaged(file.toString(), 0, 0, "damaged or truncated gzip: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private NvdReadSummary records(JsonParser parser, String location, String source, Consumer<NvdRecord> sink,
      Consumer<Problem> skipped) throws IOException {
    int index = 0;
    int read = 0;
    int rejected = 0;
    int bad = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() == null) {
        throw damaged(location, 0, 0, "the 'vulnerabilities' array is not closed");
      }
      JsonNode item = JSON.readTree(parser);
      String where = "vulnerabilities[" + index + "]";
      index++;
      JsonNode cve = item == null ? null : item.get("cve");
      if (cve == null || !cve.isObject()) {
        skipped.accept(Problem.at(where, "expected an object with a 'cve' object").located(location, 0, 0));
        bad++;
        continue;
      }
      try {
        NvdCve parsed = toCve(cve, location, where, source, where);
        sink.accept(new NvdRecord(parsed, cve.toString()));
        read++;
        if (parsed.isRejected()) {
          rejected++;
        }
      } catch (InvalidInputException e) {
        e.problems().forEach(skipped);
        bad++;
      }
    }
    return new NvdReadSummary(read, rejected, bad);
  }

  /**
   * Parses one {@code cve} object, as a store kept it.
   *
   * @throws InvalidInputException if the JSON is damaged or the record invalid
   */
  public NvdCve parse(String cveJson, String location, String source, String sourceRecord) {
    JsonNode node;
    try {
      node = JSON.readTree(cveJson);
    } catch (JsonProcessingException e) {
      throw damaged(location, 0, 0, "damaged JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw damaged(location, 0, 0, "expected an NVD 'cve' object");
    }
    return toCve(node, location, "", source, sourceRecord);
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
  }

  // ---- one record ----

  private static NvdCve toCve(JsonNode cve, String location, String where, String source, String sourceRecord) {
    List<Problem> problems = new ArrayList<>();
    String id = cve.path("id").asText("");
    String prefix = where.isEmpty() ? "" : where + ".cve.";
    String label = "record " + (id.isEmpty() ? "(no id)" : id) + ": ";
    if (!id.matches("CVE-\\d{4}-\\d{4,}")) {
      problems.add(Problem.at(prefix + "id", label + "expected a CVE ID (CVE-YYYY-NNNN), found '" + id + "'").located(location, 0, 0));
    }
    Instant lastModified = time(cve, "lastModified", prefix, label, location, problems, true);
    Instant published = time(cve, "published", prefix, label, location, problems, false);
    String status = cve.path("vulnStatus").asText("");
    String description = "";
    for (JsonNode d : cve.path("descriptions")) {
      if (d.path("lang").asText("").equals("en")) {
        description = d.path("value").asText("");
        break;
      }
    }
    List<CpeConfiguration> configurations = new ArrayList<>();
    JsonNode configs = cve.path("configurations");
    for (int ci = 0; ci < configs.size(); ci++) {
      configuration(configs.get(ci), prefix + "configurations[" + ci + "]", label, location, problems)
          .ifPresent(configurations::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new NvdCve(id, Optional.ofNullable(published), lastModified, status, description, vectors(cve.path("metrics")),
        weaknesses(cve.path("weaknesses")), configurations, source, sourceRecord);
  }

  private static Optional<CpeConfiguration> configuration(JsonNode c, String field, String label, String location,
      List<Problem> problems) {
    int before = problems.size();
    Optional<CpeNode.Operator> operator = Optional.empty();
    if (c.has("operator")) {
      operator = operator(c.get("operator"), field + ".operator", label, location, problems);
    }
    List<CpeNode> nodes = new ArrayList<>();
    JsonNode nodeArray = c.path("nodes");
    if (!nodeArray.isArray() || nodeArray.isEmpty()) {
      problems.add(Problem.at(field + ".nodes", label + "a configuration needs a non-empty 'nodes' array").located(location, 0, 0));
    }
    for (int ni = 0; ni < nodeArray.size(); ni++) {
      JsonNode n = nodeArray.get(ni);
      String nf = field + ".nodes[" + ni + "]";
      Optional<CpeNode.Operator> op = operator(n.path("operator"), nf + ".operator", label, location, problems);
      List<CpeMatchCriterion> criteria = new ArrayList<>();
      JsonNode matches = n.path("cpeMatch");
      if (!matches.isArray() || matches.isEmpty()) {
        problems.add(Problem.at(nf + ".cpeMatch", label + "a node needs a non-empty 'cpeMatch' array").located(location, 0, 0));
      }
      for (int mi = 0; mi < matches.size(); mi++) {
        criterion(matches.get(mi), nf + ".cpeMatch[" + mi + "]", label, location, problems).ifPresent(criteria::add);
      }
      if (problems.size() == before) {
        nodes.add(new CpeNode(op.orElseThrow(), n.path("negate").asBoolean(false), criteria));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new CpeConfiguration(operator, c.path("negate").asBoolean(false), nodes));
  }

  private static Optional<CpeNode.Operator> operator(JsonNode value, String field, String label, String location,
      List<Problem> problems) {
    String text = value.asText("");
    if (text.equals("AND") || text.equals("OR")) {
      return Optional.of(CpeNode.Operator.valueOf(text));
    }
    problems.add(Problem.at(field, label + "expected operator AND or OR, found '" + text + "'").located(location, 0, 0));
    return Optional.empty();
  }

  private static Optional<CpeMatchCriterion> criterion(JsonNode m, String field, String label, String location,
      List<Problem> problems) {
    String criteria = m.path("criteria").asText("");
    if (!m.path("vulnerable").isBoolean()) {
      problems.add(Problem.at(field + ".vulnerable", label + "expected true or false").located(location, 0, 0));
      return Optional.empty();
    }
    Cpe cpe;
    try {
      cpe = Cpe.parse(criteria);
    } catch (InvalidInputException e) {
      problems.add(Problem.at(field + ".criteria", label + e.problems().get(0).message()).located(location, 0, 0));
      return Optional.empty();
    }
    Optional<String> si = bound(m, "versionStartIncluding");
    Optional<String> se = bound(m, "versionStartExcluding");
    Optional<String> ei = bound(m, "versionEndIncluding");
    Optional<String> ee = bound(m, "versionEndExcluding");
    if ((si.isPresent() && se.isPresent()) || (ei.isPresent() && ee.isPresent())) {
      problems.add(Problem.at(field, label + "both an including and an excluding bound on one side").located(location, 0, 0));
      return Optional.empty();
    }
    return Optional.of(new CpeMatchCriterion(m.get("vulnerable").asBoolean(), criteria, cpe, si, se, ei, ee));
  }

  private static Optional<String> bound(JsonNode m, String name) {
    JsonNode v = m.get(name);
    return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** v4.0, v3.1 then v3.0 vectors, NVD's own (Primary) before a CNA's within each. */
  private static List<String> vectors(JsonNode metrics) {
    Set<String> out = new LinkedHashSet<>();
    for (String key : List.of("cvssMetricV40", "cvssMetricV31", "cvssMetricV30")) {
      for (String type : List.of("Primary", "Secondary")) {
        for (JsonNode m : metrics.path(key)) {
          String vector = m.path("cvssData").path("vectorString").asText("");
          if (m.path("type").asText("").equals(type) && !vector.isEmpty()) {
            out.add(vector);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<String> weaknesses(JsonNode weaknesses) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode w : weaknesses) {
      for (JsonNode d : w.path("description")) {
        if (d.path("lang").asText("").equals("en") && !d.path("value").asText("").isEmpty()) {
          out.add(d.path("value").asText());
        }
      }
    }
    return List.copyOf(out);
  }

  /** NVD writes local date-times without an offset ({@code 2022-02-24T15:15:32.040}); they are UTC. */
  private static Instant time(JsonNode cve, String name, String prefix, String label, String location,
      List<Problem> problems, boolean required) {
    JsonNode v = cve.get(name);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add(Problem.at(prefix + name, label + "is required").located(location, 0, 0));
      }
      return null;
    }
    String text = v.asText("");
    try {
      return Rfc3339.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        problems.add(Problem.at(prefix + name, label + "expected an ISO 8601 timestamp, found '" + text + "'").located(location, 0, 0));
        return null;
      }
    }
  }

  private static int line(JsonParser p) {
    return Math.max(0, p.currentLocation().getLineNr());
  }

  private static int column(JsonParser p) {
    return Math.max(0, p.currentLocation().getColumnNr());
  }

  private static InvalidInputException damaged(String location, int line, int column, String message) {
    return new InvalidInputException(Problem.at("", message).located(location, line, column));
  }
}
