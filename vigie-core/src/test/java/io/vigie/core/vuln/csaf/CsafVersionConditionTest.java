package io.vigie.core.vuln.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The version texts of real CISA product trees, read as CISA means them or refused with a reason. */
class CsafVersionConditionTest {

  private static CsafVersionCondition.Verdict range(String text, String version) {
    return CsafVersionCondition.parse(text, true).test(Optional.of(version));
  }

  @ParameterizedTest(name = "''{0}'' contains {1}: {2}")
  @CsvSource(delimiter = ';', value = {
      "< 8.2.2; 8.2.1; true", "< 8.2.2; 8.2.2; false", "< 8.2.2; 8.10; false",
      "<= 9.33; 9.33.0; true", "<= 9.33; 9.33.1; false", "<=3.0.0.0; 2.9.9.9; true",
      "< 1.11.00; 1.10.99; true", "< 1.11.00; 1.11; false",
      ">= 5.01 | <= 7.0.0; 6.0; true", ">= 5.01 | <= 7.0.0; 5.0; false", ">= 5.01 | <= 7.0.0; 7.0.1; false",
      ">= 1.3.4 | < 1.5.3; 1.5.2; true", ">= 1.3.4 | < 1.5.3; 1.5.3; false",
      ">= 4.0.1; 4.0.1; true", ">= 4.0.1; 4.0; false",
      "<= 11.x; 11.9.3; true", "<= 11.x; 12.0; false", "< 3.x; 2.99; true", "< 3.x; 3.0.1; false",
      "<= 12.2.x.x; 12.2.7.1; true", "<= 12.2.x.x; 12.3; false",
      "All versions < V4.33; 4.32; true", "All versions < V4.33; V4.33; false",
      ">= V4.3 and < V6.4; 5.0; true", ">= V4.3 and < V6.4; 6.4; false",
      "2.3.6 and  below; 2.3.6; true", "2.3.6 and  below; 2.3.7; false",
      "versions prior to 2.1; 2.0.9; true", "prior to 2.1; 2.1; false",
      "vers:all/*; anything; true",
      "vers:generic/>=2.0|<2.5; 2.4.9; true", "vers:generic/>=2.0|<2.5; 2.5; false",
      // The ecosystem's own order when vers names a scheme Vigie knows: Maven puts 1.0-alpha before 1.0.
      "vers:maven/<1.0; 1.0-alpha-1; true", "vers:maven/>=2.0|<=2.3|>=3.0; 3.5; true", "vers:maven/>=2.0|<=2.3|>=3.0; 2.5; false",
  })
  void readsWhatCisaWrites(String text, String version, boolean in) {
    CsafVersionCondition.Verdict v = range(text, version);
    assertThat(v).as(v.why()).isInstanceOf(in ? CsafVersionCondition.In.class : CsafVersionCondition.Out.class);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = ';', value = {
      "distributed  < april 1, 2018; a date", "<8/30/2024; a date", "< august 28; a date",
      "<= 2.4A; not a dotted-numeric version", "<= U61 |<= L81; not a dotted-numeric version", "<=N; not a dotted-numeric",
      "A10 < A11; not a single version", "< 1.8.4 Service Pack 01; not a single version",
      "9.x (with Wireless Battery Module >= v22D19 | <= v22D28); not a single version",
  })
  void refusesWhatIsAmbiguousAndSaysWhy(String text, String reason) {
    CsafVersionCondition c = CsafVersionCondition.parse(text, true);
    assertThat(c).isInstanceOf(CsafVersionCondition.Unevaluable.class);
    assertThat(c.test(Optional.of("1.0"))).isInstanceOf(CsafVersionCondition.Unknown.class)
        .extracting(CsafVersionCondition.Verdict::why).asString().contains("'" + text + "'", reason);
  }

  @Test
  void aProductVersionIsOneVersionComparedExactlyOrAsText() {
    assertThat(CsafVersionCondition.parse("4.0", false).test(Optional.of("4.0.0"))).isInstanceOf(CsafVersionCondition.In.class);
    assertThat(CsafVersionCondition.parse("4.0", false).test(Optional.of("4.0.1"))).isInstanceOf(CsafVersionCondition.Out.class);
    assertThat(CsafVersionCondition.parse("B.02", false).test(Optional.of("b.02"))).isInstanceOf(CsafVersionCondition.In.class);
    assertThat(CsafVersionCondition.parse("BT06", false).test(Optional.of("BT07"))).isInstanceOf(CsafVersionCondition.Out.class);
    assertThat(CsafVersionCondition.parse("5.0|5.1", true).test(Optional.of("5.1"))).isInstanceOf(CsafVersionCondition.In.class);
    assertThat(CsafVersionCondition.parse("2.X", false).test(Optional.of("2.7.1"))).isInstanceOf(CsafVersionCondition.In.class);
    assertThat(CsafVersionCondition.parse("2.X", false).test(Optional.of("3.0"))).isInstanceOf(CsafVersionCondition.Out.class);
    assertThat(CsafVersionCondition.parse("vers:all/*", false)).isInstanceOf(CsafVersionCondition.AllVersions.class);
  }

  @Test
  void aComponentWithoutAnOrderedVersionIsUnknownNotClean() {
    assertThat(range("< 8.2.2", "8.2.1-rc1")).isInstanceOf(CsafVersionCondition.Unknown.class)
        .extracting(CsafVersionCondition.Verdict::why).asString().contains("'8.2.1-rc1' is not a dotted-numeric version");
    assertThat(CsafVersionCondition.parse("< 8.2.2", true).test(Optional.empty()))
        .isInstanceOf(CsafVersionCondition.Unknown.class);
  }

  @Test
  void aHugeVersionTextIsRefusedQuickly() {
    String hostile = "<= " + "1.".repeat(200_000) + "x and below january";
    long start = System.nanoTime();
    CsafVersionCondition c = CsafVersionCondition.parse(hostile, true);
    assertThat(c).isInstanceOf(CsafVersionCondition.Unevaluable.class);
    assertThat(((CsafVersionCondition.Unevaluable) c).reason()).isEqualTo("longer than 300 characters");
    assertThat(c.text()).hasSizeLessThan(50);
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
  }

  /** Seeded property: for random dotted versions, '< b' and '>= b' partition them, and '<= b' is '< b' or '= b'. */
  @Test
  void boundsPartitionEveryVersion() {
    Random random = new Random(20261129);
    for (int i = 0; i < 2000; i++) {
      String v = random.nextInt(12) + "." + random.nextInt(12) + (random.nextBoolean() ? "." + random.nextInt(30) : "");
      String b = random.nextInt(12) + "." + random.nextInt(12) + (random.nextBoolean() ? "." + random.nextInt(30) : "");
      boolean below = range("< " + b, v) instanceof CsafVersionCondition.In;
      boolean atOrAbove = range(">= " + b, v) instanceof CsafVersionCondition.In;
      boolean atOrBelow = range("<= " + b, v) instanceof CsafVersionCondition.In;
      boolean equal = CsafVersionCondition.parse(b, false).test(Optional.of(v)) instanceof CsafVersionCondition.In;
      assertThat(below ^ atOrAbove).as(v + " vs " + b).isTrue();
      assertThat(atOrBelow).as(v + " <= " + b).isEqualTo(below || equal);
    }
  }
}
