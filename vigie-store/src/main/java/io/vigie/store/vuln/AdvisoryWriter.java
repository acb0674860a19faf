package io.vigie.store.vuln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.version.OsvAffected;
import io.vigie.core.vuln.version.OsvEvent;
import io.vigie.core.vuln.version.OsvRange;
import io.vigie.formats.vuln.OsvRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes advisories inside the caller's transaction: an upsert by ID where the newer {@code
 * modified} wins (an equal one replaces, so re-importing the same file rewrites the same rows and
 * the counts stay put). Plain SELECT then UPDATE or INSERT, which every SQL database runs alike.
 */
final class AdvisoryWriter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Handle handle;

  AdvisoryWriter(Handle handle) {
    this.handle = handle;
  }

  /** Writes the record unless a newer version is stored; true when written. */
  boolean upsert(OsvRecord record) {
    Advisory a = record.advisory();
    Optional<OffsetDateTime> stored =
        handle.createQuery("SELECT modified FROM advisory WHERE id = :id")
            .bind("id", a.id())
            .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class))
            .findOne();
    if (stored.isPresent() && stored.get().toInstant().isAfter(a.modified())) {
      return false;
    }
    if (stored.isPresent()) {
      handle.createUpdate("DELETE FROM affected_package WHERE advisory_id = :id").bind("id", a.id()).execute();
      handle.createUpdate("DELETE FROM advisory_alias WHERE advisory_id = :id").bind("id", a.id()).execute();
      handle.createUpdate("DELETE FROM advisory WHERE id = :id").bind("id", a.id()).execute();
    }
    handle
        .createUpdate(
            "INSERT INTO advisory (id, summary, published, modified, withdrawn, source, source_record, raw_json)"
                + " VALUES (:id, :summary, :published, :modified, :withdrawn, :source, :sourceRecord, :raw)")
        .bind("id", a.id())
        .bind("summary", a.summary())
        .bind("published", utc(a.published().orElse(null)))
        .bind("modified", utc(a.modified()))
        .bind("withdrawn", utc(a.withdrawn().orElse(null)))
        .bind("source", a.source())
        .bind("sourceRecord", a.sourceRecord())
        .bind("raw", record.json())
        .execute();
    if (!a.aliases().isEmpty()) {
      PreparedBatch aliases =
          handle.prepareBatch("INSERT INTO advisory_alias (advisory_id, alias) VALUES (:id, :alias)");
      a.aliases().stream().distinct().filter(alias -> !alias.equals(a.id()))
          .forEach(alias -> aliases.bind("id", a.id()).bind("alias", alias).add());
      if (aliases.size() > 0) {
        aliases.execute();
      }
    }
    if (!a.affected().isEmpty()) {
      PreparedBatch affected =
          handle.prepareBatch(
              "INSERT INTO affected_package (advisory_id, position, ecosystem, package_name,"
                  + " purl_type, purl_namespace, purl_name, ranges_json, versions_json)"
                  + " VALUES (:id, :position, :ecosystem, :name, :purlType, :purlNamespace,"
                  + " :purlName, :ranges, :versions)");
      for (int i = 0; i < a.affected().size(); i++) {
        OsvAffected entry = a.affected().get(i);
        Optional<PackageCoordinates> purl = PackageCoordinates.of(entry.ecosystem(), entry.packageName());
        affected
            .bind("id", a.id())
            .bind("position", i)
            .bind("ecosystem", entry.ecosystem())
            .bind("name", entry.packageName())
            .bind("purlType", purl.map(PackageCoordinates::type).orElse(null))
            .bind("purlNamespace", purl.map(PackageCoordinates::namespace).orElse(null))
            .bind("purlName", purl.map(PackageCoordinates::name).orElse(null))
            .bind("ranges", rangesJson(entry))
            .bind("versions", toJson(JSON.valueToTree(entry.versions())))
            .add();
      }
      affected.execute();
    }
    return true;
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** The ranges in OSV's own shape, so that another tool can read the column as is. */
  private static String rangesJson(OsvAffected entry) {
    ArrayNode ranges = JSON.createArrayNode();
    for (OsvRange range : entry.ranges()) {
      ObjectNode r = ranges.addObject();
      r.put("type", range.type().name());
      ArrayNode events = r.putArray("events");
      for (OsvEvent event : range.events()) {
        events.addObject().put(event.kind().osvName(), event.version());
      }
    }
    return toJson(ranges);
  }

  private static String toJson(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen: a tree always serialises", e);
    }
  }
}
