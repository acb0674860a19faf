package io.vigie.store.vuln;

import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.vuln.csaf.CsafAdvisory;
import io.vigie.core.vuln.csaf.CsafAdvisorySource;
import io.vigie.core.vuln.csaf.CsafKeys;
import io.vigie.core.vuln.csaf.CsafNames;
import io.vigie.core.vuln.csaf.Cpe;
import io.vigie.formats.vuln.CsafReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/** The CSAF side of the database's queries, kept apart so the OSV queries stay readable. */
final class CsafQueries {
  private final Jdbi jdbi;
  private final CsafReader reader = new CsafReader();

  CsafQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Advisories with a product whose normalised name, package URL or CPE is the component's. */
  List<CsafAdvisory> candidatesFor(SbomComponent c) {
    StringBuilder where = new StringBuilder("product_key = :name OR vendor_product_key = :name");
    String[] purl = CsafWriter.purlParts(c.purl());
    if (!purl[0].isEmpty()) {
      where.append(" OR (purl_type = :ptype AND purl_namespace = :pns AND purl_name = :pname)");
    }
    Optional<Cpe> cpe = c.cpe().flatMap(Cpe::parse);
    if (cpe.isPresent()) {
      where.append(" OR (cpe_vendor = :cvendor AND cpe_product = :cproduct)");
    }
    List<String> ids = jdbi.withHandle(handle -> handle.createQuery(
            "SELECT DISTINCT tracking_id FROM csaf_product WHERE " + where + " ORDER BY tracking_id")
        .bind("name", CsafNames.normalize(c.name()))
        .bind("ptype", purl[0]).bind("pns", purl[1]).bind("pname", purl[2])
        .bind("cvendor", cpe.map(Cpe::vendor).orElse("")).bind("cproduct", cpe.map(Cpe::product).orElse(""))
        .mapTo(String.class).list());
    return ids.stream().map(this::advisory).flatMap(Optional::stream).toList();
  }

  /**
   * A source for a whole scan: the lookup keys of every product loaded in one query, each document
   * parsed at most once. Asking per component would be one query each on a 10,000-component SBOM.
   */
  CsafAdvisorySource source() {
    Map<String, Set<String>> byKey = new HashMap<>();
    List<ProductKeys> rows = jdbi.withHandle(handle -> handle.createQuery("SELECT tracking_id, product_key,"
            + " vendor_product_key, purl_type, purl_namespace, purl_name, cpe_vendor, cpe_product FROM csaf_product")
        .map((rs, ctx) -> new ProductKeys(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
        .list());
    for (ProductKeys row : rows) {
      row.keys().forEach(k -> byKey.computeIfAbsent(k, x -> new TreeSet<>()).add(row.trackingId()));
    }
    byKey.remove(CsafKeys.name(""));
    if (byKey.isEmpty()) {
      return component -> List.of(); // no CSAF data: no component needs keying
    }
    Map<String, Optional<CsafAdvisory>> parsed = new ConcurrentHashMap<>();
    return component -> {
      Set<String> ids = new TreeSet<>();
      CsafKeys.of(component).forEach(k -> ids.addAll(byKey.getOrDefault(k, Set.of())));
      return ids.stream().map(id -> parsed.computeIfAbsent(id, this::advisory)).flatMap(Optional::stream).toList();
    };
  }

  private record ProductKeys(String trackingId, String product, String vendorProduct, String purlType,
      String purlNamespace, String purlName, String cpeVendor, String cpeProduct) {
    List<String> keys() {
      List<String> keys = new ArrayList<>(List.of(CsafKeys.name(product), CsafKeys.name(vendorProduct)));
      if (!purlType.isEmpty()) {
        keys.add(CsafKeys.purl(purlType, purlNamespace, purlName));
      }
      if (!cpeVendor.isEmpty()) {
        keys.add(CsafKeys.cpe(cpeVendor, cpeProduct));
      }
      return keys;
    }
  }

  Optional<CsafAdvisory> advisory(String trackingId) {
    return jdbi.withHandle(handle -> handle.createQuery(
            "SELECT tracking_id, source, source_record, raw_json FROM csaf_document WHERE tracking_id = :id")
        .bind("id", trackingId)
        .map((rs, ctx) -> reader.parse(rs.getString(4).getBytes(StandardCharsets.UTF_8), "vulndb:csaf:" + rs.getString(1),
            rs.getString(2), rs.getString(3)))
        .findOne());
  }

  /** The advisories that list this CVE, by tracking ID. */
  List<CsafAdvisory> mentioning(String cve) {
    List<String> ids = jdbi.withHandle(handle -> handle.createQuery(
            "SELECT DISTINCT tracking_id FROM csaf_vulnerability WHERE cve = :cve ORDER BY tracking_id")
        .bind("cve", cve).mapTo(String.class).list());
    return ids.stream().map(this::advisory).flatMap(Optional::stream).toList();
  }

  long documents() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM csaf_document").mapTo(Long.class).one());
  }

  long vulnerabilities() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM csaf_vulnerability").mapTo(Long.class).one());
  }
}
