package io.vigie.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import org.junit.jupiter.api.Test;

class PackageUrlsTest {

  @Test
  void aRememberedParseAnswersLikeTheLibrary() throws Exception {
    String text = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar";
    PackageURL first = PackageUrls.parse(text);
    assertThat(PackageUrls.parse(text)).isSameAs(first).isEqualTo(new PackageURL(text));
    assertThat(first.getQualifiers()).containsEntry("type", "jar");
    assertThatThrownBy(() -> first.getQualifiers().put("type", "war")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aRefusalIsRememberedAndRepeatedWithTheLibrarysReason() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> PackageUrls.parse("pkg:/no-type@1")).isInstanceOf(MalformedPackageURLException.class);
      assertThat(PackageUrls.problem("not a purl")).get().asString().startsWith("not a valid package URL 'not a purl': ");
      assertThat(PackageUrls.tryParse("pkg:npm/%zz@1")).isEmpty();
    }
    assertThat(PackageUrls.problem("pkg:npm/left-pad@1.3.0")).isEmpty();
  }

  @Test
  void theMemoryStaysBounded() throws Exception {
    for (int i = 0; i < PackageUrls.CAPACITY + 10; i++) {
      PackageUrls.parse("pkg:npm/lib" + i + "@1.0.0");
    }
    // Past the capacity the memo starts again: answers are unchanged.
    assertThat(PackageUrls.parse("pkg:npm/lib5@1.0.0").getName()).isEqualTo("lib5");
  }
}
