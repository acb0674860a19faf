package io.vigie.formats.vex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes CSAF 2.0 VEX ({@code csaf_vex}) meeting the profile's requirements (CSAF 2.0, section
 * 4.5, and tests 6.1.27.x): document notes, publisher, tracking with a revision history, a product
 * tree (vendor → product_name → product_version, with the package URL as identification helper),
 * and per vulnerability a CVE or IDs, notes, a product_status, a flag (the justification) or a
 * threat of category {@code impact} for every not-affected product, and a remediation for every
 * affected one (category {@code mitigation}; {@code none_available} when no action was recorded).
 */
public final class CsafVexWriter {

  public String write(List<VexStatement> statements, VexExport export) {
    ObjectNode root = VexJson.MAPPER.createObjectNode();
    ObjectNode doc = root.putObject("document");
    doc.put("category", "csaf_vex");
    doc.put("csaf_version", "2.0");
    doc.putArray("notes").addObject().put("category", "summary").put("title", "Scope")
        .put("text", "VEX statements of Vigie for " + export.product() + " " + export.release()
            + ": decisions recorded for this release and carried from the product line and the portfolio.");
    ObjectNode publisher = doc.putObject("publisher");
    publisher.put("category", "vendor").put("name", export.author()).put("namespace", "https://vigie.io/vex");
    doc.put("title", "VEX for " + export.product() + " " + export.release());
    ObjectNode tracking = doc.putObject("tracking");
    String date = export.timestamp().toString();
    tracking.put("current_release_date", date);
    tracking.put("id", "vigie-vex-" + safe(export.product()) + "-" + safe(export.release()));
    tracking.put("initial_release_date", date);
    tracking.putArray("revision_history").addObject().put("date", date).put("number", "1").put("summary", "Exported by Vigie.");
    tracking.put("status", "final");
    tracking.put("version", "1");

    Map<String, List<VexStatement>> byVuln = new LinkedHashMap<>();
    statements.stream().distinct()
        .forEach(s -> byVuln.computeIfAbsent(s.vulnerability(), k -> new ArrayList<>()).add(s));
    // One product per component and version. CSAF gives a product one status per vulnerability, so
    // when a document states a vulnerability twice for one component and version (the CISA use
    // case 8 does), the second statement gets a product of its own with the same name and purl.
    Map<VexStatement, String> productOf = new java.util.IdentityHashMap<>();
    Map<String, String> productIds = new LinkedHashMap<>();
    Map<String, ObjectNode> nameBranches = new LinkedHashMap<>();
    ObjectNode vendor = root.putObject("product_tree").putArray("branches").addObject();
    vendor.put("category", "vendor").put("name", export.author());
    ArrayNode vendorBranches = vendor.putArray("branches");
    for (List<VexStatement> group : byVuln.values()) {
      Map<String, Integer> seen = new java.util.HashMap<>();
      for (VexStatement s : group) {
        String base = s.component() + "\n" + s.componentVersion();
        String key = base + "\n" + seen.merge(base, 1, Integer::sum);
        String pid = productIds.get(key);
        if (pid == null) {
          pid = "CSAFPID-" + String.format(Locale.ROOT, "%04d", productIds.size() + 1);
          productIds.put(key, pid);
          addProduct(s, pid, nameBranches, vendorBranches);
        }
        productOf.put(s, pid);
      }
    }
    nameBranches.values().forEach(b -> {
      if (b.get("branches").isEmpty()) {
        b.remove("branches");
      }
    });

    ArrayNode vulns = root.putArray("vulnerabilities");
    for (var e : byVuln.entrySet()) {
      ObjectNode v = vulns.addObject();
      if (e.getKey().matches("CVE-\\d{4}-\\d{4,}")) {
        v.put("cve", e.getKey());
      } else {
        v.putArray("ids").addObject().put("system_name", e.getKey().contains("-")
            ? e.getKey().substring(0, e.getKey().indexOf('-')) : "vigie").put("text", e.getKey());
      }
      v.putArray("notes").addObject().put("category", "description").put("title", "Decisions")
          .put("text", String.join(" ", e.getValue().stream().map(s -> s.component() + ": " + s.status().label()
              + ", decided by " + s.author() + " (" + s.scope().describe() + ").").toList()));
      ObjectNode status = v.putObject("product_status");
      ArrayNode flags = v.putArray("flags");
      ArrayNode threats = v.putArray("threats");
      ArrayNode remediations = v.putArray("remediations");
      for (VexStatement s : e.getValue()) {
        String pid = productOf.get(s);
        String list = switch (s.status()) {
          case NOT_AFFECTED -> "known_not_affected";
          case AFFECTED -> "known_affected";
          case FIXED -> "fixed";
          case UNDER_INVESTIGATION -> "under_investigation";
        };
        (status.has(list) ? (ArrayNode) status.get(list) : status.putArray(list)).add(pid);
        s.justification().ifPresent(j -> flags.addObject().put("label", j.label()).putArray("product_ids").add(pid));
        s.impact().ifPresent(i -> threats.addObject().put("category", "impact").put("details", i)
            .putArray("product_ids").add(pid));
        if (s.status() == VexStatus.AFFECTED) {
          remediations.addObject().put("category", s.action().isPresent() ? "mitigation" : "none_available")
              .put("details", s.action().orElse("No action statement was recorded."))
              .putArray("product_ids").add(pid);
        } else {
          s.action().ifPresent(a -> remediations.addObject().put("category", "mitigation").put("details", a)
              .putArray("product_ids").add(pid));
        }
      }
      for (String name : List.of("flags", "threats", "remediations")) {
        if (v.get(name).isEmpty()) {
          v.remove(name);
        }
      }
    }
    try {
      return VexJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addProduct(VexStatement s, String pid, Map<String, ObjectNode> nameBranches,
      ArrayNode vendorBranches) {
    ObjectNode nameBranch = nameBranches.computeIfAbsent(s.component(), c -> {
      ObjectNode b = vendorBranches.addObject();
      b.put("category", "product_name").put("name", c);
      b.putArray("branches");
      return b;
    });
    ObjectNode vb = ((ArrayNode) nameBranch.get("branches")).addObject();
    if (s.componentVersion().isEmpty()) {
      // A statement for every version: CSAF still wants a leaf branch; "*" is no version the reader keeps.
      vb.put("category", "product_version_range").put("name", "vers:all/*");
    } else {
      vb.put("category", s.componentVersion().startsWith("vers:") ? "product_version_range" : "product_version")
          .put("name", s.componentVersion());
    }
    ObjectNode product = vb.putObject("product");
    product.put("name", s.component() + (s.componentVersion().isEmpty() ? "" : " " + s.componentVersion()));
    product.put("product_id", pid);
    purl(s).ifPresent(p -> product.putObject("product_identification_helper").put("purl", p));
  }

  private static java.util.Optional<String> purl(VexStatement s) {
    if (!s.componentIsPurl()) {
      return java.util.Optional.empty();
    }
    String version = s.componentVersion().startsWith("vers:") ? null : s.componentVersion();
    try {
      PackageURL p = new PackageURL(s.component());
      return java.util.Optional.of(new PackageURL(p.getType(), p.getNamespace(), p.getName(),
          version == null || version.isEmpty() ? null : version, null, null).canonicalize());
    } catch (MalformedPackageURLException e) {
      return java.util.Optional.empty();
    }
  }

  private static String safe(String text) {
    String s = text.replaceAll("[^A-Za-z0-9._-]+", "-");
    return s.isEmpty() ? UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString() : s;
  }
}
