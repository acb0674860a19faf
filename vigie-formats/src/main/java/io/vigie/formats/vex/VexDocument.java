package io.vigie.formats.vex;

import io.vigie.core.validation.Problem;
import java.util.List;
import java.util.Objects;

/**
 * A VEX document read into statements. {@code skipped} lists the entries that are no statement
 * (a CycloneDX vulnerability without analysis is a VDR entry; one that affects no component
 * cannot be keyed), each located in the file.
 */
public record VexDocument(VexFormat format, List<io.vigie.core.vex.VexStatement> statements, List<Problem> skipped) {
  public VexDocument {
    Objects.requireNonNull(format, "format");
    statements = List.copyOf(statements);
    skipped = List.copyOf(skipped);
  }
}
