package io.vigie.formats.vex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.vigie.core.vex.VexStatement;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Writes OpenVEX 0.2.0: one statement per VEX statement, its product the component at the version
 * assessed (a package URL with that version, or {@code urn:vigie:component:NAME[:VERSION]} for a
 * component known by name only). The document's {@code @id} is derived from its content, so the
 * same statements give the same document.
 */
public final class OpenVexWriter {

  public String write(List<VexStatement> statements, VexExport export) {
    ObjectNode root = VexJson.MAPPER.createObjectNode();
    root.put("@context", "https://openvex.dev/ns/v0.2.0");
    root.put("@id", "");
    root.put("author", export.author());
    root.put("role", "Document Creator");
    root.put("timestamp", export.timestamp().toString());
    root.put("version", 1);
    root.put("tooling", "Vigie");
    ArrayNode list = root.putArray("statements");
    for (VexStatement s : statements) {
      ObjectNode n = list.addObject();
      n.putObject("vulnerability").put("name", s.vulnerability());
      n.put("timestamp", s.timestamp().toString());
      n.putArray("products").addObject().put("@id", productId(s));
      n.put("status", s.status().label());
      s.justification().ifPresent(j -> n.put("justification", j.label()));
      s.impact().ifPresent(i -> n.put("impact_statement", i));
      s.action().ifPresent(a -> n.put("action_statement", a));
      n.put("status_notes", "decided by " + s.author() + ", " + s.scope().describe() + "; " + s.origin());
    }
    try {
      String body = VexJson.MAPPER.writeValueAsString(root);
      root.put("@id", "https://vigie.io/vex/" + UUID.nameUUIDFromBytes((export.product() + "\n" + export.release() + "\n"
          + body).getBytes(StandardCharsets.UTF_8)));
      return VexJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String productId(VexStatement s) {
    String version = s.componentVersion().startsWith("vers:") ? "" : s.componentVersion();
    if (s.componentIsPurl()) {
      try {
        PackageURL p = new PackageURL(s.component());
        return new PackageURL(p.getType(), p.getNamespace(), p.getName(), version.isEmpty() ? null : version, null, null)
            .canonicalize();
      } catch (MalformedPackageURLException e) {
        // fall through to the name form
      }
    }
    return OpenVexReader.NAME_URN + URLEncoder.encode(s.component(), StandardCharsets.UTF_8).replace(":", "%3A")
        + (s.componentVersion().isEmpty() ? "" : ":" + URLEncoder.encode(s.componentVersion(), StandardCharsets.UTF_8));
  }
}
