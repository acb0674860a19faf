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

  private static Object parseOnce(String text) {
    try {
      return new PackageURL(text);
    } catch (MalformedPackageURLException e) {
      return String.valueOf(e.getMessage());
    } catch (RuntimeException e) {
      // The library throws unchecked exceptions on some malformed input (bad percent-encoding).
      return String.valueOf(e.getMessage());
    }
  }
}
