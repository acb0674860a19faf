package io.vigie.store.vuln;

import io.vigie.core.vuln.cpe.CpeConfiguration;
import io.vigie.core.vuln.cpe.CpeMatchCriterion;
import io.vigie.core.vuln.cpe.CpeNode;
import io.vigie.core.vuln.cpe.NvdCve;
import io.vigie.formats.vuln.NvdRecord;
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
  private final NewerWinsQueue<NvdRecord> queue;

  NvdWriter(Handle handle) {
    this.handle = handle;
    this.queue = new NewerWinsQueue<>(handle, "SELECT id, last_modified FROM nvd_cve WHERE id IN (<ids>)",
        r -> r.cve().id(), r -> r.cve().lastModified(), CHUNK, this::write);
  }

  void add(NvdRecord record) {
    queue.add(record);
  }

  int unchanged() {
    return queue.unchanged();
  }

  void flush() {
    queue.flush();
  }

  private void write(NewerWinsQueue.Batch<NvdRecord> chunk) {
    List<NvdRecord> writes = chunk.writes();
    List<String> replaced = chunk.replaced();
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
