package io.vigie.store.vuln;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.csaf.CsafAdvisory;
import io.vigie.core.vuln.csaf.CsafNames;
import io.vigie.core.vuln.csaf.CsafProduct;
import io.vigie.core.vuln.csaf.CsafVulnerability;
import io.vigie.core.vuln.csaf.Cpe;
import io.vigie.formats.vuln.CsafRecord;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes CSAF documents inside the caller's transaction. A document is its publisher namespace
 * plus tracking ID (CSAF 2.0): the same ID from another publisher is another document. Upsert by
 * that pair with plain SELECT, DELETE and INSERT (portable): the later {@code
 * current_release_date} wins, and on the same date the higher tracking version; an equal release
 * replaces the stored one, so re-importing the same files rewrites the same rows. Not
 * thread-safe: one per import.
 */
final class CsafWriter {
  /** The columns' sizes (V2, V6): a longer key is refused with the record named, not an SQL error. */
  static final int MAX_NAMESPACE = 1000;
  static final int MAX_TRACKING_ID = 200;

  private final Handle handle;
  private int unchanged;
  private int vulnerabilities;

  CsafWriter(Handle handle) {
    this.handle = handle;
  }

  /** Documents not written because the database already held a newer release. */
  int unchanged() {
    return unchanged;
  }

  /** Vulnerabilities written. */
  int vulnerabilities() {
    return vulnerabilities;
  }

  /**
   * @throws InvalidInputException if the namespace or the tracking ID is longer than the database
   *     keeps (the whole import then rolls back, as for any invalid named file)
   */
  void add(CsafRecord record) {
    CsafAdvisory a = record.advisory();
    checkLength(a, "/document/publisher/namespace", a.publisherNamespace(), MAX_NAMESPACE);
    checkLength(a, "/document/tracking/id", a.trackingId(), MAX_TRACKING_ID);
    Optional<Stored> stored = handle.createQuery("SELECT version, current_release_date FROM csaf_document"
            + " WHERE publisher_namespace = :ns AND tracking_id = :id")
        .bind("ns", a.publisherNamespace()).bind("id", a.trackingId())
        .map((rs, ctx) -> new Stored(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
        .findOne();
    if (stored.isPresent() && isOlder(a, stored.get())) {
      unchanged++;
      return;
    }
    // The namespace '' is a row V6 could not read the namespace of (docs/vulnerability-database.md):
    // before V6 a tracking ID held one document, so it is this one, now stored under its namespace.
    handle.createUpdate("DELETE FROM csaf_document WHERE (publisher_namespace = :ns OR publisher_namespace = '')"
            + " AND tracking_id = :id")
        .bind("ns", a.publisherNamespace()).bind("id", a.trackingId()).execute();
    handle.createUpdate("INSERT INTO csaf_document (publisher_namespace, tracking_id, version, title, publisher,"
            + " current_release_date, source, source_record, raw_json)"
            + " VALUES (:ns, :id, :version, :title, :publisher, :date, :source, :record, :json)")
        .bind("ns", a.publisherNamespace()).bind("id", a.trackingId()).bind("version", a.version()).bind("title", a.title())
        .bind("publisher", a.publisher()).bind("date", AdvisoryWriter.utc(a.currentReleaseDate()))
        .bind("source", a.source()).bind("record", a.sourceRecord()).bind("json", record.json())
        .execute();
    PreparedBatch products = handle.prepareBatch("INSERT INTO csaf_product (publisher_namespace, tracking_id, product_id,"
        + " full_name, vendor_key, product_key, vendor_product_key, purl_type, purl_namespace, purl_name, cpe_vendor,"
        + " cpe_product) VALUES (:ns, :id, :pid, :name, :vendor, :product, :vendorProduct, :ptype, :pns, :pname,"
        + " :cvendor, :cproduct)");
    for (CsafProduct p : a.products()) {
      String vendor = p.vendor().map(CsafNames::vendor).orElse("");
      String product = p.productName().map(CsafNames::normalize).orElse("");
      String[] purl = purlParts(p.purl());
      Optional<Cpe> cpe = p.cpe().flatMap(Cpe::parse);
      products.bind("ns", a.publisherNamespace()).bind("id", a.trackingId()).bind("pid", p.productId())
          .bind("name", p.fullName())
          .bind("vendor", vendor).bind("product", product)
          .bind("vendorProduct", vendor.isEmpty() || product.isEmpty() ? "" : vendor + " " + product)
          .bind("ptype", purl[0]).bind("pns", purl[1]).bind("pname", purl[2])
          .bind("cvendor", cpe.map(Cpe::vendor).orElse("")).bind("cproduct", cpe.map(Cpe::product).orElse(""))
          .add();
    }
    if (products.size() > 0) {
      products.execute();
    }
    PreparedBatch vulns = handle.prepareBatch("INSERT INTO csaf_vulnerability (publisher_namespace, tracking_id,"
        + " position, cve, title) VALUES (:ns, :id, :position, :cve, :title)");
    for (int i = 0; i < a.vulnerabilities().size(); i++) {
      CsafVulnerability v = a.vulnerabilities().get(i);
      vulns.bind("ns", a.publisherNamespace()).bind("id", a.trackingId()).bind("position", i)
          .bind("cve", v.cve().orElse(null)).bind("title", v.title()).add();
    }
    if (vulns.size() > 0) {
      vulns.execute();
    }
    vulnerabilities += a.vulnerabilities().size();
  }

  private static void checkLength(CsafAdvisory a, String pointer, String value, int max) {
    if (value.length() > max) {
      throw new InvalidInputException(Problem.at(pointer, "is " + value.length()
          + " characters long; the database keeps at most " + max).located(a.source().equals(a.sourceRecord()) ? a.source() : a.source() + "/" + a.sourceRecord(), 0, 0));
    }
  }

  private record Stored(String version, OffsetDateTime date) {}

  private static boolean isOlder(CsafAdvisory a, Stored stored) {
    int byDate = a.currentReleaseDate().compareTo(stored.date().toInstant());
    return byDate < 0 || (byDate == 0 && compareVersions(a.version(), stored.version()) < 0);
  }

  /** CSAF tracking versions are integers or SemVer: numeric parts compared as numbers. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("[.+\\-]");
    String[] y = b.split("[.+\\-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c = p.matches("\\d{1,18}") && q.matches("\\d{1,18}") ? Long.compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** type, namespace, name in lower case ('' when absent), as {@link io.vigie.core.vuln.csaf.CsafKeys} keys them. */
  static String[] purlParts(Optional<String> purl) {
    if (purl.isPresent()) {
      try {
        PackageURL p = new PackageURL(purl.get());
        return new String[] {p.getType().toLowerCase(Locale.ROOT),
            p.getNamespace() == null ? "" : p.getNamespace().toLowerCase(Locale.ROOT), p.getName().toLowerCase(Locale.ROOT)};
      } catch (MalformedPackageURLException | RuntimeException e) {
        // An invalid package URL identifies nothing; the product can still match by CPE or name.
      }
    }
    return new String[] {"", "", ""};
  }
}
