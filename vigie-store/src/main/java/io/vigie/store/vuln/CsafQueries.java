package io.vigie.store.vuln;

import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.csaf.CsafAdvisory;
import io.vigie.core.vuln.csaf.CsafAdvisory.Identity;
import io.vigie.core.vuln.csaf.CsafAdvisorySource;
import io.vigie.core.vuln.csaf.CsafKeys;
import io.vigie.core.vuln.csaf.CsafNames;
import io.vigie.core.vuln.csaf.Cpe;
import io.vigie.formats.vuln.CsafReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import io.vigie.store.JdbcReads;
import org.jdbi.v3.core.Jdbi;

/** The CSAF side of the database's queries, kept apart so the OSV queries stay readable. */
final class CsafQueries {
  private final Supplier<Jdbi> jdbi;
  /** What a scan asks ({@link #source}, {@link #advisory(Identity)}): plain JDBC, as {@link JdbcReads} says why. */
  private final JdbcReads reads;
  private final CsafReader reader = new CsafReader();

  CsafQueries(Supplier<Jdbi> jdbi, JdbcReads reads) {
    this.jdbi = jdbi;
    this.reads = reads;
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
    List<Identity> ids = jdbi.get().withHandle(handle -> handle.createQuery(
            "SELECT DISTINCT publisher_namespace, tracking_id FROM csaf_product WHERE " + where)
        .bind("name", CsafNames.normalize(c.name()))
        .bind("ptype", purl[0]).bind("pns", purl[1]).bind("pname", purl[2])
        .bind("cvendor", cpe.map(Cpe::vendor).orElse("")).bind("cproduct", cpe.map(Cpe::product).orElse(""))
        .map((rs, ctx) -> new Identity(rs.getString(1), rs.getString(2))).list());
    return ids.stream().sorted().map(this::advisory).flatMap(Optional::stream).toList();
  }

  /**
   * A source for a whole scan: the lookup keys of every product loaded in one query, each document
   * parsed at most once. Asking per component would be one query each on a 10,000-component SBOM.
   */
  CsafAdvisorySource source() {
    Map<String, Set<Identity>> byKey = new HashMap<>();
    List<ProductKeys> rows = reads.list("SELECT publisher_namespace, tracking_id, product_key, vendor_product_key,"
            + " purl_type, purl_namespace, purl_name, cpe_vendor, cpe_product FROM csaf_product",
        rs -> new ProductKeys(new Identity(rs.getString(1), rs.getString(2)), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
    for (ProductKeys row : rows) {
      row.keys().forEach(k -> byKey.computeIfAbsent(k, x -> new TreeSet<>()).add(row.document()));
    }
    byKey.remove(CsafKeys.name(""));
    if (byKey.isEmpty()) {
      return component -> List.of(); // no CSAF data: no component needs keying
    }
    Map<Identity, Optional<CsafAdvisory>> parsed = new ConcurrentHashMap<>();
    return component -> {
      Set<Identity> ids = null;
      for (String key : CsafKeys.of(component)) {
        Set<Identity> documents = byKey.get(key);
        if (documents != null) {
          if (ids == null) {
            ids = new TreeSet<>();
          }
          ids.addAll(documents);
        }
      }
      if (ids == null) {
        return List.of(); // nearly every component of a large SBOM: no set, no stream
      }
      return ids.stream().map(id -> parsed.computeIfAbsent(id, this::advisory)).flatMap(Optional::stream).toList();
    };
  }

  private record ProductKeys(Identity document, String product, String vendorProduct, String purlType,
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

  /**
   * The document with this identity, rebuilt from its stored JSON. Its source names the publisher
   * too, {@code icsma (publisher https://www.cisa.gov/)}, so that a match's provenance tells two
   * publishers' documents with one tracking ID apart.
   */
  Optional<CsafAdvisory> advisory(Identity id) {
    return reads.first("SELECT publisher_namespace, tracking_id, source, source_record, raw_json FROM csaf_document"
            + " WHERE publisher_namespace = ? AND tracking_id = ?",
        rs -> rebuild(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        id.publisherNamespace(), id.trackingId());
  }

  /** Every publisher's document with this tracking ID, by namespace (code points). */
  List<CsafAdvisory> advisories(String trackingId) {
    List<CsafAdvisory> found = jdbi.get().withHandle(handle -> handle.createQuery("SELECT publisher_namespace, tracking_id,"
            + " source, source_record, raw_json FROM csaf_document WHERE tracking_id = :id")
        .bind("id", AdvisoryWriter.text(trackingId))
        .map((rs, ctx) -> rebuild(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .list());
    return found.stream().sorted(Comparator.comparing(CsafAdvisory::identity)).toList();
  }

  /**
   * The one document with this tracking ID; when publishers share it, an error that names them and
   * says how to choose, rather than one picked silently.
   */
  Optional<CsafAdvisory> advisory(String trackingId) {
    List<CsafAdvisory> found = advisories(trackingId);
    if (found.size() > 1) {
      throw new InvalidInputException(Problem.at("tracking ID", "'" + trackingId + "' is the tracking ID of "
          + found.size() + " CSAF documents, one per publisher: " + found.stream()
              .map(a -> a.publisherNamespace() + " ('" + a.title() + "', " + a.publisher() + ")")
              .collect(Collectors.joining(", "))
          + "; a CSAF document is its publisher namespace and tracking ID: name both"));
    }
    return found.stream().findFirst();
  }

  /** The advisories that list this CVE, by tracking ID then publisher namespace. */
  List<CsafAdvisory> mentioning(String cve) {
    List<Identity> ids = jdbi.get().withHandle(handle -> handle.createQuery(
            "SELECT DISTINCT publisher_namespace, tracking_id FROM csaf_vulnerability WHERE cve = :cve")
        .bind("cve", cve).map((rs, ctx) -> new Identity(rs.getString(1), rs.getString(2))).list());
    return ids.stream().sorted().map(this::advisory).flatMap(Optional::stream).toList();
  }

  /**
   * The namespace shown is the document's own, from its JSON: the stored key is the same, except
   * for a row V6 could not read the namespace of (stored under '', see V6).
   */
  private CsafAdvisory rebuild(String namespace, String trackingId, String source, String record, String json) {
    CsafAdvisory a = reader.parse(json.getBytes(StandardCharsets.UTF_8),
        "vulndb:csaf:" + new Identity(namespace, trackingId), source, record);
    return new CsafAdvisory(a.trackingId(), a.version(), a.title(), a.publisher(), a.publisherNamespace(),
        a.currentReleaseDate(), a.products(), a.vulnerabilities(), source + " (publisher " + a.publisherNamespace() + ")",
        record);
  }

  long documents() {
    return jdbi.get().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM csaf_document").mapTo(Long.class).one());
  }

  long vulnerabilities() {
    return jdbi.get().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM csaf_vulnerability").mapTo(Long.class).one());
  }
}
