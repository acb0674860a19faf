package io.vigie.core.vuln.cpe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPEs an SBOM shows, grouped by part, vendor and product, for the platform criteria of NVD
 * configurations ({@link CpeApplicability}).
 *
 * <p>Why grouped: a criterion matches a CPE, or tells its product apart ({@link CpeNameMatch}'s
 * {@code sameProduct}), only when its first three attributes are equal to or cover the CPE's; any
 * other CPE is "another product" and changes nothing. Every criterion of every candidate record
 * used to be tested against every CPE of the SBOM: a scan of 10,000 CPEs against 50,000 NVD records
 * did not finish in 11 minutes (bench/RESULTS.md, session 9). A criterion with literal part, vendor
 * and product (nearly all of NVD's) now meets only the CPEs with the same three; one with {@code *}
 * or a wildcard among them still meets them all. The CPEs keep the SBOM's order, which decides
 * which one an explanation names.
 */
public final class CpeEnvironment {
  private final List<Cpe> all;
  private final Map<List<CpeValue>, List<Cpe>> byProduct = new HashMap<>();

  public CpeEnvironment(List<Cpe> cpes) {
    this.all = List.copyOf(cpes);
    for (Cpe c : all) {
      byProduct.computeIfAbsent(c.attributes().subList(0, 3), k -> new ArrayList<>(1)).add(c);
    }
  }

  /**
   * The CPEs whose part, vendor and product {@code source} is equal to or covers, in the SBOM's
   * order: the only ones a criterion naming {@code source} can match or tell apart.
   */
  List<Cpe> sharingProductWith(Cpe source) {
    List<CpeValue> key = source.attributes().subList(0, 3);
    for (CpeValue v : key) {
      if (v.isAny() || v.hasWildcard()) {
        return all;
      }
    }
    return byProduct.getOrDefault(key, List.of());
  }
}
