package io.vigie.store.vuln.update;

import io.vigie.store.vuln.ImportListener;
import io.vigie.store.vuln.ImportResult;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.nio.file.Path;

/** Imports one downloaded feed file into the database, in one transaction (the database's import calls). */
@FunctionalInterface
public interface FeedImporter {
  ImportResult importFile(VulnerabilityDatabase database, Path file, ImportListener listener);
}
