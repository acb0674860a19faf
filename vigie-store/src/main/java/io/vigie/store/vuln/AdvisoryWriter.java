package io.vigie.store.vuln;

import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.match.AdvisorySource.Package;
import io.vigie.core.vuln.match.PackageCeiling;
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
    updatePackages(writes);
  }

  /**
   * The {@code package_ecosystem} rows of the names this import has written entries for, as it
   * has left them (V9, V10): each pair's ceiling, {@code null} when not computed (left so). The rows
   * are locked until the transaction ends, so these stay what is stored.
   */
  private final Map<Package, PackageCeiling> pairs = new HashMap<>();
  /** Names whose stored pairs are in {@link #pairs}. */
  private final java.util.Set<String> namesRead = new java.util.HashSet<>();

  /** Names per IN list: far below PostgreSQL's bind-parameter limit (db/MIGRATIONS.md). */
  private static final int NAMES_PER_QUERY = 500;

  /**
   * Adds to {@code package_ecosystem} (V9: the list a scan reads to know which components to look
   * up, and in which ecosystems) the (name, ecosystem) pairs of these advisories it lacks, and
   * raises each pair's ceiling (V10) to cover their entries. Pairs are only added, never removed,
   * and ceilings only raised: the list must be a superset of the pairs in {@code affected_package},
   * and each ceiling at or above every entry of its pair.
   *
   * <p>A ceiling is read, raised and written back, so the rows are read {@code FOR UPDATE}: two
   * imports into one server database, each raising the same ceiling from what it read, would
   * otherwise keep only the last one's, below the other's entries, and hide their findings.
   */
  private void updatePackages(List<Advisory> writes) {
    Map<Package, PackageCeiling> written = new java.util.LinkedHashMap<>();
    for (Advisory a : writes) {
      for (OsvAffected entry : a.affected()) {
        written.merge(new Package(text(entry.ecosystem()), text(entry.packageName())), PackageCeiling.of(entry),
            PackageCeiling::with);
      }
    }
    List<String> unread = written.keySet().stream().map(Package::name).distinct()
        .filter(name -> !namesRead.contains(name)).toList();
    for (int from = 0; from < unread.size(); from += NAMES_PER_QUERY) {
      List<String> slice = unread.subList(from, Math.min(unread.size(), from + NAMES_PER_QUERY));
      handle.createQuery("SELECT ecosystem, package_name, ceiling, ceiling_unstated_epoch FROM package_ecosystem"
              + " WHERE package_name IN (<names>) FOR UPDATE")
          .bindList("names", slice)
          .map((rs, ctx) -> {
            pairs.put(new Package(rs.getString(1), rs.getString(2)), PackageCeilings.read(rs.getString(3), rs.getString(4)));
            return null;
          })
          .list();
      namesRead.addAll(slice);
    }
    PreparedBatch insert = handle.prepareBatch(
        "INSERT INTO package_ecosystem (package_name, ecosystem, ceiling, ceiling_unstated_epoch)"
            + " VALUES (:name, :ecosystem, :ceiling, :unstated)");
    PreparedBatch raise = handle.prepareBatch("UPDATE package_ecosystem SET ceiling = :ceiling,"
        + " ceiling_unstated_epoch = :unstated WHERE package_name = :name AND ecosystem = :ecosystem");
    written.forEach((pair, ceiling) -> {
      if (!pairs.containsKey(pair)) {
        bind(insert, pair, ceiling).add();
        pairs.put(pair, ceiling);
        return;
      }
      PackageCeiling stored = pairs.get(pair);
      if (stored == null) {
        return; // not computed: PackageCeilings computes it from all the pair's entries
      }
      PackageCeiling raised = stored.with(ceiling);
      if (!raised.equals(stored)) {
        bind(raise, pair, raised).add();
        pairs.put(pair, raised);
      }
    });
    for (PreparedBatch batch : List.of(insert, raise)) {
      if (batch.size() > 0) {
        batch.execute();
      }
    }
  }

  private static PreparedBatch bind(PreparedBatch batch, Package pair, PackageCeiling ceiling) {
    String[] texts = PackageCeilings.texts(ceiling);
    return batch.bind("name", pair.name()).bind("ecosystem", pair.ecosystem())
        .bind("ceiling", texts[0]).bind("unstated", texts[1]);
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
