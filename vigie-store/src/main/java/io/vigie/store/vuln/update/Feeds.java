package io.vigie.store.vuln.update;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The feeds {@code vigie db update} knows: one {@link FeedKind} row each, with its official
 * address, its path under a mirror, and its importer. Adding a feed (CSAF, NVD) is adding a row to
 * {@link #standard()}; nothing else changes. See docs/vulnerability-database.md, "Updating".
 *
 * <p>A feed's URL is, first match wins: the {@code VIGIE_FEED_<NAME>} environment variable
 * ({@code NAME} = the feed name in upper case, other characters than letters and digits as
 * {@code _}: {@code VIGIE_FEED_KEV}, {@code VIGIE_FEED_OSV_PYPI}); else the mirror base URL plus
 * the feed's mirror path; else the official address.
 */
public final class Feeds {

  /** OSV ecosystems updated when the database holds none yet: those matched by package URL. */
  public static final List<String> DEFAULT_OSV_ECOSYSTEMS =
      List.of("Maven", "npm", "PyPI", "Go", "crates.io", "NuGet", "RubyGems");

  private static final Pattern ECOSYSTEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._: -]{0,99}");

  private final List<FeedKind> kinds;

  public Feeds(List<FeedKind> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  /** OSV per ecosystem, CISA KEV and FIRST EPSS. */
  public static Feeds standard() {
    return new Feeds(List.of(
        new FeedKind("osv", true, "https://osv-vulnerabilities.storage.googleapis.com/{arg}/all.zip",
            "osv/{arg}/all.zip", "{arg}-all.zip", (db, file, listener) -> db.importOsv(listener, file),
            Feeds::zip),
        new FeedKind("kev", false,
            "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json",
            "kev/known_exploited_vulnerabilities.json", "known_exploited_vulnerabilities.json",
            (db, file, listener) -> db.importKev(file, listener), Feeds::json),
        new FeedKind("epss", false, "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz",
            "epss/epss_scores-current.csv.gz", "epss_scores-current.csv.gz",
            (db, file, listener) -> db.importEpss(file, listener), Feeds::epss)));
  }

  public List<FeedKind> kinds() {
    return kinds;
  }

  /**
   * The feed named {@code spec} ({@code kev}, {@code osv:PyPI}) with its URL.
   *
   * @throws IllegalArgumentException naming what is wrong and what is known
   */
  public Feed resolve(String spec, Optional<URI> mirror, Map<String, String> env) {
    String name = spec.trim();
    int colon = name.indexOf(':');
    String kindName = colon < 0 ? name : name.substring(0, colon);
    String arg = colon < 0 ? "" : name.substring(colon + 1);
    FeedKind kind = kinds.stream().filter(k -> k.name().equals(kindName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown feed '" + spec + "': known feeds are "
            + String.join(", ", kinds.stream().map(k -> k.takesArgument() ? k.name() + ":<ecosystem>" : k.name()).toList())));
    if (kind.takesArgument() && !ECOSYSTEM.matcher(arg).matches()) {
      throw new IllegalArgumentException("feed '" + spec + "' needs an ecosystem, e.g. " + kind.name() + ":PyPI");
    }
    if (!kind.takesArgument() && !arg.isEmpty()) {
      throw new IllegalArgumentException("feed '" + kind.name() + "' takes no argument, found '" + spec + "'");
    }
    String encoded = arg.replace(" ", "%20");
    String override = env.get(envName(name));
    URI url;
    if (override != null && !override.isBlank()) {
      url = URI.create(override.trim());
    } else if (mirror.isPresent()) {
      String base = mirror.get().toString();
      url = URI.create((base.endsWith("/") ? base : base + "/") + kind.mirrorPath().replace("{arg}", encoded));
    } else {
      url = URI.create(kind.officialUrl().replace("{arg}", encoded));
    }
    return new Feed(name, kind, url, kind.fileName().replace("{arg}", arg));
  }

  /** {@code VIGIE_FEED_OSV_PYPI} for {@code osv:PyPI}. */
  public static String envName(String feedName) {
    return "VIGIE_FEED_" + feedName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** OSV ecosystems whose all.zip the database holds, from its sources named {@code <Ecosystem>-all.zip}. */
  public static List<String> osvEcosystemsIn(Iterable<String> sources) {
    List<String> out = new ArrayList<>();
    for (String s : sources) {
      if (s.endsWith("-all.zip") && ECOSYSTEM.matcher(s.substring(0, s.length() - 8)).matches()) {
        out.add(s.substring(0, s.length() - 8));
      }
    }
    return out.stream().sorted().distinct().toList();
  }

  // ---- first-bytes checks ----

  static String zip(byte[] head) {
    if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
      return null;
    }
    return notWhatWasExpected(head, "a zip archive");
  }

  static String json(byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
    return text.startsWith("{") ? null : notWhatWasExpected(head, "a JSON object");
  }

  static String epss(byte[] head) {
    if (startsWith(head, 0x1f, 0x8b) || startsWith(head, '#')) {
      return null;
    }
    return notWhatWasExpected(head, "a gzipped EPSS CSV");
  }

  private static String notWhatWasExpected(byte[] head, String expected) {
    String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
    if (text.startsWith("<")) {
      return "the server sent an HTML or XML page (an error or login page?), not " + expected;
    }
    if (head.length == 0) {
      return "the server sent an empty body, not " + expected;
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(4, head.length); i++) {
      hex.append(String.format("%02x ", head[i] & 0xff));
    }
    return "the content is not " + expected + " (it starts with bytes " + hex.toString().trim() + ")";
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
