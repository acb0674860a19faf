package io.vigie.core.vuln.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the grouping may leave out: a CPE a criterion can match, or tell apart as the same product
 * in another version, is never left out, and the CPEs keep the SBOM's order.
 */
class CpeEnvironmentTest {
  private static final List<String> PARTS = List.of("a", "o", "h", "*", "-");
  private static final List<String> NAMES = List.of("acme", "ACME", "acme_corp", "acme\\:x", "ac*", "?cme", "*", "-",
      "widget", "widget\\*", "wid*", "linux", "linux_kernel");
  private static final List<String> VERSIONS = List.of("1.0", "2.4.1", "*", "-", "1.*");

  @Test
  void everyCpeACriterionCanMatchOrTellApartIsAmongThoseItMeets() {
    Random random = new Random(42);
    int related = 0;
    for (int round = 0; round < 300; round++) {
      List<Cpe> cpes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        cpes.add(random(random));
      }
      CpeEnvironment environment = new CpeEnvironment(cpes);
      for (int q = 0; q < 40; q++) {
        Cpe source = random(random);
        CpeMatchCriterion criterion = new CpeMatchCriterion(random.nextBoolean(), source.toString(), source,
            Optional.empty(), Optional.empty(), random.nextBoolean() ? Optional.of("3.0") : Optional.empty(), Optional.empty());
        List<Cpe> met = environment.sharingProductWith(source);
        assertThat(isSubsequence(met, cpes)).as("in the SBOM's order").isTrue();
        for (Cpe target : cpes) {
          CpeNameMatch.Result r = CpeNameMatch.test(criterion, target);
          if (r.outcome() != CpeNameMatch.Outcome.NO_MATCH || r.sameProduct()) {
            related++;
            assertThat(met).as(source + " against " + target + ": " + r).contains(target);
          }
        }
      }
    }
    assertThat(related).as("criteria that do meet a CPE, often enough to mean something").isGreaterThan(5_000);
  }

  @Test
  void aLiteralProductMeetsOnlyItsOwnAndAPatternMeetsEveryCpe() {
    Cpe wolfssl = Cpe.parse("cpe:2.3:a:wolfssl:wolfssl:5.5.0:*:*:*:*:*:*:*");
    Cpe linux = Cpe.parse("cpe:2.3:o:linux:linux_kernel:6.1:*:*:*:*:*:*:*");
    Cpe wolfsslOld = Cpe.parse("cpe:2.3:a:wolfssl:wolfssl:4.0:*:*:*:*:*:*:*");
    CpeEnvironment environment = new CpeEnvironment(List.of(wolfssl, linux, wolfsslOld));

    assertThat(environment.sharingProductWith(Cpe.parse("cpe:2.3:a:WolfSSL:wolfssl:*:*:*:*:*:*:*:*")))
        .containsExactly(wolfssl, wolfsslOld);
    assertThat(environment.sharingProductWith(Cpe.parse("cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*"))).isEmpty();
    assertThat(environment.sharingProductWith(Cpe.parse("cpe:2.3:o:linux:*:*:*:*:*:*:*:*:*")))
        .containsExactly(wolfssl, linux, wolfsslOld);
    assertThat(environment.sharingProductWith(Cpe.parse("cpe:2.3:a:wolf*:wolfssl:*:*:*:*:*:*:*:*")))
        .containsExactly(wolfssl, linux, wolfsslOld);
  }

  /** A random CPE among those Cpe.parse accepts (it refuses some of these spellings, as it should). */
  private static Cpe random(Random random) {
    while (true) {
      try {
        return Cpe.parse("cpe:2.3:" + pick(random, PARTS) + ":" + pick(random, NAMES) + ":" + pick(random, NAMES) + ":"
            + pick(random, VERSIONS) + ":" + (random.nextInt(4) == 0 ? "-" : "*") + ":*:*:*:*:*:*");
      } catch (io.vigie.core.validation.InvalidInputException e) {
        // another draw
      }
    }
  }

  private static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static boolean isSubsequence(List<Cpe> part, List<Cpe> whole) {
    int at = 0;
    for (Cpe c : whole) {
      if (at < part.size() && part.get(at) == c) {
        at++;
      }
    }
    return at == part.size();
  }
}
