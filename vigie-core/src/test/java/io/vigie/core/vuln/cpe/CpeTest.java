package io.vigie.core.vuln.cpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CpeTest {

  @Test
  void readsTheFormattedStringOfTheMedicalSbomsWolfSsl() {
    Cpe cpe = Cpe.parse("cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*");
    assertThat(cpe.part().bound()).isEqualTo("a");
    assertThat(cpe.vendorProduct()).isEqualTo("wolfssl:wolfssl");
    assertThat(cpe.version().logical()).isEqualTo("4.8.1");
    assertThat(cpe.update().isAny()).isTrue();
    assertThat(cpe).hasToString("cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*");
  }

  @Test
  void keepsEscapedColonsAndSpecialCharactersInsideOneValue() {
    Cpe cpe = Cpe.parse("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003\\:x64:*:*");
    assertThat(cpe.update().isNa()).isTrue();
    assertThat(cpe.targetSw().logical()).isEqualTo("win2003:x64");
    assertThat(cpe.targetSw().bound()).isEqualTo("win2003\\:x64");
    assertThat(cpe.targetSw().hasWildcard()).isFalse();

    Cpe star = Cpe.parse("cpe:2.3:a:acme:tool:1.0\\*:*:*:*:*:*:*:*");
    assertThat(star.version().hasWildcard()).as("an escaped * is a literal").isFalse();
    assertThat(star.version().logical()).isEqualTo("1.0*");
  }

  @Test
  void escapedDotHyphenAndUnderscoreAreTheSameValueAsUnescaped() {
    Cpe escaped = Cpe.parse("cpe:2.3:a:the_legion_of_the_bouncy_castle_inc\\.:bouncycastle:1\\.8\\.1:*:*:*:*:*:*:*");
    Cpe plain = Cpe.parse("cpe:2.3:a:the_legion_of_the_bouncy_castle_inc.:bouncycastle:1.8.1:*:*:*:*:*:*:*");
    assertThat(escaped).isEqualTo(plain);
  }

  @Test
  void valuesCompareWithoutCase() {
    assertThat(Cpe.parse("cpe:2.3:a:WolfSSL:WolfSSL:4.8.1:*:*:*:*:*:*:*"))
        .isEqualTo(Cpe.parse("cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*"));
  }

  @Test
  void readsTheCpe22UriBindingWithPercentEncodingAndPackedEdition() {
    assertThat(Cpe.parse("cpe:/a:wolfssl:wolfssl:4.8.1"))
        .isEqualTo(Cpe.parse("cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*"));
    Cpe uri = Cpe.parse("cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~win2003~x64~");
    assertThat(uri.update().isAny()).isTrue();
    assertThat(uri.swEdition().logical()).isEqualTo("online");
    assertThat(uri.targetSw().logical()).isEqualTo("win2003");
    assertThat(uri.targetHw().logical()).isEqualTo("x64");
    assertThat(Cpe.parse("cpe:/o:microsoft:windows_xp:-:sp2").version().isNa()).isTrue();
    assertThat(Cpe.parse("cpe:/a:foo%21bar:baz").vendor().logical()).isEqualTo("foo!bar");
    assertThat(Cpe.parse("cpe:/a:foo:bar:1.%02").version().hasWildcard()).isTrue();
  }

  @Test
  void wildcardsAreAllowedOnlyAtTheEnds() {
    assertThat(Cpe.parse("cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*").version().hasWildcard()).isTrue();
    assertThat(Cpe.parse("cpe:2.3:a:acme:tool:??1.0:*:*:*:*:*:*:*").version().hasWildcard()).isTrue();
    assertThatThrownBy(() -> Cpe.parse("cpe:2.3:a:acme:tool:1.*.0:*:*:*:*:*:*:*"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("may only begin or end");
    assertThatThrownBy(() -> Cpe.parse("cpe:2.3:a:acme:tool:1?0:*:*:*:*:*:*:*"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'?'");
  }

  @Test
  void refusesMalformedNamesWithTheReason() {
    assertThatThrownBy(() -> Cpe.parse("cpe:2.3:a:wolfssl:wolfssl:4.8.1"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("11 attributes").hasMessageContaining("found 4");
    assertThatThrownBy(() -> Cpe.parse("cpe:2.3:x:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*"))
        .hasMessageContaining("part must be 'a'");
    assertThatThrownBy(() -> Cpe.parse("cpe:2.3:a:acme::1.0:*:*:*:*:*:*:*")).hasMessageContaining("product is empty");
    assertThatThrownBy(() -> Cpe.parse("cpe:2.3:a:acme:tool+plus:1.0:*:*:*:*:*:*:*"))
        .hasMessageContaining("'+' must be escaped as '\\+'");
    assertThatThrownBy(() -> Cpe.parse("cpe:2.3:a:acme:tool:1.0:*:*:*:*:*:*:*\\")).hasMessageContaining("escapes nothing");
    assertThatThrownBy(() -> Cpe.parse("cpe:2.3:a:acme:t\\ool:1.0:*:*:*:*:*:*:*")).hasMessageContaining("letter or digit");
    assertThatThrownBy(() -> Cpe.parse("cpe:/a:acme:tool:1%2")).hasMessageContaining("two hexadecimal digits");
    assertThatThrownBy(() -> Cpe.parse("cpe:/a:acme:tool:1%+1")).hasMessageContaining("two hexadecimal digits");
    assertThatThrownBy(() -> Cpe.parse("cpe:/a:a:b:c:d:e:f:g")).hasMessageContaining("at most 7");
    assertThatThrownBy(() -> Cpe.parse("wolfssl 4.8.1")).hasMessageContaining("expected a CPE 2.3 formatted string");
    assertThatThrownBy(() -> Cpe.parse("cpe:2.3:a:acme:tööl:1.0:*:*:*:*:*:*:*")).isInstanceOf(InvalidInputException.class);
  }

  /** Seeded fuzzing: whatever the bytes, parse either returns a name or throws the one input exception. */
  @Test
  void randomInputNeverEscapesAsAnythingButAnInputError() {
    Random random = new Random(7696);
    String alphabet = "ab:*?-.\\_%~/+01!";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder(random.nextBoolean() ? "cpe:2.3:" : "cpe:/");
      int n = random.nextInt(40);
      for (int k = 0; k < n; k++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        Cpe cpe = Cpe.parse(s.toString());
        assertThat(Cpe.parse(cpe.toString())).as("the formatted string round-trips: %s", s).isEqualTo(cpe);
      } catch (InvalidInputException expected) {
        assertThat(expected.problems()).isNotEmpty();
      }
    }
  }
}
