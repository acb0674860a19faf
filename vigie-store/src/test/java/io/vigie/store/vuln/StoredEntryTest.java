package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.vuln.version.OsvAffected;
import io.vigie.core.vuln.version.OsvEvent;
import io.vigie.core.vuln.version.OsvRange;
import io.vigie.core.vuln.version.RangeType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredEntryTest {

  private static OsvAffected read(String ranges, String versions) {
    return StoredEntry.read("GHSA-test", "PyPI", "django", ranges, versions);
  }

  @Test
  void anEntryReadsBackAsItWasWrittenWhateverItsRangesAndVersionsHold() {
    OsvAffected entry = new OsvAffected("Go", "golang.org/x/net", List.of(
        new OsvRange(RangeType.GIT, List.of(new OsvEvent(OsvEvent.Kind.INTRODUCED, "0"),
            new OsvEvent(OsvEvent.Kind.FIXED, "f00093672628d212b8965a8993cee8bedf5fe9b8"))),
        new OsvRange(RangeType.SEMVER, List.of(new OsvEvent(OsvEvent.Kind.INTRODUCED, "0"),
            new OsvEvent(OsvEvent.Kind.LAST_AFFECTED, "0.17.0"), new OsvEvent(OsvEvent.Kind.LIMIT, "*"))),
        new OsvRange(RangeType.ECOSYSTEM, List.of(new OsvEvent(OsvEvent.Kind.INTRODUCED, "1:2.0-3.el9"),
            new OsvEvent(OsvEvent.Kind.FIXED, "1:2.0-4.el9")))),
        List.of("1.0", "quote\" and \\ backslash", "\u00e9t\u00e9\u2028", ""));

    String ranges = StoredEntry.ranges(entry);
    String versions = StoredEntry.versions(entry);

    assertThat(ranges).startsWith("[{\"type\":\"GIT\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"f0009");
    assertThat(StoredEntry.read("GO-2024-1", "Go", "golang.org/x/net", ranges, versions)).isEqualTo(entry);
    OsvAffected none = new OsvAffected("PyPI", "django", List.of(), List.of());
    assertThat(read(StoredEntry.ranges(none), StoredEntry.versions(none))).isEqualTo(none);
  }

  @Test
  void fieldsOsvMayAddToARangeAreSkipped() {
    assertThat(read("[{\"repo\":\"https://github.com/django/django\",\"type\":\"ECOSYSTEM\","
        + "\"database_specific\":{\"a\":[1,{\"b\":2}]},\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"4.2.1\"}]}]", "[]"))
        .isEqualTo(new OsvAffected("PyPI", "django", List.of(new OsvRange(RangeType.ECOSYSTEM, List.of(
            new OsvEvent(OsvEvent.Kind.INTRODUCED, "0"), new OsvEvent(OsvEvent.Kind.FIXED, "4.2.1")))), List.of()));
  }

  @Test
  void aDamagedRowIsSaidWithItsAdvisoryAndPackageNotMisread() {
    for (String[] bad : List.of(
        new String[] {"[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"", "[]"}, // truncated
        new String[] {"[{\"type\":\"CALENDAR\",\"events\":[{\"introduced\":\"0\"}]}]", "[]"}, // unknown type
        new String[] {"[{\"events\":[{\"introduced\":\"0\"}]}]", "[]"}, // no type
        new String[] {"[{\"type\":\"SEMVER\",\"events\":[]}]", "[]"}, // no event
        new String[] {"[{\"type\":\"SEMVER\",\"events\":[{\"patched\":\"1.0\"}]}]", "[]"}, // unknown event
        new String[] {"[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\",\"fixed\":\"1\"}]}]", "[]"}, // two in one
        new String[] {"[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":0}]}]", "[]"}, // not a string
        new String[] {"{}", "[]"},
        new String[] {"[]", "[\"1.0\", 2]"},
        new String[] {"[]", "null"},
        new String[] {"[] []", "[]"}, // something after
        new String[] {"[]", "[\"1.0\"],"})) {
      assertThatThrownBy(() -> read(bad[0], bad[1])).as(bad[0] + " " + bad[1])
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("the vulnerability database is damaged: the entry of GHSA-test for PyPI django")
          .hasMessageContaining("import its feed again");
    }
  }
}
