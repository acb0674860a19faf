package io.vigie.core.vuln.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsafNamesTest {

  /** The definition: accents dropped, lower case, every run of non-letters and non-digits one space, trimmed. */
  private static String byDefinition(String name) {
    String s = Normalizer.normalize(name.replaceAll("[™℠®©]", " "), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  @Test
  void namesFromAdvisoriesAndSbomsNormaliseAsDocumented() {
    assertThat(CsafNames.normalize("Alaris™ PC-Unit (8015)")).isEqualTo("alaris pc unit 8015");
    assertThat(CsafNames.normalize("  Welch Allyn  Connex® Spot Monitor ")).isEqualTo("welch allyn connex spot monitor");
    assertThat(CsafNames.normalize("@babel/helper-string-parser")).isEqualTo("babel helper string parser");
    assertThat(CsafNames.normalize("Médical Système")).isEqualTo("medical systeme");
    assertThat(CsafNames.normalize("Alaris®PC")).isEqualTo("alaris pc");
    assertThat(CsafNames.vendor("St. Jude Medical, Inc.")).isEqualTo("st jude medical");
  }

  @Test
  void theAsciiFastPathGivesExactlyTheDefinitionsResult() {
    Random random = new Random(20261129);
    for (int i = 0; i < 50_000; i++) {
      char[] chars = new char[random.nextInt(24)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = (char) random.nextInt(0x80); // every ASCII character, controls and punctuation included
      }
      String name = new String(chars);
      assertThat(CsafNames.normalize(name)).as("'%s'", name).isEqualTo(byDefinition(name));
    }
  }

  @Test
  void nonAsciiNamesTakeTheGeneralPath() {
    Random random = new Random(7);
    String alphabet = "aZ9 -_.éÉüßøİı™®ﬁ①Ⅻ\u0301\u00a0\u2003中";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder name = new StringBuilder();
      for (int j = random.nextInt(16); j > 0; j--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(CsafNames.normalize(name.toString())).isEqualTo(byDefinition(name.toString()));
    }
  }
}
