package io.vigie.core.vuln.csaf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vulnerability's {@code product_status}: which products are affected, fixed, not affected or
 * under investigation. Only the three affected lists produce matches ({@link #affected()}); a
 * product can be listed as first or last affected, which CSAF defines as affected too.
 */
public record CsafProductStatus(
    List<String> knownAffected,
    List<String> firstAffected,
    List<String> lastAffected,
    List<String> fixed,
    List<String> knownNotAffected,
    List<String> underInvestigation) {

  public CsafProductStatus {
    knownAffected = List.copyOf(knownAffected);
    firstAffected = List.copyOf(firstAffected);
    lastAffected = List.copyOf(lastAffected);
    fixed = List.copyOf(fixed);
    knownNotAffected = List.copyOf(knownNotAffected);
    underInvestigation = List.copyOf(underInvestigation);
  }

  public static CsafProductStatus empty() {
    return new CsafProductStatus(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * Every affected product ID with the status it is listed under ({@code known_affected}, {@code
   * first_affected}, {@code last_affected}: CSAF's own names), in document order.
   */
  public Map<String, String> affected() {
    Map<String, String> out = new LinkedHashMap<>();
    knownAffected.forEach(id -> out.putIfAbsent(id, "known_affected"));
    firstAffected.forEach(id -> out.putIfAbsent(id, "first_affected"));
    lastAffected.forEach(id -> out.putIfAbsent(id, "last_affected"));
    return out;
  }
}
