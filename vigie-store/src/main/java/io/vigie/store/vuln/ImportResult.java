package io.vigie.store.vuln;

import io.vigie.core.validation.Problem;
import java.util.List;

/**
 * What one import call did: one {@link ImportRecord} per file or folder given, and every warning
 * about a skipped record (file, zip entry, record id, field and reason). {@code unchanged} counts
 * records not written because the database already held a newer version ({@code modified} wins).
 */
public record ImportResult(List<ImportRecord> imports, int unchanged, List<Problem> warnings) {

  public ImportResult {
    imports = List.copyOf(imports);
    warnings = List.copyOf(warnings);
  }

  public int records() {
    return imports.stream().mapToInt(ImportRecord::records).sum();
  }

  public int skipped() {
    return imports.stream().mapToInt(ImportRecord::skipped).sum();
  }
}
