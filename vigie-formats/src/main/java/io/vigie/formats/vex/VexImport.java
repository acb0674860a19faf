package io.vigie.formats.vex;

import io.vigie.core.vex.VexScope;
import java.time.Instant;
import java.util.Objects;

/**
 * What a VEX document does not say and the importer does: the scope its statements hold in, who
 * imports it (the author when the document names none), and the time to use when it has none.
 */
public record VexImport(VexScope scope, String importedBy, Instant now) {
  public VexImport {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(importedBy, "importedBy");
    Objects.requireNonNull(now, "now");
  }
}
