package io.vigie.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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

  // --- The plain-form shortcut (PackageUrls.plain) answers as the library's parser does. ---

  private static final Pattern PURL = Pattern.compile("pkg:[^\"'\\s<>)\\]]+");

  /** What the library makes of a text: its fields and canonical form, or "refused". */
  private static String library(String text) {
    try {
      return describe(new PackageURL(text));
    } catch (MalformedPackageURLException | RuntimeException e) {
      return "refused";
    }
  }

  private static String describe(PackageURL p) {
    return String.join("|", p.getType(), String.valueOf(p.getNamespace()), p.getName(), String.valueOf(p.getVersion()),
        String.valueOf(p.getQualifiers()), String.valueOf(p.getSubpath()), p.canonicalize(), p.toString());
  }

  /** Checks every text; returns how many took the shortcut. */
  private static int agree(Iterable<String> texts) throws MalformedPackageURLException {
    int shortcut = 0;
    for (String text : texts) {
      PackageURL plain = PackageUrls.plain(text);
      if (plain != null) {
        shortcut++;
        assertThat(describe(plain)).as(text).isEqualTo(library(text));
        assertThat(plain).as(text).isEqualTo(new PackageURL(text));
      }
    }
    return shortcut;
  }

  @Test
  void thePlainFormAgreesWithTheParserOnEveryPackageUrlOfTheSharedData() throws Exception {
    Path data = sharedData();
    TreeSet<String> texts = new TreeSet<>();
    for (String folder : List.of("sbom", "cisa-csaf", "osv/GHSA-sample", "version-ranges")) {
      try (Stream<Path> files = Files.walk(data.resolve(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          collect(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), texts);
        }
      }
    }
    for (String zip : List.of("PyPI-all.zip", "crates.io-all.zip", "OSS-Fuzz-all.zip")) {
      try (InputStream in = Files.newInputStream(data.resolve("osv").resolve(zip)); ZipInputStream z = new ZipInputStream(in)) {
        for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
          collect(new String(z.readAllBytes(), StandardCharsets.UTF_8), texts);
        }
      }
    }
    assertThat(texts).hasSizeGreaterThan(3000);
    int shortcut = agree(texts);
    // Most SBOM package URLs are plain: the shortcut must be the common path, or it buys nothing.
    assertThat(shortcut).isGreaterThan(texts.size() / 3);
  }

  @Test
  void thePlainFormAgreesWithTheParserOnGeneratedAndMutatedPackageUrls() throws Exception {
    Random random = new Random(2025);
    String[] types = {"maven", "npm", "pypi", "golang", "cargo", "nuget", "gem", "deb", "rpm", "apk", "github",
        "bitbucket", "composer", "generic", "docker", "oci", "swift", "hex", "conan", "cran", "hackage", "huggingface",
        "mlflow", "pub", "luarocks", "qpkg", "cocoapods", "bitnami", "conda", "alpm", "swid", "Maven", "PyPI", "NPM",
        "no-such-type", "a.b+c", "9type", "ty_pe", ""};
    String[] pieces = {"a", "Z", "lib", "Django", "my_pkg", "My.Pkg", "x-y", "_", ".", "..", "-", "0", "1.2.3", "a_B-c.D",
        "log4j-core", "org.apache", "github.com", "ALLCAPS", "é", "%20", "%2F", "@scope", "a b", "a+b", "a~b", "a:b"};
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      StringBuilder t = new StringBuilder("pkg:").append(types[random.nextInt(types.length)]).append('/');
      int segments = random.nextInt(4);
      for (int s = 0; s < segments; s++) {
        t.append(pieces[random.nextInt(pieces.length)]).append('/');
      }
      t.append(pieces[random.nextInt(pieces.length)]);
      if (random.nextInt(10) > 0) {
        t.append('@').append(pieces[random.nextInt(pieces.length)]);
        if (random.nextBoolean()) {
          t.append(random.nextBoolean() ? "-rc.1" : ".Final");
        }
      }
      texts.add(t.toString());
      texts.add(mutate(t.toString(), random));
    }
    texts.addAll(List.of("pkg:maven/a/b@", "pkg:maven//b@1", "pkg:maven/a//b@1", "pkg:maven/a/@1", "pkg:/a@1",
        "pkg:maven/@1", "pkg:maven/a/b/@1", "pkg://maven/a/b@1", "pkg:maven/a@b@1", "pkg:maven/a/b@1/2",
        "PKG:maven/a/b@1", "pkg:pypi/Foo_Bar@1.0", "pkg:github/Owner/Repo@V1", "pkg:maven/./b@1", "pkg:maven/../b@1"));
    assertThat(agree(texts)).isGreaterThan(10_000);
  }

  private static String mutate(String text, Random random) {
    String[] inserts = {"/", "//", "@", "%", "%41", "?", "#", ":", "+", "~", " ", "é", "\t", "A", "_", ".", ""};
    int at = random.nextInt(text.length() + 1);
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at) + inserts[random.nextInt(inserts.length)] + text.substring(at);
      case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
      default -> text.toUpperCase(java.util.Locale.ROOT);
    };
  }

  private static void collect(String content, TreeSet<String> into) {
    Matcher m = PURL.matcher(content);
    while (m.find()) {
      into.add(m.group());
    }
  }

  private static Path sharedData() throws IOException {
    String root = System.getProperty("vigie.repo.root");
    assertThat(root).as("system property vigie.repo.root (set by surefire): run the tests through Maven").isNotNull();
    Path data = Path.of(root).resolve("../shared/data").normalize();
    assertThat(data).as("the shared test data, expected beside the repository").isDirectory();
    return data;
  }
}
