package io.vigie.core.change;

import java.util.Objects;

/** One field of a model element that differs, with both values as a person reads them. */
public record FieldChange(String field, String before, String after) {
  public FieldChange {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
