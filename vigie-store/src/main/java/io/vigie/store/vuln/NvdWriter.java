package io.vigie.store.vuln;

import io.vigie.core.vuln.cpe.CpeConfiguration;
import io.vigie.core.vuln.cpe.CpeMatchCriterion;
import io.vigie.core.vuln.cpe.CpeNode;
import io.vigie.core.vuln.cpe.NvdCve;
import io.vigie.formats.vuln.NvdRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes NVD records inside the caller's transaction, as {@link AdvisoryWriter} does for OSV: an
 * upsert by CVE ID where the newer {@code lastModified} wins (an equal one replaces, so
 * re-importing a file rewrites the same rows), by chunks, with plain SELECT, DELETE and batched
 * INSERT (no MERGE). Each cpeMatch criterion gets a row keyed by vendor and product. Not
 * thread-safe: one per import.
 */
final class NvdWriter {
  private static final int CHUNK = 500;

  private final Handle handle;
  private final Map<String, NvdRecord> pending = new LinkedHashMap<>();
  private int unchanged;

  NvdWriter(Handle handle) {
    this.handle = handle;
  }

  void add(NvdRecord record) {
    NvdRecord queued = pending.get(record.cve().id());
    if (queued != null) {
      unchanged++;
      if (queued.cve().lastModified().isAfter(record.cve().lastModified())) {
        return;
      }
    }
    pending.put(record.cve().id(), record);
    if (pending.size() >= CHUNK) {
      flush();
    }
  }

  int unchanged() {
    return unchanged;
  }

  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Map<String, OffsetDateTime> stored = new HashMap<>();
    handle.createQuery("SELECT id, last_modified FROM nvd_cve WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(pending.keySet()))
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
        .forEach(e -> stored.put(e.getKey(), e.getValue()));
    List<NvdRecord> writes = new ArrayList<>();
    for (NvdRecord r : pending.values()) {
      OffsetDateTime current = stored.get(r.cve().id());
      if (current != null && current.toInstant().isAfter(r.cve().lastModified())) {
        unchanged++;
        continue;
      }
      writes.add(r);
    }
    pending.clear();
    List<String> replaced = writes.stream().map(r -> r.cve().id()).filter(stored::containsKey).toList();
    if (!replaced.isEmpty()) {
      handle.createUpdate("DELETE FROM nvd_cpe_match WHERE cve_id IN (<ids>)").bindList("ids", replaced).execute();
      handle.createUpdate("DELETE FROM nvd_cve WHERE id IN (<ids>)").bindList("ids", replaced).execute();
    }
    PreparedBatch cves = handle.prepareBatch(
        "INSERT INTO nvd_cve (id, published, last_modified, vuln_status, source, source_record, raw_json)"
            + " VALUES (:id, :published, :modified, :status, :source, :record, :raw)");
    PreparedBatch criteria = handle.prepareBatch(
        "INSERT INTO nvd_cpe_match (cve_id, position, path, part, vendor, product, vulnerable, criteria,"
            + " version_start_including, version_start_excluding, version_end_including, version_end_excluding)"
            + " VALUES (:id, :position, :path, :part, :vendor, :product, :vulnerable, :criteria, :si, :se, :ei, :ee)");
    for (NvdRecord r : writes) {
      NvdCve c = r.cve();
      cves.bind("id", c.id()).bind("published", AdvisoryWriter.utc(c.published().orElse(null)))
          .bind("modified", AdvisoryWriter.utc(c.lastModified())).bind("status", c.vulnStatus())
          .bind("source", c.source()).bind("record", c.sourceRecord()).bind("raw", r.json()).add();
      int position = 0;
      for (int ci = 0; ci < c.configurations().size(); ci++) {
        CpeConfiguration config = c.configurations().get(ci);
        for (int ni = 0; ni < config.nodes().size(); ni++) {
          CpeNode node = config.nodes().get(ni);
          for (int mi = 0; mi < node.cpeMatch().size(); mi++) {
            CpeMatchCriterion m = node.cpeMatch().get(mi);
            criteria.bind("id", c.id()).bind("position", position++)
                .bind("path", "configurations[" + ci + "].nodes[" + ni + "].cpeMatch[" + mi + "]")
                .bind("part", m.cpe().part().bound()).bind("vendor", m.cpe().vendor().bound())
                .bind("product", m.cpe().product().bound()).bind("vulnerable", m.vulnerable())
                .bind("criteria", m.criteria())
                .bind("si", m.versionStartIncluding().orElse(null)).bind("se", m.versionStartExcluding().orElse(null))
                .bind("ei", m.versionEndIncluding().orElse(null)).bind("ee", m.versionEndExcluding().orElse(null))
                .add();
          }
        }
      }
    }
    for (PreparedBatch batch : List.of(cves, criteria)) {
      if (batch.size() > 0) {
        batch.execute();
      }
    }
  }
}
