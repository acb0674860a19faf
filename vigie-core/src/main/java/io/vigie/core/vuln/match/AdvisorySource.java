package io.vigie.core.vuln.match;

import io.vigie.core.vuln.Advisory;
import java.util.List;

/** Where advisories come from (the vulnerability database, or a list in a test). */
@FunctionalInterface
public interface AdvisorySource {
  /** Advisories with an {@code affected} entry for this OSV ecosystem and package name. */
  List<Advisory> advisoriesFor(String ecosystem, String packageName);
}
