package io.vigie.core.vuln.priority;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import us.springett.cvss.Cvss;
import us.springett.cvss.MalformedVectorException;

/**
 * A CVSS v3.0, v3.1 or v4.0 vector with the base score and severity rating computed from it by
 * cvss-calculator. The score is never taken from a feed: NVD, vendors and CNAs disagree and some
 * publish scores that do not match their own vectors, so the vector is the evidence and the score
 * follows from it.
 *
 * <p>The base score uses the base metrics only, even when the vector also carries threat,
 * temporal or environmental metrics (in CVSS v4.0 a single formula would otherwise fold them in);
 * {@link MitreRubric} computes the environmental view. The canonical constructor checks that the
 * score and rating are those of the vector, so an instance always tells the truth. Immutable and
 * thread-safe.
 *
 * @param version the CVSS version named by the vector's prefix
 * @param vector the vector as given, without surrounding spaces
 * @param baseScore the base score, 0.0 to 10.0, computed from the base metrics
 * @param severity the rating of {@code baseScore}
 */
public record CvssScore(CvssVersion version, String vector, double baseScore, CvssSeverity severity) {

  /** The field name problems report, so that a reader can locate them. */
  static final String FIELD = "cvss.vector";

  public CvssScore {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(severity, "severity");
    Parsed computed = Parsed.of(vector);
    if (!computed.vector.equals(vector) || computed.version != version || computed.baseScore != baseScore
        || CvssSeverity.of(baseScore) != severity) {
      throw new IllegalArgumentException("'" + vector + "' is " + computed.version + " and scores "
          + computed.baseScore + " (" + CvssSeverity.of(computed.baseScore).label() + "), not " + version + " "
          + baseScore + " (" + severity.label() + ")");
    }
  }

  /**
   * Parses a vector and computes its base score.
   *
   * @throws InvalidInputException with one {@link Problem} on field {@code cvss.vector} that quotes
   *     the vector and says what is wrong with it
   */
  public static CvssScore parse(String vector) {
    Parsed parsed = Parsed.of(vector);
    return new CvssScore(parsed.version, parsed.vector, parsed.baseScore, CvssSeverity.of(parsed.baseScore));
  }

  /** The metrics of the vector, prefix excluded, in the order written. */
  Map<String, String> metrics() {
    return metricsOf(vector);
  }

  /** The metrics of a vector already known to be well formed, prefix excluded. */
  static Map<String, String> metricsOf(String vector) {
    return Parsed.metricsOf(vector);
  }

  @Override
  public String toString() {
    return "CVSS " + baseScore + " (" + severity.label() + ") " + vector;
  }

  private record Parsed(CvssVersion version, String vector, double baseScore) {

    static Parsed of(String raw) {
      if (raw == null || raw.isBlank()) {
        throw invalid(String.valueOf(raw), "a CVSS vector is required");
      }
      String vector = raw.strip();
      String prefix = vector.split("/", -1)[0];
      CvssVersion version = Arrays.stream(CvssVersion.values())
          .filter(v -> v.prefix().equals(prefix))
          .findFirst()
          .orElseThrow(() -> invalid(vector, prefix.startsWith("CVSS:")
              ? "unsupported CVSS version '" + prefix.substring(5) + "'; Vigie scores v3.0, v3.1 and v4.0"
              : "a vector starts with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/ (CVSS v2 vectors are not supported)"));
      String rest = vector.substring(prefix.length());
      Map<String, String> metrics = new LinkedHashMap<>();
      for (String segment : rest.isEmpty() ? new String[0] : rest.substring(1).split("/", -1)) {
        int colon = segment.indexOf(':');
        if (colon <= 0 || colon == segment.length() - 1) {
          throw invalid(vector, "'" + segment + "' is not a metric:value pair");
        }
        // The specifications forbid repeating a metric; the library silently keeps one of them.
        if (metrics.put(segment.substring(0, colon), segment.substring(colon + 1)) != null) {
          throw invalid(vector, "metric " + segment.substring(0, colon) + " appears more than once");
        }
      }
      for (String base : version.baseMetrics()) {
        if (!metrics.containsKey(base)) {
          throw invalid(vector, "base metric " + base + " is missing");
        }
      }
      String baseVector = version.prefix() + "/" + version.baseMetrics().stream()
          .map(m -> m + ":" + metrics.get(m))
          .collect(Collectors.joining("/"));
      // The whole vector must be valid, not only its base metrics. The library ignores a v3.0
      // vector's environmental metrics without checking them; v3.1 has the same metrics, so its
      // parser checks them.
      score(version == CvssVersion.V3_0 ? CvssVersion.V3_1.prefix() + rest : vector, vector);
      return new Parsed(version, vector, score(baseVector, vector));
    }

    /** Scores a vector with the library, turning each way it signals an error into a problem. */
    static double score(String vector, String quoted) {
      Cvss cvss;
      try {
        cvss = Cvss.fromVector(vector);
      } catch (MalformedVectorException | IllegalArgumentException | IndexOutOfBoundsException e) {
        throw invalid(quoted, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
      if (cvss == null) {
        throw invalid(quoted, "not a CVSS vector");
      }
      return cvss.calculateScore().getBaseScore();
    }

    static Map<String, String> metricsOf(String vector) {
      Map<String, String> metrics = new LinkedHashMap<>();
      String[] segments = vector.split("/");
      for (int i = 1; i < segments.length; i++) {
        int colon = segments[i].indexOf(':');
        metrics.put(segments[i].substring(0, colon), segments[i].substring(colon + 1));
      }
      return Collections.unmodifiableMap(metrics);
    }

    static InvalidInputException invalid(String vector, String what) {
      return new InvalidInputException(Problem.at(FIELD, "invalid CVSS vector '" + vector + "': " + what));
    }
  }
}
