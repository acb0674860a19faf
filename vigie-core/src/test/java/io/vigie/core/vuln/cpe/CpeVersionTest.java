package io.vigie.core.vuln.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CpeVersionTest {

  private static int cmp(String a, String b) {
    return CpeVersion.compare(a, b).orElseThrow(() -> new AssertionError(a + " vs " + b + " refused"));
  }

  @Test
  void dottedNumbersCompareNumericallyWithMissingPartsAsZero() {
    assertThat(cmp("4.8.1", "5.2.0")).isNegative();
    assertThat(cmp("4.10.0", "4.9.9")).isPositive();
    assertThat(cmp("1.0", "1.0.0")).isZero();
    assertThat(cmp("1.0", "1.0.0.1")).isNegative();
    assertThat(cmp("v4.8.1", "4.8.1")).isZero();
    assertThat(cmp("4.8.1-stable", "4.8.1")).as("wolfSSL's release tags").isZero();
    assertThat(cmp("2.0.3562.1", "2.0.3562")).isPositive();
  }

  @Test
  void postReleaseLettersAsOpensslAndFatFsUseThem() {
    assertThat(cmp("1.0.2k", "1.0.2")).isPositive();
    assertThat(cmp("1.0.2k", "1.0.2l")).isNegative();
    assertThat(cmp("1.0.2k", "1.0.3")).isNegative();
    assertThat(cmp("0.13c", "0.13b")).isPositive();
    assertThat(cmp("r0.13c", "r0.14")).isNegative();
    assertThat(cmp("R0.13", "r0.13")).isZero();
  }

  @Test
  void preReleasesComeBeforeTheirRelease() {
    assertThat(cmp("5.0.0-rc1", "5.0.0")).isNegative();
    assertThat(cmp("5.0.0-rc2", "5.0.0-rc1")).isPositive();
    assertThat(cmp("5.0.0-beta", "5.0.0-rc1")).isNegative();
    assertThat(cmp("5.0.0-alpha3", "5.0.0-beta1")).isNegative();
    assertThat(cmp("5.0.0rc1", "5.0.0")).isNegative();
    assertThat(cmp("5.0.0-rc1", "4.9.9")).isPositive();
    assertThat(cmp("5.0.rc1", "5.0.1")).isNegative();
  }

  @Test
  void refusesWhatItCannotOrder() {
    for (List<String> pair : List.of(
        List.of("r0.13", "0.15"), // a word against a number
        List.of("1.0-foo", "1.0-bar"), // two unknown words
        List.of("1.0-patch", "1.0"), // a word against nothing
        List.of("1.0.2k", "1.0.2.1"), // post letter against a number
        List.of("1.0b2", "1.0"), // beta 2 or build b2?
        List.of("1.0", "*"),
        List.of("", "1.0"),
        List.of("1.0/2", "1.0"),
        List.of("1.0é", "1.0"))) {
      assertThat(CpeVersion.compare(pair.get(0), pair.get(1))).as("%s", pair).isEqualTo(Optional.empty());
    }
  }

  /** Seeded property test: where it answers, the order is antisymmetric and transitive. */
  @Test
  void answersFormAConsistentOrder() {
    Random random = new Random(695);
    String[] pieces = {"0", "1", "2", "10", "a", "k", "rc1", "beta", "-", ".", "r", "v"};
    List<String> versions = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      StringBuilder s = new StringBuilder();
      int n = 1 + random.nextInt(5);
      for (int k = 0; k < n; k++) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      versions.add(s.toString());
    }
    for (String a : versions) {
      for (String b : versions) {
        Optional<Integer> ab = CpeVersion.compare(a, b);
        Optional<Integer> ba = CpeVersion.compare(b, a);
        assertThat(ab.isPresent()).as("%s vs %s answered one way only", a, b).isEqualTo(ba.isPresent());
        ab.ifPresent(x -> assertThat(Integer.signum(x)).as("%s vs %s", a, b).isEqualTo(-Integer.signum(ba.get())));
        if (ab.isPresent() && ab.get() < 0) {
          for (String c : versions) {
            Optional<Integer> bc = CpeVersion.compare(b, c);
            Optional<Integer> ac = CpeVersion.compare(a, c);
            if (bc.isPresent() && bc.get() < 0 && ac.isPresent()) {
              assertThat(ac.get()).as("%s < %s < %s", a, b, c).isNegative();
            }
          }
        }
      }
    }
  }
}
