package io.vigie.core.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Package URLs parsed with packageurl-java, each text once per process. One scan reads the same
 * package URL several times: the SBOM reader checks it ({@link SbomComponent}), the OSV matcher
 * translates it, the CSAF matcher keys it. A parse costs 6 to 12 µs in a short-lived JVM (the
 * specification's validation and percent-decoding), a tenth of a second per pass over a
 * 10,000-component SBOM; remembering the result makes the later passes a map lookup.
 *
 * <p>Safe to share: a {@link PackageURL} is immutable (its qualifiers are returned unmodifiable).
 * The memory is bounded: past {@value #CAPACITY} texts the memo starts again empty, which only
 * costs parses, never answers. Thread-safe.
 */
public final class PackageUrls {
  static final int CAPACITY = 100_000;

  /** A parsed package URL, or the message of the library's refusal. */
  private static final ConcurrentHashMap<String, Object> PARSED = new ConcurrentHashMap<>();

  private PackageUrls() {}

  /** The parsed package URL. */
  public static PackageURL parse(String text) throws MalformedPackageURLException {
    Object parsed = PARSED.get(text);
    if (parsed == null) {
      parsed = parseOnce(text);
      if (PARSED.size() >= CAPACITY) {
        PARSED.clear();
      }
      PARSED.put(text, parsed);
    }
    if (parsed instanceof PackageURL p) {
      return p;
    }
    throw new MalformedPackageURLException((String) parsed);
  }

  /** The parsed package URL, or empty when {@code text} is not one. */
  public static Optional<PackageURL> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (MalformedPackageURLException e) {
      return Optional.empty();
    }
  }

  /** Why {@code text} is not a valid package URL, or empty when it is one. */
  public static Optional<String> problem(String text) {
    try {
      parse(text);
      return Optional.empty();
    } catch (MalformedPackageURLException e) {
      return Optional.of("not a valid package URL '" + text + "': " + e.getMessage());
    }
  }

  /**
   * A package URL in its plainest form, {@code pkg:type/namespace/name@version} with nothing to
   * decode, built by the library's component constructor; null for anything else, which the
   * library's parser reads.
   *
   * <p>Why: the parser first builds a {@link java.net.URI} and re-scans every component for
   * percent-escapes; in a short-lived JVM that is 5 to 10 µs a package URL, half of the SBOM
   * mapping of a 10,000-component scan. The plain form, what SBOM generators write for nearly every
   * component, needs neither: split at its only separators, each component is what the parser would
   * have decoded, and the constructor still validates and normalises it (type, namespace and name
   * rules per type). Only characters that are never escaped are accepted (letters, digits, {@code
   * . - _}); a qualifier, a subpath, an escape, an {@code @} in the name, an empty segment or a
   * refusal by the constructor go to the parser, so answers and messages stay the library's.
   * {@code PackageUrlsTest} holds the two equal on every package URL of the shared data and on
   * generated and mutated ones.
   */
  static PackageURL plain(String text) {
    if (!text.startsWith("pkg:")) {
      return null;
    }
    int typeEnd = text.indexOf('/', 4);
    int at = text.lastIndexOf('@');
    if (typeEnd <= 4 || at < typeEnd || at == text.length() - 1) {
      return null;
    }
    int lastSlash = -1;
    for (int i = 4; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/') {
        if (i > at || text.charAt(i - 1) == '/') {
          return null; // a slash in the version, or an empty segment
        }
        lastSlash = i;
      } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
          || c == '_' || c == '@' && i == at)) {
        return null;
      }
    }
    if (lastSlash == at - 1) {
      return null; // no name
    }
    String namespace = lastSlash > typeEnd ? text.substring(typeEnd + 1, lastSlash) : null;
    try {
      return new PackageURL(text.substring(4, typeEnd), namespace, text.substring(lastSlash + 1, at),
          text.substring(at + 1), null, null);
    } catch (MalformedPackageURLException | RuntimeException refused) {
      return null; // the parser refuses it too, in its own words
    }
  }

  private static Object parseOnce(String text) {
    try {
      PackageURL plain = plain(text);
      return plain != null ? plain : new PackageURL(text);
    } catch (MalformedPackageURLException e) {
      return String.valueOf(e.getMessage());
    } catch (RuntimeException e) {
      // The library throws unchecked exceptions on some malformed input (bad percent-encoding).
      return String.valueOf(e.getMessage());
    }
  }
}
