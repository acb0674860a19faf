package io.vigie.formats.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.csaf.CsafAdvisory;
import io.vigie.core.vuln.csaf.CsafProduct;
import io.vigie.core.vuln.csaf.CsafProductStatus;
import io.vigie.core.vuln.csaf.CsafRemediation;
import io.vigie.core.vuln.csaf.CsafVulnerability;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One CSAF 2.0 JSON document to a {@link CsafAdvisory}, collecting every problem (file and JSON
 * pointer) before throwing, so a publisher sees all that is wrong at once. The product tree is
 * flattened here: branches walked to their products, keeping the vendor, product name and version
 * branch on the way; {@code full_product_names} and relationships' {@code full_product_name} are
 * products too; product groups are resolved to product IDs.
 */
final class CsafDocumentMapping {
  private final String location;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, CsafProduct> products = new LinkedHashMap<>();
  private final Map<String, List<String>> groups = new LinkedHashMap<>();

  private CsafDocumentMapping(String location) {
    this.location = location;
  }

  static CsafAdvisory toAdvisory(JsonNode root, String location, String source, String sourceRecord) {
    return new CsafDocumentMapping(location).map(root, source, sourceRecord);
  }

  private CsafAdvisory map(JsonNode root, String source, String sourceRecord) {
    JsonNode doc = root.path("document");
    if (!doc.isObject()) {
      add("/document", "is required: a CSAF 2.0 document has a 'document' object");
      throw new InvalidInputException(problems);
    }
    JsonNode version = doc.path("csaf_version");
    if (!version.isTextual() || !version.asText().equals("2.0")) {
      add("/document/csaf_version", "expected \"2.0\", found " + (version.isMissingNode() ? "nothing" : version.toString())
          + ": only CSAF 2.0 is read");
      throw new InvalidInputException(problems);
    }
    text(doc, "/document/category", true);
    String title = text(doc, "/document/title", true);
    JsonNode publisher = required(doc, "publisher", "/document/publisher");
    String publisherName = text(publisher, "/document/publisher/name", true);
    text(publisher, "/document/publisher/category", true);
    String namespace = text(publisher, "/document/publisher/namespace", true);
    JsonNode tracking = required(doc, "tracking", "/document/tracking");
    String id = text(tracking, "/document/tracking/id", true);
    String trackingVersion = text(tracking, "/document/tracking/version", true);
    text(tracking, "/document/tracking/status", true);
    Instant current = instant(tracking, "/document/tracking/current_release_date");
    instant(tracking, "/document/tracking/initial_release_date");
    if (tracking.isObject() && !tracking.path("revision_history").isArray()) {
      add("/document/tracking/revision_history", "is required (an array)");
    }
    JsonNode tree = root.path("product_tree");
    branches(tree.path("branches"), "/product_tree/branches", new Path(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    List<JsonNode> full = array(tree.path("full_product_names"), "/product_tree/full_product_names");
    for (int i = 0; i < full.size(); i++) {
      product(full.get(i), "/product_tree/full_product_names/" + i, new Path(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
    List<JsonNode> relationships = array(tree.path("relationships"), "/product_tree/relationships");
    for (int i = 0; i < relationships.size(); i++) {
      product(relationships.get(i).path("full_product_name"), "/product_tree/relationships/" + i + "/full_product_name",
          new Path(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
    List<JsonNode> groupNodes = array(tree.path("product_groups"), "/product_tree/product_groups");
    for (int i = 0; i < groupNodes.size(); i++) {
      String at = "/product_tree/product_groups/" + i;
      String groupId = text(groupNodes.get(i), at + "/group_id", true);
      List<String> members = productIds(groupNodes.get(i).path("product_ids"), at + "/product_ids");
      if (groupId != null) {
        groups.put(groupId, members);
      }
    }
    List<CsafVulnerability> vulnerabilities = new ArrayList<>();
    List<JsonNode> vulnNodes = array(root.path("vulnerabilities"), "/vulnerabilities");
    for (int i = 0; i < vulnNodes.size(); i++) {
      vulnerabilities.add(vulnerability(vulnNodes.get(i), "/vulnerabilities/" + i));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new CsafAdvisory(id, trackingVersion, title, publisherName, namespace, current, List.copyOf(products.values()),
        vulnerabilities, source, sourceRecord);
  }

  /** The branch categories met on the way down to a product. */
  private record Path(Optional<String> vendor, Optional<String> productName, Optional<String> version, Optional<String> range) {}

  private void branches(JsonNode branchNode, String at, Path path) {
    List<JsonNode> branches = array(branchNode, at);
    for (int i = 0; i < branches.size(); i++) {
      JsonNode b = branches.get(i);
      String here = at + "/" + i;
      String category = b.path("category").asText("");
      Optional<String> name = Optional.ofNullable(text(b, here + "/name", true));
      Path next = switch (category) {
        case "vendor" -> new Path(name, path.productName(), path.version(), path.range());
        case "product_name" -> new Path(path.vendor(), name, path.version(), path.range());
        case "product_family" -> new Path(path.vendor(), path.productName().or(() -> name), path.version(), path.range());
        case "product_version" -> new Path(path.vendor(), path.productName(), name, path.range());
        case "product_version_range" -> new Path(path.vendor(), path.productName(), path.version(), name);
        default -> path; // architecture, language, patch_level, service_pack…: not part of the identity Vigie matches
      };
      if (b.has("product")) {
        product(b.get("product"), here + "/product", next);
      }
      branches(b.path("branches"), here + "/branches", next);
    }
  }

  private void product(JsonNode p, String at, Path path) {
    if (!p.isObject()) {
      add(at, "expected a product object with product_id and name");
      return;
    }
    String id = text(p, at + "/product_id", true);
    String name = text(p, at + "/name", true);
    if (id == null || name == null) {
      return;
    }
    if (products.containsKey(id)) {
      add(at + "/product_id", "product ID '" + id + "' is defined twice in the product tree");
      return;
    }
    JsonNode helper = p.path("product_identification_helper");
    Optional<String> purl = Optional.ofNullable(text(helper, at + "/product_identification_helper/purl", false));
    Optional<String> cpe = Optional.ofNullable(text(helper, at + "/product_identification_helper/cpe", false));
    products.put(id, new CsafProduct(id, name, path.vendor(), path.productName(), path.version(), path.range(), purl, cpe));
  }

  private CsafVulnerability vulnerability(JsonNode v, String at) {
    if (!v.isObject()) {
      add(at, "expected a vulnerability object");
      return new CsafVulnerability(Optional.empty(), "", List.of(), CsafProductStatus.empty(), List.of(), List.of());
    }
    Optional<String> cve = Optional.ofNullable(text(v, at + "/cve", false));
    String title = v.path("title").asText("");
    List<String> cwes = new ArrayList<>();
    if (v.path("cwe").path("id").isTextual()) {
      cwes.add(v.path("cwe").path("id").asText());
    }
    JsonNode status = v.path("product_status");
    CsafProductStatus productStatus = new CsafProductStatus(
        productIds(status.path("known_affected"), at + "/product_status/known_affected"),
        productIds(status.path("first_affected"), at + "/product_status/first_affected"),
        productIds(status.path("last_affected"), at + "/product_status/last_affected"),
        productIds(status.path("fixed"), at + "/product_status/fixed"),
        productIds(status.path("known_not_affected"), at + "/product_status/known_not_affected"),
        productIds(status.path("under_investigation"), at + "/product_status/under_investigation"));
    List<CsafVulnerability.Score> scores = new ArrayList<>();
    List<JsonNode> scoreNodes = array(v.path("scores"), at + "/scores");
    for (int i = 0; i < scoreNodes.size(); i++) {
      JsonNode s = scoreNodes.get(i);
      List<String> ids = productIds(s.path("products"), at + "/scores/" + i + "/products");
      for (String kind : List.of("cvss_v3", "cvss_v4")) {
        if (s.path(kind).path("vectorString").isTextual()) {
          scores.add(new CsafVulnerability.Score(s.path(kind).path("vectorString").asText(), ids));
        }
      }
    }
    List<CsafRemediation> remediations = new ArrayList<>();
    List<JsonNode> remNodes = array(v.path("remediations"), at + "/remediations");
    for (int i = 0; i < remNodes.size(); i++) {
      JsonNode r = remNodes.get(i);
      String here = at + "/remediations/" + i;
      String category = text(r, here + "/category", true);
      String details = text(r, here + "/details", true);
      Set<String> ids = new LinkedHashSet<>(productIds(r.path("product_ids"), here + "/product_ids"));
      List<JsonNode> groupIds = array(r.path("group_ids"), here + "/group_ids");
      for (int g = 0; g < groupIds.size(); g++) {
        List<String> members = groups.get(groupIds.get(g).asText());
        if (members == null) {
          add(here + "/group_ids/" + g, "product group '" + groupIds.get(g).asText() + "' is not defined in /product_tree/product_groups");
        } else {
          ids.addAll(members);
        }
      }
      if (category != null && details != null) {
        remediations.add(new CsafRemediation(category, details, Optional.ofNullable(text(r, here + "/url", false)), List.copyOf(ids)));
      }
    }
    return new CsafVulnerability(cve, title, cwes, productStatus, scores, remediations);
  }

  /** Product IDs that the product tree defines; each unknown one is a problem. */
  private List<String> productIds(JsonNode ids, String at) {
    List<String> out = new ArrayList<>();
    List<JsonNode> elements = array(ids, at);
    for (int i = 0; i < elements.size(); i++) {
      String id = elements.get(i).isTextual() ? elements.get(i).asText() : elements.get(i).toString();
      if (!products.containsKey(id)) {
        add(at + "/" + i, "product ID '" + id + "' is not defined in the product tree");
      } else if (!out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /** The elements of an array, or none (and a problem) when the field is there but no array. */
  private List<JsonNode> array(JsonNode node, String at) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      add(at, "expected an array, found " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
      return out;
    }
    node.forEach(out::add);
    return out;
  }

  private JsonNode required(JsonNode parent, String field, String at) {
    JsonNode node = parent.path(field);
    if (!node.isObject()) {
      add(at, node.isMissingNode() ? "is required" : "expected an object");
    }
    return node;
  }

  /** The string at the last segment of {@code at} under {@code parent}. */
  private String text(JsonNode parent, String at, boolean required) {
    JsonNode value = parent.path(at.substring(at.lastIndexOf('/') + 1));
    if (value.isTextual() && !value.asText().isBlank()) {
      return value.asText();
    }
    if (parent.isMissingNode() && required) {
      return null; // the missing parent is reported once, not each of its fields
    }
    if (required || !value.isMissingNode()) {
      add(at, value.isMissingNode() ? "is required" : "expected a non-empty string");
    }
    return null;
  }

  private Instant instant(JsonNode parent, String at) {
    String text = text(parent, at, true);
    if (text == null) {
      return Instant.EPOCH;
    }
    try {
      return Rfc3339.parse(text);
    } catch (DateTimeParseException e) {
      add(at, "expected an RFC 3339 date-time, found '" + text + "'");
      return Instant.EPOCH;
    }
  }

  private void add(String pointer, String message) {
    problems.add(Problem.at(pointer, message).located(location, 0, 0));
  }
}
