package io.vigie.formats.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.sbom.Dependency;
import io.vigie.core.sbom.Hash;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.sbom.SbomFormat;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a CycloneDX JSON tree, already validated against the official schema of its spec version,
 * into Vigie's {@link Sbom}: the same result as {@link CycloneDxMapping} over cyclonedx-core-java's
 * object model (a test holds the two equal on every CycloneDX JSON document of the shared data),
 * without building that model.
 *
 * <p>Why by hand: the schema check needs the Jackson tree anyway, and cyclonedx-core-java's parse
 * reads the text a second time into an object model of every CycloneDX field (services, crypto
 * assets, formulation…), of which Vigie keeps a dozen; on a 10,000-component SBOM that second parse
 * was a third of a scan. The fields read here are few and their shapes are fixed by the schema
 * validated before, so reading them from the tree is short and cannot drift silently: the
 * equivalence test fails first. XML still goes through the library.
 */
final class CycloneDxJsonMapping {
  private CycloneDxJsonMapping() {}

  static Sbom toSbom(JsonNode root, String specVersion, String source) {
    List<Problem> problems = new ArrayList<>();
    List<SbomComponent> components = new ArrayList<>();
    addAll(root.path("components"), null, components, problems, source);
    JsonNode metadata = root.path("metadata");
    Optional<SbomComponent> describes = Optional.empty();
    List<String> authors = new ArrayList<>();
    Optional<Instant> timestamp = Optional.empty();
    if (metadata.isObject()) {
      if (metadata.path("component").isObject()) {
        describes = Optional.ofNullable(component(metadata.get("component"), () -> "/metadata/component", problems, source));
      }
      timestamp = text(metadata, "timestamp").flatMap(CycloneDxJsonMapping::instant);
      authors.addAll(authors(metadata));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<Dependency> dependencies = new ArrayList<>();
    for (JsonNode d : root.path("dependencies")) {
      List<String> on = new ArrayList<>();
      d.path("dependsOn").forEach(x -> on.add(x.asText()));
      dependencies.add(new Dependency(d.path("ref").asText(), on));
    }
    return new Sbom(SbomFormat.CYCLONEDX, specVersion, text(root, "serialNumber"), describes, components,
        dependencies, authors, timestamp, source);
  }

  /**
   * Nested components (a component's own {@code components}) are flattened: the FDA asks for every
   * part. {@code parent} locates the list for problems: null for the top-level list.
   */
  private static void addAll(JsonNode list, Position parent, List<SbomComponent> out, List<Problem> problems, String source) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      Position at = new Position(parent, i);
      SbomComponent component = component(c, at, problems, source);
      if (component != null) {
        out.add(component);
      }
      JsonNode nested = c.get("components");
      if (nested != null) {
        addAll(nested, at, out, problems, source);
      }
    }
  }

  /** Where a component is in the document, for a problem. */
  private interface Where {
    String pointer();
  }

  /**
   * Where a component is, as a chain of indexes, turned into its JSON pointer only for a problem:
   * ten thousand pointer strings per SBOM were built for the rare component that has one.
   */
  private record Position(Position parent, int index) implements Where {
    @Override
    public String pointer() {
      return (parent == null ? "/components/" : parent.pointer() + "/components/") + index;
    }
  }

  /**
   * The component, or null after adding its problem. Written with plain null checks rather than
   * chains of Optional and lambdas: this runs once per component, mostly before the JIT compiles
   * it, and the chains cost a third of the mapping of a 10,000-component SBOM apart from the
   * package URL checks.
   */
  private static SbomComponent component(JsonNode c, Where at, List<Problem> problems, String source) {
    String purl = textOrNull(c, "purl");
    String name = c.path("name").isTextual() ? c.get("name").asText() : "";
    String version = textOrNull(c, "version");
    // bom-ref is optional before 1.5 and in practice; the purl, else name@version, is the next best stable key.
    String ref = textOrNull(c, "bom-ref");
    if (ref == null) {
      ref = purl != null ? purl : version != null ? name + "@" + version : name;
    }
    String supplier = entityNameOrNull(c.get("supplier"));
    if (supplier == null) {
      supplier = entityNameOrNull(c.get("manufacturer"));
    }
    String author = textOrNull(c, "author");
    if (author == null) {
      JsonNode authors = c.get("authors");
      author = authors == null ? null : nonBlank(String.join(", ", contacts(authors)));
    }
    if (author == null) {
      author = textOrNull(c, "publisher");
    }
    List<Hash> hashes = new ArrayList<>();
    JsonNode hashNodes = c.get("hashes");
    if (hashNodes != null) {
      for (JsonNode h : hashNodes) {
        if (h.path("alg").isTextual() && h.path("content").isTextual()) {
          hashes.add(new Hash(h.get("alg").asText(), h.get("content").asText()));
        }
      }
    }
    JsonNode licenseNodes = c.get("licenses");
    try {
      // The constructor checks the package URL (one parse, with packageurl-java).
      return new SbomComponent(ref, Optional.ofNullable(textOrNull(c, "type")), Optional.ofNullable(textOrNull(c, "group")),
          name, Optional.ofNullable(version), Optional.ofNullable(purl), Optional.ofNullable(textOrNull(c, "cpe")), hashes,
          licenseNodes == null ? List.of() : licenses(licenseNodes), Optional.ofNullable(supplier),
          Optional.ofNullable(author), Optional.ofNullable(textOrNull(c, "scope")));
    } catch (IllegalArgumentException e) {
      problems.add(Problem.at(at.pointer() + "/purl", e.getMessage()).located(source, 0, 0));
      return null;
    }
  }

  /** A field's text; absent, null, non-text or blank is null. */
  private static String textOrNull(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? nonBlank(v.asText()) : null;
  }

  private static String nonBlank(String value) {
    return value.isBlank() ? null : value;
  }

  private static String entityNameOrNull(JsonNode entity) {
    return entity != null && entity.isObject() ? textOrNull(entity, "name") : null;
  }

  /**
   * An SPDX expression when the choice is one ({@code [{"expression": …}]}), else each licence's
   * SPDX ID or, without one, its name: what cyclonedx-core-java's LicenseChoice gives.
   */
  private static List<String> licenses(JsonNode choice) {
    List<String> out = new ArrayList<>();
    for (JsonNode entry : choice) {
      Optional<String> expression = text(entry, "expression");
      if (expression.isPresent()) {
        return List.of(expression.get());
      }
      JsonNode license = entry.path("license");
      text(license, "id").or(() -> text(license, "name")).ifPresent(out::add);
    }
    return out;
  }

  /** SBOM authors and tools, in the SPDX creator style so both formats read alike. */
  private static List<String> authors(JsonNode metadata) {
    List<String> out = new ArrayList<>();
    contacts(metadata.path("authors")).forEach(a -> out.add("Person: " + a));
    entityName(metadata.path("manufacturer")).ifPresent(m -> out.add("Organization: " + m));
    JsonNode tools = metadata.path("tools");
    if (tools.isArray()) {
      // CycloneDX up to 1.4, deprecated since 1.5: [{vendor, name, version}]
      tools.forEach(t -> out.add("Tool: " + join(t, "vendor", "name", "version")));
    } else if (tools.isObject()) {
      tools.path("components").forEach(t -> out.add("Tool: " + join(t, "group", "name", "version")));
      tools.path("services").forEach(t -> out.add("Tool: " + join(t, "group", "name", "version")));
    }
    return out;
  }

  private static List<String> contacts(JsonNode list) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : list) {
      String name = c.path("name").isTextual() ? c.get("name").asText() : "";
      String contact = c.path("email").isTextual() ? (name + " (" + c.get("email").asText() + ")").trim() : name;
      if (!contact.isBlank()) {
        out.add(contact);
      }
    }
    return out;
  }

  private static Optional<String> entityName(JsonNode entity) {
    return Optional.ofNullable(entityNameOrNull(entity));
  }

  private static String join(JsonNode node, String... fields) {
    List<String> parts = new ArrayList<>();
    for (String f : fields) {
      text(node, f).ifPresent(parts::add);
    }
    return String.join(" ", parts);
  }

  /** {@link #textOrNull} as an Optional, for the document-level fields. */
  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(textOrNull(node, field));
  }

  /** Full precision: Python tools write microseconds (the medical-device case study does). */
  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
