package io.vigie.formats.vuln;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.model.Names;
import io.vigie.core.vuln.VulnerabilityFinding;
import io.vigie.core.vuln.VulnerabilityScan;
import io.vigie.core.vuln.match.NotChecked;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import io.vigie.core.vuln.priority.PriorityClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code vigie scan --format sarif}: a SARIF 2.1.0 log of one scan, shaped for GitHub code
 * scanning. One run; one rule ({@code reportingDescriptor}) per vulnerability ID, whose
 * {@code security-severity} is the CVSS base score GitHub ranks alerts by; one result per finding
 * (vulnerability in a component), located at the component's package URL in the SBOM file.
 *
 * <p><b>Levels</b> (the result's {@code level}): {@code error} when the finding fails the gate or
 * its priority for patients is immediate or high; {@code warning} when it is medium, or when the
 * finding could not be scored (no CVSS vector: unknown is not "low"); {@code note} when it is low
 * or informational.
 *
 * <p><b>Identity across runs</b>: {@code partialFingerprints} hold the component's package URL
 * without version, qualifiers or subpath, and the vulnerability ID, so that upgrading a component
 * to another vulnerable version keeps the same alert, and a line moving in the SBOM does not
 * reopen it. GitHub matches alerts on {@code primaryLocationLineHash} only; Vigie fills it with a
 * hash of that identity instead of letting the upload action hash the SBOM line.
 *
 * <p><b>GitHub's upload limits</b> are kept: at most {@value #MAX_RESULTS} results per run (the
 * most severe are kept, the rest counted in a notification and the run properties), rule
 * descriptions cut at {@value #MAX_DESCRIPTION} characters, rule names at {@value #MAX_NAME},
 * non-empty message texts, a relative URI under {@code %SRCROOT%} with a region. Thread-safe.
 */
public final class SarifWriter {
  /** GitHub rejects a run with more results than this. */
  public static final int MAX_RESULTS = 25_000;
  /** GitHub cuts {@code shortDescription} and {@code fullDescription} texts here. */
  static final int MAX_DESCRIPTION = 1024;
  /** GitHub's limit on a rule's name. */
  static final int MAX_NAME = 255;
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/vigie-dev/vigie";
  static final String FINGERPRINT = "vigie/componentVulnerability/v1";

  private static final Pattern SPACES = Pattern.compile(" {2,}");
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  private final ObjectMapper mapper = new ObjectMapper();
  private final String toolVersion;
  private final int maxResults;

  /** @param toolVersion Vigie's version, so GitHub can tell a tool change from a code change */
  public SarifWriter(String toolVersion) {
    this(toolVersion, MAX_RESULTS);
  }

  SarifWriter(String toolVersion, int maxResults) {
    this.toolVersion = toolVersion.isBlank() ? "development" : toolVersion;
    this.maxResults = maxResults;
  }

  /**
   * @param sbomUri the SBOM's path relative to the repository root, with {@code /} separators
   *     (percent-encoded here)
   * @param sbomText the SBOM's text, to point each result at its component's line; empty: line 1
   */
  public String write(VulnerabilityScan scan, String sbomUri, Optional<String> sbomText) {
    java.io.StringWriter out = new java.io.StringWriter();
    write(scan, sbomUri, sbomText, out);
    return out.toString();
  }

  /** {@link #write(VulnerabilityScan, String, Optional)} onto {@code out}, left open, never held whole. */
  public void write(VulnerabilityScan scan, String sbomUri, Optional<String> sbomText, Writer out) {
    try {
      mapper.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(out, toJson(scan, sbomUri, sbomText));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ObjectNode toJson(VulnerabilityScan scan, String sbomUri, Optional<String> sbomText) {
    Optional<SbomLines> lines = sbomText.map(SbomLines::new);
    String uri = encodePath(sbomUri);

    Gate gate = new Gate(scan.gateReasons());
    List<VulnerabilityFinding> kept = new ArrayList<>(scan.findings());
    int leftOut = Math.max(0, kept.size() - maxResults);
    if (leftOut > 0) {
      // Keep the most severe: GitHub would otherwise reject the whole upload.
      kept.sort(Comparator.comparingInt((VulnerabilityFinding f) -> rank(gate, f))
          .thenComparing(f -> -f.cvss().map(c -> c.baseScore()).orElse(0.0)));
      kept = new ArrayList<>(kept.subList(0, maxResults));
      kept.sort(Comparator.comparing((VulnerabilityFinding f) -> f.match().componentName()).thenComparing(f -> f.match().id()));
    }
    Map<String, List<VulnerabilityFinding>> byRule = new TreeMap<>();
    kept.forEach(f -> byRule.computeIfAbsent(ruleId(f.match().id()), k -> new ArrayList<>()).add(f));
    Map<String, Integer> ruleIndex = new java.util.HashMap<>();
    byRule.keySet().forEach(id -> ruleIndex.put(id, ruleIndex.size()));

    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "Vigie");
    driver.put("version", toolVersion);
    driver.put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    byRule.forEach((id, findings) -> rule(rules.addObject(), id, findings, gate));

    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    if (leftOut > 0) {
      notifications.addObject().put("level", "warning").putObject("message").put("text", leftOut
          + " less severe findings were left out: GitHub code scanning rejects a run with more than " + maxResults
          + " results. `vigie scan --format json` lists them all.");
    }
    for (NotChecked n : scan.notChecked()) {
      notifications.addObject().put("level", "note").putObject("message")
          .put("text", "Not checked: " + n.componentName() + ": " + n.reason());
    }
    run.putObject("automationDetails").put("id", "vigie-scan/" + sbomUri + "/");
    run.put("columnKind", "utf16CodeUnits");

    ArrayNode results = run.putArray("results");
    for (VulnerabilityFinding f : kept) {
      result(results.addObject(), f, ruleIndex.get(ruleId(f.match().id())), uri, lines, gate);
    }

    ObjectNode props = run.putObject("properties");
    // The repository-relative path, not the one given on the command line: an upload should not carry local paths.
    props.put("sbom", sbomUri);
    props.put("subject", scan.subject());
    props.put("components", scan.components());
    props.put("findings", scan.findings().size());
    props.put("findingsLeftOut", leftOut);
    props.put("componentsNotChecked", scan.notChecked().size());
    ObjectNode gateNode = props.putObject("gate");
    gateNode.put("passed", scan.gatePassed());
    ArrayNode reasons = gateNode.putArray("reasons");
    scan.gateReasons().forEach(reasons::add);
    return root;
  }

  private void rule(ObjectNode r, String id, List<VulnerabilityFinding> findings, Gate gate) {
    VulnerabilityFinding first = findings.get(0);
    VulnerabilityMatch m = first.match();
    r.put("id", id);
    r.put("name", cut(id, MAX_NAME));
    String summary = oneLine(m.summary());
    String title = summary.isEmpty() ? "Known vulnerability " + m.id() : summary;
    r.putObject("shortDescription").put("text", cut(title, MAX_DESCRIPTION));
    String also = m.ids().stream().filter(i -> !i.equals(m.id())).reduce((a, b) -> a + ", " + b).orElse("");
    r.putObject("fullDescription").put("text", cut(title + (also.isEmpty() ? "" : " (also known as " + also + ")"), MAX_DESCRIPTION));
    r.putObject("defaultConfiguration").put("level", findings.stream().map(f -> level(gate, f))
        .min(Comparator.comparingInt(SarifWriter::levelRank)).orElse("warning"));
    helpUri(m.id()).ifPresent(u -> r.put("helpUri", u));
    ObjectNode help = r.putObject("help");
    help.put("text", SarifHelp.help(findings, false));
    help.put("markdown", SarifHelp.help(findings, true));
    ObjectNode props = r.putObject("properties");
    first.cvss().filter(c -> c.baseScore() > 0.0)
        .ifPresent(c -> props.put("security-severity", String.format(Locale.ROOT, "%.1f", c.baseScore())));
    props.put("precision", switch (m.confidence()) {
      case HIGH -> "very-high";
      case MEDIUM -> "high";
      case LOW -> "low";
    });
    // "security" makes GitHub treat the rule as a security query (and use security-severity).
    Set<String> tags = new LinkedHashSet<>(List.of("security", "vulnerability", "dependency"));
    if (findings.stream().anyMatch(VulnerabilityFinding::knownExploited)) {
      tags.add("known-exploited");
    }
    first.cvss().ifPresent(c -> tags.add("cvss-" + Names.of(c.severity())));
    ArrayNode t = props.putArray("tags");
    tags.forEach(t::add);
  }

  private void result(ObjectNode r, VulnerabilityFinding f, int ruleIndex, String uri, Optional<SbomLines> lines,
      Gate gate) {
    VulnerabilityMatch m = f.match();
    r.put("ruleId", ruleId(m.id()));
    r.put("ruleIndex", ruleIndex);
    r.put("level", level(gate, f));
    String priority = f.priority().map(p -> Names.of(p.priorityClass()) + " priority").orElse("not scored");
    String version = m.version().isEmpty() ? "" : " " + m.version();
    String name = m.componentName().endsWith("@" + m.version()) && !m.version().isEmpty()
        ? m.componentName().substring(0, m.componentName().length() - m.version().length() - 1)
        : m.componentName();
    // The first sentence is what GitHub shows when space is short: component, version, ID, priority.
    String why = f.priority().map(p -> sentence(p.explanation()))
        .orElse("No CVSS vector to score it: treat as unknown, not as low." + (f.knownExploited() ? " Known exploited (CISA KEV)." : ""));
    r.putObject("message").put("text", oneLine(name + version + " has " + m.id() + " (" + priority + "). " + why));
    ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri).put("uriBaseId", "%SRCROOT%");
    // Line 1 when the package URL cannot be found in the text (or there is none): GitHub needs a
    // region to show the alert, and the SBOM file is still the right place to fix it.
    SbomLines.Region region = lines.flatMap(l -> l.find(m.purl())).orElse(new SbomLines.Region(1, 1, 1, 2));
    physical.putObject("region").put("startLine", region.startLine()).put("startColumn", region.startColumn())
        .put("endLine", region.endLine()).put("endColumn", region.endColumn());
    String identity = identity(m);
    r.putObject("partialFingerprints").put(FINGERPRINT, identity).put("primaryLocationLineHash", sha256(identity));
    ObjectNode props = r.putObject("properties");
    props.put("component", m.componentRef());
    props.put("purl", m.purl());
    f.priority().ifPresent(p -> props.put("priority", Names.of(p.priorityClass())));
    props.put("knownExploited", f.knownExploited());
    props.put("confidence", Names.of(m.confidence()));
  }

  /** The finding's identity across runs: package URL without version (or the name), and the ID. */
  static String identity(VulnerabilityMatch m) {
    String purl = m.purl();
    String base;
    if (purl.isEmpty()) {
      String name = m.componentName();
      int at = name.lastIndexOf('@');
      base = at > 0 ? name.substring(0, at) : name;
    } else {
      int cut = purl.length();
      for (char c : new char[] {'#', '?'}) {
        int i = purl.indexOf(c);
        if (i >= 0 && i < cut) {
          cut = i;
        }
      }
      base = purl.substring(0, cut);
      // The version follows the last '@' of the name part (a scoped npm name starts with %40, not '@').
      int slash = base.lastIndexOf('/');
      int at = base.indexOf('@', Math.max(slash, 0));
      if (at > 0) {
        base = base.substring(0, at);
      }
    }
    return base + "|" + m.id();
  }

  private static String level(Gate gate, VulnerabilityFinding f) {
    if (gate.fails(f)) {
      return "error";
    }
    return f.priority().map(p -> switch (p.priorityClass()) {
      case IMMEDIATE, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFORMATIONAL -> "note";
    }).orElse("warning");
  }

  /**
   * Which findings fail the gate, from the scan's reasons sorted once. A reason begins with its
   * finding's subject (VulnerabilityGate.subject), and the reasons that begin with a text come
   * first among those at or after it, so one ceiling answers. Asked once a finding, and once a
   * comparison when findings are left out: going through every reason each time took 8 s of a
   * scan with 97,000 findings (bench/RESULTS.md, session 9).
   */
  private static final class Gate {
    private final NavigableSet<String> reasons;

    Gate(List<String> reasons) {
      this.reasons = new TreeSet<>(reasons);
    }

    boolean fails(VulnerabilityFinding f) {
      String where = io.vigie.core.vuln.VulnerabilityGate.subject(f) + " ";
      String next = reasons.ceiling(where);
      return next != null && next.startsWith(where);
    }
  }

  private static int rank(Gate gate, VulnerabilityFinding f) {
    return levelRank(level(gate, f)) * 10 + f.priority().map(p -> p.priorityClass().ordinal()).orElse(PriorityClass.MEDIUM.ordinal());
  }

  private static int levelRank(String level) {
    return switch (level) {
      case "error" -> 0;
      case "warning" -> 1;
      default -> 2;
    };
  }

  /** A rule ID GitHub keeps: a feed's ID, cut with a hash suffix if absurdly long. */
  static String ruleId(String id) {
    String clean = oneLine(id);
    return clean.length() <= MAX_NAME ? clean : clean.substring(0, MAX_NAME - 17) + "~" + sha256(clean).substring(0, 16);
  }

  private static Optional<String> helpUri(String id) {
    if (!SAFE_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    if (id.startsWith("CVE-")) {
      return Optional.of("https://nvd.nist.gov/vuln/detail/" + id);
    }
    if (id.startsWith("GHSA-")) {
      return Optional.of("https://github.com/advisories/" + id);
    }
    return Optional.of("https://osv.dev/vulnerability/" + id);
  }

  /** A relative URI reference: each path segment percent-encoded (RFC 3986), slashes kept. */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder(path.length() + 8);
    for (byte b : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    // A first segment holding ':' would read as a scheme; none is kept above, so the reference stays relative.
    return out.toString();
  }

  private static String sentence(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return t;
    }
    t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
    return t.endsWith(".") ? t : t + ".";
  }

  private static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }

  /** Text on one line, control characters out (a feed's summary is not trusted to be tidy). */
  static String oneLine(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return SPACES.matcher(out.toString().strip()).replaceAll(" ");
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
