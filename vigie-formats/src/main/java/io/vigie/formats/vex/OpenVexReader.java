package io.vigie.formats.vex;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.validation.Problem;
import io.vigie.core.vex.VexJustification;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads OpenVEX 0.2.0 (the document fields @context, @id, author, timestamp, version and
 * statements are required, as the specification says). A statement becomes one VEX statement per
 * component it names: the product's subcomponents when it lists some (the component carrying the
 * vulnerability inside the product), else the product itself. Components are named by {@code @id}
 * (a package URL, or Vigie's {@code urn:vigie:component:NAME[:VERSION]} for a component without
 * one) or by {@code identifiers.purl}.
 */
public final class OpenVexReader {
  static final String CONTEXT_PREFIX = "https://openvex.dev/ns";
  static final String NAME_URN = "urn:vigie:component:";

  public VexDocument read(Path file, VexImport context) {
    return read(VexJson.read(file), file.toString(), context);
  }

  public VexDocument read(byte[] bytes, String source, VexImport context) {
    JsonNode root = VexJson.tree(bytes, source);
    String ctx = VexJson.required(root, "@context", source, "");
    if (!ctx.startsWith(CONTEXT_PREFIX)) {
      throw VexJson.fail(source, "/@context", "expected an OpenVEX context (" + CONTEXT_PREFIX + "/v0.2.0), found '" + ctx + "'");
    }
    VexJson.required(root, "@id", source, "");
    String docAuthor = VexJson.required(root, "author", source, "");
    Instant docTime = VexJson.instant(root, "timestamp", source, "")
        .orElseThrow(() -> VexJson.fail(source, "/timestamp", "missing"));
    if (!root.path("version").canConvertToInt()) {
      throw VexJson.fail(source, "/version", "missing or not an integer");
    }
    JsonNode statements = root.get("statements");
    if (statements == null || !statements.isArray()) {
      throw VexJson.fail(source, "/statements", "missing; an OpenVEX document has a statements array");
    }
    String origin = "imported from " + Path.of(source).getFileName() + " (OpenVEX)";
    List<VexStatement> out = new ArrayList<>();
    List<Problem> skipped = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      JsonNode s = statements.get(i);
      String at = "/statements/" + i;
      JsonNode vuln = s.path("vulnerability");
      String id = VexJson.text(vuln, "name").or(() -> VexJson.text(vuln, "@id"))
          .orElseThrow(() -> VexJson.fail(source, at + "/vulnerability/name", "missing; a statement names its vulnerability"));
      String statusWord = VexJson.required(s, "status", source, at);
      VexStatus status = switch (statusWord) {
        case "not_affected" -> VexStatus.NOT_AFFECTED;
        case "affected" -> VexStatus.AFFECTED;
        case "fixed" -> VexStatus.FIXED;
        case "under_investigation" -> VexStatus.UNDER_INVESTIGATION;
        default -> throw VexJson.fail(source, at + "/status", "unknown status '" + statusWord
            + "'; expected not_affected, affected, fixed or under_investigation");
      };
      Optional<VexJustification> justification = VexJson.text(s, "justification").map(w -> VexJustification.parse(w)
          .orElseThrow(() -> VexJson.fail(source, at + "/justification", "unknown justification '" + w + "'; expected "
              + "component_not_present, vulnerable_code_not_present, vulnerable_code_not_in_execute_path, "
              + "vulnerable_code_cannot_be_controlled_by_adversary or inline_mitigations_already_exist")));
      if (status == VexStatus.NOT_AFFECTED && justification.isEmpty() && VexJson.text(s, "impact_statement").isEmpty()) {
        throw VexJson.fail(source, at, "a not_affected statement gives a justification or an impact_statement");
      }
      Instant when = VexJson.instant(s, "last_updated", source, at).or(() -> VexJson.instant(s, "timestamp", source, at))
          .orElse(docTime);
      List<String> components = new ArrayList<>();
      JsonNode products = s.path("products");
      for (int p = 0; p < products.size(); p++) {
        JsonNode product = products.get(p);
        JsonNode subs = product.path("subcomponents");
        if (subs.isArray() && !subs.isEmpty()) {
          subs.forEach(sub -> name(sub).ifPresent(components::add));
        } else {
          name(product).ifPresent(components::add);
        }
      }
      if (components.isEmpty()) {
        skipped.add(VexJson.problem(source, at + "/products", id + " names no product or component it applies to"));
        continue;
      }
      for (String c : components) {
        String identity;
        String version;
        if (c.startsWith(NAME_URN)) {
          String rest = java.net.URLDecoder.decode(c.substring(NAME_URN.length()), java.nio.charset.StandardCharsets.UTF_8);
          int colon = rest.indexOf(':');
          identity = colon < 0 ? rest : rest.substring(0, colon);
          version = colon < 0 ? "" : rest.substring(colon + 1);
        } else {
          identity = VexStatement.identityOf(c);
          version = VexStatement.versionOf(c).orElse("");
        }
        try {
          out.add(new VexStatement(id, identity, version, status, status == VexStatus.NOT_AFFECTED ? justification
              : Optional.empty(), VexJson.text(s, "impact_statement"),
              VexJson.text(s, "action_statement"), docAuthor, when, context.scope(), origin));
        } catch (IllegalArgumentException e) {
          throw VexJson.fail(source, at, e.getMessage());
        }
      }
    }
    return new VexDocument(VexFormat.OPENVEX, out.stream().distinct().toList(), skipped);
  }

  private static Optional<String> name(JsonNode component) {
    return VexJson.text(component, "@id").or(() -> VexJson.text(component.path("identifiers"), "purl"));
  }
}
