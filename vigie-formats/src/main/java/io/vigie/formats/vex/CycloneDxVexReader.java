package io.vigie.formats.vex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vex.VexJustification;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;

/**
 * Reads CycloneDX VEX (JSON, spec 1.4–1.6): each {@code vulnerabilities[]} entry with an {@code
 * analysis.state} becomes one statement per component it {@code affects} (and per version listed
 * there). The document is first validated against the official schema of its spec version with
 * cyclonedx-core-java, so a document the schema rejects is refused with the schema's messages.
 *
 * <p>{@code affects[].ref} is resolved to the component with that {@code bom-ref} in the document
 * (its package URL, else its name and version); a BOM-link ({@code urn:cdx:serial/version#ref})
 * names a component of another BOM, so its fragment is used: a package URL if it is one, else the
 * reference itself as the name. State, justification and response words map as {@link
 * CycloneDxVexMapping} says; {@code detail} is the impact statement; responses and recommendation
 * form the action statement. Author: the {@code vigie:vex:author} property, else the document's
 * first author, manufacturer or supplier, else the importer. Time: the analysis's lastUpdated or
 * firstIssued, else the vulnerability's updated/published, else the document's timestamp.
 */
public final class CycloneDxVexReader {

  public VexDocument read(Path file, VexImport context) {
    return read(VexJson.read(file), file.toString(), context);
  }

  public VexDocument read(byte[] bytes, String source, VexImport context) {
    JsonNode root = VexJson.tree(bytes, source);
    if (!"CycloneDX".equals(root.path("bomFormat").asText())) {
      throw VexJson.fail(source, "/bomFormat", "expected \"CycloneDX\", found " + root.path("bomFormat"));
    }
    String spec = VexJson.required(root, "specVersion", source, "");
    Version version = switch (spec) {
      case "1.4" -> Version.VERSION_14;
      case "1.5" -> Version.VERSION_15;
      case "1.6" -> Version.VERSION_16;
      default -> throw VexJson.fail(source, "/specVersion", "CycloneDX " + spec
          + " has no VEX (vulnerabilities[].analysis); expected 1.4, 1.5 or 1.6");
    };
    validate(root, version, spec, source);
    Map<String, Ref> refs = new HashMap<>();
    JsonNode meta = root.path("metadata");
    index(meta.path("component"), refs);
    root.path("components").forEach(c -> index(c, refs));
    String docAuthor = author(meta).orElse(context.importedBy());
    Optional<Instant> docTime = VexJson.instant(meta, "timestamp", source, "/metadata");
    String origin = "imported from " + Path.of(source).getFileName() + " (CycloneDX " + spec + ")";

    List<VexStatement> out = new ArrayList<>();
    List<Problem> skipped = new ArrayList<>();
    JsonNode vulns = root.path("vulnerabilities");
    for (int i = 0; i < vulns.size(); i++) {
      JsonNode v = vulns.get(i);
      String at = "/vulnerabilities/" + i;
      String id = VexJson.required(v, "id", source, at);
      JsonNode analysis = v.path("analysis");
      Optional<String> state = VexJson.text(analysis, "state");
      if (state.isEmpty()) {
        skipped.add(VexJson.problem(source, at + "/analysis/state", id + " has no analysis state: a vulnerability report, not a VEX statement"));
        continue;
      }
      VexStatus status = CycloneDxVexMapping.status(state.get()).orElseThrow(() -> VexJson.fail(source,
          at + "/analysis/state", "unknown state '" + state.get() + "'; expected resolved, resolved_with_pedigree, "
              + "exploitable, in_triage, false_positive or not_affected"));
      String detail = VexJson.text(analysis, "detail").orElse("");
      Optional<VexJustification> justification = Optional.empty();
      Optional<String> word = VexJson.text(analysis, "justification");
      if (word.isPresent() && status == VexStatus.NOT_AFFECTED) {
        justification = Optional.of(CycloneDxVexMapping.justification(word.get()).orElseThrow(() -> VexJson.fail(source,
            at + "/analysis/justification", "unknown justification '" + word.get() + "'")));
        detail = CycloneDxVexMapping.keep(detail, "justification", word.get());
      } else if (state.get().equals("false_positive")) {
        detail = CycloneDxVexMapping.keep(detail, "state", "false_positive");
      }
      Optional<String> action = action(v, analysis);
      String author = property(v, "vigie:vex:author").orElse(docAuthor);
      Instant when = VexJson.instant(analysis, "lastUpdated", source, at + "/analysis")
          .or(() -> VexJson.instant(analysis, "firstIssued", source, at + "/analysis"))
          .or(() -> VexJson.instant(v, "updated", source, at))
          .or(() -> VexJson.instant(v, "published", source, at))
          .or(() -> docTime).orElse(context.now());
      JsonNode affects = v.path("affects");
      if (affects.isEmpty()) {
        skipped.add(VexJson.problem(source, at + "/affects", id + " names no component it applies to, so it cannot be "
            + "keyed to one; add affects[].ref"));
        continue;
      }
      for (int a = 0; a < affects.size(); a++) {
        JsonNode affect = affects.get(a);
        String refText = VexJson.required(affect, "ref", source, at + "/affects/" + a);
        Ref ref = resolve(refText, refs);
        List<String> versions = new ArrayList<>();
        affect.path("versions").forEach(x -> VexJson.text(x, "version").or(() -> VexJson.text(x, "range"))
            .ifPresent(versions::add));
        if (versions.isEmpty()) {
          versions.add(ref.version);
        }
        for (String ver : versions) {
          try {
            out.add(new VexStatement(id, VexStatement.identityOf(ref.identity), ver, status, justification,
                Optional.of(detail), action, author, when, context.scope(), origin));
          } catch (IllegalArgumentException e) {
            throw VexJson.fail(source, at, e.getMessage());
          }
        }
      }
    }
    // A document that states the same thing twice (use case 10 lists 2.3.1 twice) gives one statement.
    return new VexDocument(VexFormat.CYCLONEDX, out.stream().distinct().toList(), skipped);
  }

  private static void validate(JsonNode root, Version version, String spec, String source) {
    ObjectNode copy = root.deepCopy();
    copy.remove("$schema");
    try {
      List<ParseException> errors = new JsonParser().validate(copy, version);
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors.stream().limit(20).map(e -> VexJson.problem(source, "",
            "does not follow the CycloneDX " + spec + " JSON schema: " + e.getMessage())).toList());
      }
    } catch (IOException e) {
      throw VexJson.fail(source, "", "cannot be validated: " + e.getMessage());
    }
  }

  private static Optional<String> action(JsonNode v, JsonNode analysis) {
    List<String> responses = new ArrayList<>();
    analysis.path("response").forEach(r -> responses.add(r.asText()));
    List<String> parts = new ArrayList<>();
    if (!responses.isEmpty()) {
      parts.add("response: " + String.join(", ", responses));
    }
    VexJson.text(v, "recommendation").ifPresent(parts::add);
    VexJson.text(v, "workaround").ifPresent(w -> parts.add("workaround: " + w));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  private static Optional<String> property(JsonNode v, String name) {
    for (JsonNode p : v.path("properties")) {
      if (name.equals(p.path("name").asText())) {
        return VexJson.text(p, "value");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> author(JsonNode meta) {
    for (JsonNode a : meta.path("authors")) {
      Optional<String> name = VexJson.text(a, "name");
      if (name.isPresent()) {
        return name;
      }
    }
    return VexJson.text(meta.path("manufacturer"), "name").or(() -> VexJson.text(meta.path("manufacture"), "name"))
        .or(() -> VexJson.text(meta.path("supplier"), "name"));
  }

  private static void index(JsonNode component, Map<String, Ref> refs) {
    if (!component.isObject()) {
      return;
    }
    Optional<String> bomRef = VexJson.text(component, "bom-ref");
    Optional<String> purl = VexJson.text(component, "purl");
    String name = VexJson.text(component, "name").orElse(bomRef.orElse(""));
    String version = VexJson.text(component, "version").or(() -> purl.flatMap(VexStatement::versionOf)).orElse("");
    bomRef.ifPresent(r -> refs.put(r, new Ref(purl.orElse(name), version)));
    component.path("components").forEach(c -> index(c, refs));
  }

  private static Ref resolve(String ref, Map<String, Ref> refs) {
    String local = ref.startsWith("urn:cdx:") && ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : ref;
    Ref known = refs.get(local);
    if (known != null) {
      return known;
    }
    return new Ref(local, VexStatement.versionOf(local).orElse(""));
  }

  /** What a bom-ref stands for: a package URL or a name, and a version. */
  private record Ref(String identity, String version) {}
}
