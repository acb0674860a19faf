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
    addAll(root.path("components"), "/components", components, problems, source);
    JsonNode metadata = root.path("metadata");
    Optional<SbomComponent> describes = Optional.empty();
    List<String> authors = new ArrayList<>();
    Optional<Instant> timestamp = Optional.empty();
    if (metadata.isObject()) {
      if (metadata.path("component").isObject()) {
        describes = component(metadata.get("component"), "/metadata/component", problems, source);
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

  /** Nested components (a component's own {@code components}) are flattened: the FDA asks for every part. */
  private static void addAll(JsonNode list, String path, List<SbomComponent> out, List<Problem> problems, String source) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      component(c, path + "/" + i, problems, source).ifPresent(out::add);
      addAll(c.path("components"), path + "/" + i + "/components", out, problems, source);
    }
  }

  private static Optional<SbomComponent> component(JsonNode c, String pointer, List<Problem> problems, String source) {
    Optional<String> purl = text(c, "purl");
    String name = c.path("name").isTextual() ? c.get("name").asText() : "";
    Optional<String> version = text(c, "version");
    // bom-ref is optional before 1.5 and in practice; the purl, else name@version, is the next best stable key.
    String ref = text(c, "bom-ref").or(() -> purl).orElseGet(() -> version.map(v -> name + "@" + v).orElse(name));
    Optional<String> supplier = entityName(c.path("supplier")).or(() -> entityName(c.path("manufacturer")));
    Optional<String> author = text(c, "author")
        .or(() -> opt(String.join(", ", contacts(c.path("authors")))))
        .or(() -> text(c, "publisher"));
    List<Hash> hashes = new ArrayList<>();
    for (JsonNode h : c.path("hashes")) {
      if (h.path("alg").isTextual() && h.path("content").isTextual()) {
        hashes.add(new Hash(h.get("alg").asText(), h.get("content").asText()));
      }
    }
    try {
      // The constructor checks the package URL (one parse, with packageurl-java).
      return Optional.of(new SbomComponent(ref, text(c, "type"), text(c, "group"), name, version, purl, text(c, "cpe"),
          hashes, licenses(c.path("licenses")), supplier, author, text(c, "scope")));
    } catch (IllegalArgumentException e) {
      problems.add(Problem.at(pointer + "/purl", e.getMessage()).located(source, 0, 0));
      return Optional.empty();
    }
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
    return entity.isObject() ? text(entity, "name") : Optional.empty();
  }

  private static String join(JsonNode node, String... fields) {
    List<String> parts = new ArrayList<>();
    for (String f : fields) {
      text(node, f).ifPresent(parts::add);
    }
    return String.join(" ", parts);
  }

  /** A field's text; absent, null, non-text or blank is empty. */
  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? opt(v.asText()) : Optional.empty();
  }

  private static Optional<String> opt(String value) {
    return value.isBlank() ? Optional.empty() : Optional.of(value);
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
