package io.vigie.formats.vex;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.validation.Problem;
import io.vigie.core.vex.VexJustification;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads CSAF 2.0 VEX documents ({@code document.category} {@code csaf_vex}). Each product of a
 * vulnerability's {@code product_status} becomes one statement: {@code known_not_affected} → not
 * affected, {@code known_affected} / {@code first_affected} / {@code last_affected} → affected,
 * {@code fixed} / {@code first_fixed} → fixed, {@code under_investigation} → under investigation.
 * The justification is the vulnerability's {@code flags[].label} for that product, the impact
 * statement its {@code threats[]} of category {@code impact}, the action statement its {@code
 * remediations[]}. Products are resolved through the product tree (branches, full product names,
 * relationships, product groups) to their {@code product_identification_helper.purl}, else their
 * name. Author: {@code document.publisher.name}; time: {@code tracking.current_release_date}.
 */
public final class CsafVexReader {

  public VexDocument read(Path file, VexImport context) {
    return read(VexJson.read(file), file.toString(), context);
  }

  public VexDocument read(byte[] bytes, String source, VexImport context) {
    JsonNode root = VexJson.tree(bytes, source);
    JsonNode doc = root.path("document");
    if (!doc.isObject()) {
      throw VexJson.fail(source, "/document", "missing; a CSAF document has a document object");
    }
    String category = VexJson.required(doc, "category", source, "/document");
    if (!category.equals("csaf_vex")) {
      throw VexJson.fail(source, "/document/category", "'" + category + "' is not a VEX document; expected csaf_vex");
    }
    String csafVersion = VexJson.required(doc, "csaf_version", source, "/document");
    if (!csafVersion.equals("2.0")) {
      throw VexJson.fail(source, "/document/csaf_version", "expected 2.0, found " + csafVersion);
    }
    String author = VexJson.required(doc.path("publisher"), "name", source, "/document/publisher");
    Instant when = VexJson.instant(doc.path("tracking"), "current_release_date", source, "/document/tracking")
        .orElseThrow(() -> VexJson.fail(source, "/document/tracking/current_release_date", "missing"));
    if (!root.path("product_tree").isObject()) {
      throw VexJson.fail(source, "/product_tree", "missing; a csaf_vex document has a product tree (CSAF 2.0, 4.5)");
    }
    Map<String, Product> products = new HashMap<>();
    JsonNode tree = root.path("product_tree");
    tree.path("branches").forEach(b -> branch(b, products, Optional.empty(), Optional.empty()));
    tree.path("full_product_names").forEach(p -> product(p, products, Optional.empty(), Optional.empty()));
    tree.path("relationships").forEach(r -> product(r.path("full_product_name"), products, Optional.empty(),
        Optional.empty()));
    Map<String, List<String>> groups = new HashMap<>();
    tree.path("product_groups").forEach(g -> {
      List<String> ids = new ArrayList<>();
      g.path("product_ids").forEach(x -> ids.add(x.asText()));
      groups.put(g.path("group_id").asText(), ids);
    });

    String origin = "imported from " + Path.of(source).getFileName() + " (CSAF VEX "
        + VexJson.text(doc.path("tracking"), "id").orElse("") + ")";
    List<VexStatement> out = new ArrayList<>();
    List<Problem> skipped = new ArrayList<>();
    JsonNode vulns = root.path("vulnerabilities");
    for (int i = 0; i < vulns.size(); i++) {
      JsonNode v = vulns.get(i);
      String at = "/vulnerabilities/" + i;
      Optional<String> cve = VexJson.text(v, "cve");
      Optional<String> other = v.path("ids").isArray() && !v.path("ids").isEmpty()
          ? VexJson.text(v.path("ids").get(0), "text") : Optional.empty();
      String id = cve.or(() -> other).orElseThrow(() -> VexJson.fail(source, at + "/cve",
          "missing; a csaf_vex vulnerability has a cve or ids (CSAF 2.0, 4.5)"));
      JsonNode status = v.path("product_status");
      if (!status.isObject()) {
        throw VexJson.fail(source, at + "/product_status", "missing; a csaf_vex vulnerability has a product_status");
      }
      Map<String, VexJustification> flags = new HashMap<>();
      for (JsonNode f : v.path("flags")) {
        String label = f.path("label").asText();
        VexJustification j = VexJustification.parse(label).orElseThrow(() -> VexJson.fail(source, at + "/flags",
            "unknown label '" + label + "'"));
        ids(f, groups).forEach(p -> flags.put(p, j));
      }
      Map<String, String> impacts = new HashMap<>();
      for (JsonNode t : v.path("threats")) {
        if ("impact".equals(t.path("category").asText())) {
          String details = t.path("details").asText();
          ids(t, groups).forEach(p -> impacts.merge(p, details, (a, b) -> a + " " + b));
        }
      }
      Map<String, String> actions = new HashMap<>();
      for (JsonNode r : v.path("remediations")) {
        String details = r.path("details").asText();
        ids(r, groups).forEach(p -> actions.merge(p, details, (a, b) -> a + " " + b));
      }
      int before = out.size();
      for (var entry : List.of(Map.entry("known_not_affected", VexStatus.NOT_AFFECTED),
          Map.entry("known_affected", VexStatus.AFFECTED), Map.entry("first_affected", VexStatus.AFFECTED),
          Map.entry("last_affected", VexStatus.AFFECTED), Map.entry("fixed", VexStatus.FIXED),
          Map.entry("first_fixed", VexStatus.FIXED), Map.entry("under_investigation", VexStatus.UNDER_INVESTIGATION))) {
        JsonNode list = status.path(entry.getKey());
        for (int k = 0; k < list.size(); k++) {
          String pid = list.get(k).asText();
          Product p = products.get(pid);
          if (p == null) {
            throw VexJson.fail(source, at + "/product_status/" + entry.getKey() + "/" + k,
                "product '" + pid + "' is not in the product tree");
          }
          VexStatus st = entry.getValue();
          try {
            out.add(new VexStatement(id, VexStatement.identityOf(p.identity), p.version, st,
                st == VexStatus.NOT_AFFECTED ? Optional.ofNullable(flags.get(pid)) : Optional.empty(),
                Optional.ofNullable(impacts.get(pid)), Optional.ofNullable(actions.get(pid)), author, when,
                context.scope(), origin));
          } catch (IllegalArgumentException e) {
            throw VexJson.fail(source, at + "/product_status/" + entry.getKey() + "/" + k, e.getMessage()
                + " (CSAF: a flag or a threat of category impact for this product)");
          }
        }
      }
      if (out.size() == before) {
        skipped.add(VexJson.problem(source, at + "/product_status", id + " lists no product as affected, not affected, "
            + "fixed or under investigation"));
      }
    }
    return new VexDocument(VexFormat.CSAF, out.stream().distinct().toList(), skipped);
  }

  private static Set<String> ids(JsonNode node, Map<String, List<String>> groups) {
    Set<String> out = new LinkedHashSet<>();
    node.path("product_ids").forEach(x -> out.add(x.asText()));
    node.path("group_ids").forEach(g -> out.addAll(groups.getOrDefault(g.asText(), List.of())));
    return out;
  }

  /** Walks the branches, remembering the product_name and product_version(_range) above each product. */
  private static void branch(JsonNode b, Map<String, Product> products, Optional<String> name, Optional<String> version) {
    String category = b.path("category").asText();
    Optional<String> here = VexJson.text(b, "name");
    Optional<String> n = category.equals("product_name") ? here : name;
    Optional<String> v = category.equals("product_version") || category.equals("product_version_range")
        ? here.filter(x -> !x.equals("vers:all/*")) : version;
    product(b.path("product"), products, n, v);
    b.path("branches").forEach(x -> branch(x, products, n, v));
  }

  private static void product(JsonNode p, Map<String, Product> products, Optional<String> branchName,
      Optional<String> branchVersion) {
    Optional<String> id = VexJson.text(p, "product_id");
    if (id.isEmpty()) {
      return;
    }
    Optional<String> purl = VexJson.text(p.path("product_identification_helper"), "purl");
    String name = branchName.or(() -> VexJson.text(p, "name")).orElse(id.get());
    products.put(id.get(), purl.map(u -> new Product(u, VexStatement.versionOf(u).or(() -> branchVersion).orElse("")))
        .orElse(new Product(name, branchVersion.orElse(""))));
  }

  private record Product(String identity, String version) {}
}
