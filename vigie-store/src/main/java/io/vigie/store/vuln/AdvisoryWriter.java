package io.vigie.store.vuln;

import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.match.AdvisorySource.Package;
import io.vigie.core.vuln.version.OsvAffected;
import io.vigie.formats.vuln.OsvRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes advisories inside the caller's transaction: an upsert by ID where the newer {@code
 * modified} wins (an equal one replaces, so re-importing the same file rewrites the same rows and
 * the counts stay put). Plain SELECT, DELETE and batched INSERT by chunks of records, which every
 * SQL database runs alike (no MERGE or ON CONFLICT dialects). Not thread-safe: one per import.
 */
final class AdvisoryWriter {

  private final Handle handle;

  AdvisoryWriter(Handle handle) {
    this.handle = handle;
    this.queue = new NewerWinsQueue<>(handle, "SELECT id, modified FROM advisory WHERE id IN (<ids>)",
        r -> text(r.advisory().id()), r -> r.advisory().modified(), CHUNK, this::write);
  }

  /** Records per round trip: big enough to amortise statements, small enough to stay in cache. */
  private static final int CHUNK = 500;

  private final NewerWinsQueue<OsvRecord> queue;

  /** Queues the record; it is written, unless a newer version is stored, by a later flush. */
  void add(OsvRecord record) {
    queue.add(record);
  }

  /** Records not written because a newer version was stored or queued. */
  int unchanged() {
    return queue.unchanged();
  }

  /** Writes what is queued. */
  void flush() {
    queue.flush();
  }

  private void write(NewerWinsQueue.Batch<OsvRecord> chunk) {
    List<String> replaced = chunk.replaced();
    if (!replaced.isEmpty()) {
      for (String table : List.of("affected_package", "advisory_alias")) {
        handle.createUpdate("DELETE FROM " + table + " WHERE advisory_id IN (<ids>)")
            .bindList("ids", replaced).execute();
      }
      handle.createUpdate("DELETE FROM advisory WHERE id IN (<ids>)").bindList("ids", replaced).execute();
    }
    Map<String, String> json = new HashMap<>();
    List<Advisory> writes = new ArrayList<>();
    for (OsvRecord record : chunk.writes()) {
      writes.add(record.advisory());
      json.put(text(record.advisory().id()), record.json());
    }
    PreparedBatch advisories =
        handle.prepareBatch(
            "INSERT INTO advisory (id, summary, published, modified, withdrawn, source, source_record, raw_json)"
                + " VALUES (:id, :summary, :published, :modified, :withdrawn, :source, :sourceRecord, :raw)");
    PreparedBatch aliases =
        handle.prepareBatch("INSERT INTO advisory_alias (advisory_id, alias) VALUES (:id, :alias)");
    PreparedBatch affected =
        handle.prepareBatch(
            "INSERT INTO affected_package (advisory_id, position, ecosystem, package_name,"
                + " purl_type, purl_namespace, purl_name, ranges_json, versions_json)"
                + " VALUES (:id, :position, :ecosystem, :name, :purlType, :purlNamespace,"
                + " :purlName, :ranges, :versions)");
    for (Advisory a : writes) {
      advisories
          .bind("id", text(a.id()))
          .bind("summary", text(a.summary()))
          .bind("published", utc(a.published().orElse(null)))
          .bind("modified", utc(a.modified()))
          .bind("withdrawn", utc(a.withdrawn().orElse(null)))
          .bind("source", text(a.source()))
          .bind("sourceRecord", text(a.sourceRecord()))
          .bind("raw", json.get(text(a.id())))
          .add();
      a.aliases().stream().distinct().filter(alias -> !alias.equals(a.id()))
          .forEach(alias -> aliases.bind("id", text(a.id())).bind("alias", text(alias)).add());
      for (int i = 0; i < a.affected().size(); i++) {
        OsvAffected entry = a.affected().get(i);
        Optional<PackageCoordinates> purl = PackageCoordinates.of(entry.ecosystem(), entry.packageName());
        affected
            .bind("id", text(a.id()))
            .bind("position", i)
            .bind("ecosystem", text(entry.ecosystem()))
            .bind("name", text(entry.packageName()))
            .bind("purlType", purl.map(PackageCoordinates::type).map(AdvisoryWriter::text).orElse(null))
            .bind("purlNamespace", purl.map(PackageCoordinates::namespace).map(AdvisoryWriter::text).orElse(null))
            .bind("purlName", purl.map(PackageCoordinates::name).map(AdvisoryWriter::text).orElse(null))
            .bind("ranges", StoredEntry.ranges(entry))
            .bind("versions", StoredEntry.versions(entry))
            .add();
      }
    }
    for (PreparedBatch batch : List.of(advisories, aliases, affected)) {
      if (batch.size() > 0) {
        batch.execute();
      }
    }
    addKnownPackages(writes);
  }

  /** (name, ecosystem) pairs this import has made sure are in {@code package_ecosystem}. */
  private final java.util.Set<Package> known = new java.util.HashSet<>();

  /** Names per IN list: far below PostgreSQL's bind-parameter limit (db/MIGRATIONS.md). */
  private static final int NAMES_PER_QUERY = 500;

  /**
   * Adds to {@code package_ecosystem} (V9: the list a scan reads to know which components to look
   * up, and in which ecosystems) the (name, ecosystem) pairs of these advisories it lacks. Pairs
   * are only added, never removed: the list must be a superset of those in {@code affected_package}.
   */
  private void addKnownPackages(List<Advisory> writes) {
    Map<String, java.util.Set<String>> fresh = new java.util.LinkedHashMap<>();
    for (Advisory a : writes) {
      for (OsvAffected entry : a.affected()) {
        String name = text(entry.packageName());
        String ecosystem = text(entry.ecosystem());
        if (known.add(new Package(ecosystem, name))) {
          fresh.computeIfAbsent(name, k -> new java.util.LinkedHashSet<>()).add(ecosystem);
        }
      }
    }
    List<String> names = new ArrayList<>(fresh.keySet());
    for (int from = 0; from < names.size(); from += NAMES_PER_QUERY) {
      List<String> slice = names.subList(from, Math.min(names.size(), from + NAMES_PER_QUERY));
      java.util.Set<Package> stored = new java.util.HashSet<>(handle
          .createQuery("SELECT ecosystem, package_name FROM package_ecosystem WHERE package_name IN (<names>)")
          .bindList("names", slice).map((rs, ctx) -> new Package(rs.getString(1), rs.getString(2))).list());
      PreparedBatch insert = handle.prepareBatch(
          "INSERT INTO package_ecosystem (package_name, ecosystem) VALUES (:name, :ecosystem)");
      for (String name : slice) {
        for (String ecosystem : fresh.get(name)) {
          if (!stored.contains(new Package(ecosystem, name))) {
            insert.bind("name", name).bind("ecosystem", ecosystem).add();
          }
        }
      }
      if (insert.size() > 0) {
        insert.execute();
      }
    }
  }

  /**
   * The text as a column can hold it on every database: PostgreSQL refuses U+0000 in text (H2
   * takes it), and a feed is untrusted input, so one NUL in a summary must not fail a whole
   * import on the server only. The raw JSON keeps it, escaped as JSON requires, and the advisory is
   * rebuilt from there. IDs are written the same way wherever they appear, so keys still match.
   */
  static String text(String value) {
    return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
