package io.vigie.core.model;

import java.util.Objects;

/**
 * How a control is shown to work: a test, a pen-test, a review. {@code reference} points into the
 * maker's own records (a test ID, a report number), so the traceability threat → control → test
 * that reviewers ask for can be printed.
 */
public record Verification(String method, String reference, String description) {
  public Verification {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(description, "description");
  }
}
