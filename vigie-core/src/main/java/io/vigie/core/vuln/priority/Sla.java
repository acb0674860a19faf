package io.vigie.core.vuln.priority;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The deadlines a vulnerability's priority implies, and where they come from.
 *
 * @param notifyCustomersBy when customers and users must have been told, if a rule says so
 * @param remediateBy when the fix must be validated and available, if a rule says so
 * @param basis one sentence naming the rules that set the dates, or saying that none does
 */
public record Sla(Optional<LocalDate> notifyCustomersBy, Optional<LocalDate> remediateBy, String basis) {
  public Sla {
    Objects.requireNonNull(notifyCustomersBy, "notifyCustomersBy");
    Objects.requireNonNull(remediateBy, "remediateBy");
    Objects.requireNonNull(basis, "basis");
  }
}
