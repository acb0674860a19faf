package io.vigie.core.vuln.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PyPI, by PEP 440 (https://peps.python.org/pep-0440/) as the {@code packaging} library
 * normalises and orders it: epoch, release (trailing zeros ignored), pre-release (a &lt; b &lt;
 * rc, with alpha, beta, c, pre, preview as spellings), post-release (including the implicit
 * {@code 1.0-1}), dev-release, local version; separators {@code . - _} and case are normalised.
 *
 * <p>Strings PEP 440 rejects (such as {@code 0.3m1} or {@code 1.0-bulbasaur}, still found on PyPI
 * and in advisories) are ordered as {@code packaging} did before version 22 with its {@code
 * LegacyVersion}, which OSV.dev also keeps for PyPI: they sort before every PEP 440 version and
 * among themselves by setuptools' old part rules. {@link PypiVersion#isLegacy()} tells them apart.
 */
public final class PypiScheme implements VersionScheme {

  private static final Pattern PEP440 =
      Pattern.compile(
          "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
              + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
              + "(?<dev>[-_.]?dev[-_.]?(?<devN>[0-9]+)?)?"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
          Pattern.CASE_INSENSITIVE);

  // pre-release phases; "no pre-release" sorts after all of them, "dev only" before
  private static final int PRE_DEV_ONLY = -1;
  private static final int PRE_NONE = 3;

  @Override
  public String name() {
    return "PyPI";
  }

  /**
   * Versions parsed, by their text, once per process. A PyPI advisory lists every affected release
   * (Django's hundred-odd records, each hundreds of the same version strings), and each list is
   * parsed when its record is compiled: the PEP 440 expression is most of a scan's version work.
   * A {@link PypiVersion} is immutable, so one instance serves every record ({@link
   * VersionSchemes#PYPI} is the process's one scheme). Bounded like {@link
   * io.vigie.core.sbom.PackageUrls}: past the capacity it starts again empty.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Version> parsed =
      new java.util.concurrent.ConcurrentHashMap<>();

  static final int CAPACITY = 100_000;

  @Override
  public Version parse(String text) {
    Version known = parsed.get(text);
    if (known != null) {
      return known;
    }
    Version version = parseOnce(text);
    if (parsed.size() >= CAPACITY) {
      parsed.clear();
    }
    parsed.put(text, version);
    return version;
  }

  private Version parseOnce(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw InvalidVersion.of(name(), text, "it is empty");
    }
    Matcher m = PEP440.matcher(s);
    if (!m.matches()) {
      return new PypiVersion(text, this, null, legacyKey(s));
    }
    return new PypiVersion(text, this, pep440(m), null);
  }

  private static Pep440 pep440(Matcher m) {
    String epoch = m.group("epoch") == null ? "0" : Digits.strip(m.group("epoch"));
    List<String> release = new ArrayList<>();
    for (String n : m.group("release").split("\\.")) {
      release.add(Digits.strip(n));
    }
    while (release.size() > 1 && release.get(release.size() - 1).equals("0")) {
      release.remove(release.size() - 1);
    }
    boolean hasPost = m.group("post") != null;
    boolean hasDev = m.group("dev") != null;
    int prePhase;
    String preNumber = "0";
    if (m.group("pre") != null) {
      String label = m.group("preL").toLowerCase(Locale.ROOT);
      prePhase = label.startsWith("a") ? 0 : label.startsWith("b") ? 1 : 2;
      preNumber = number(m.group("preN"));
    } else {
      prePhase = !hasPost && hasDev ? PRE_DEV_ONLY : PRE_NONE;
    }
    String post =
        hasPost ? number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2")) : null;
    String dev = hasDev ? number(m.group("devN")) : null;
    List<Object> local = new ArrayList<>();
    if (m.group("local") != null) {
      for (String part : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
        local.add(Digits.isAllDigits(part) ? (Object) new Num(Digits.strip(part)) : part);
      }
    }
    return new Pep440(
        epoch, List.copyOf(release), prePhase, preNumber, post, dev, List.copyOf(local),
        m.group("local") != null);
  }

  private static String number(String digits) {
    return digits == null ? "0" : Digits.strip(digits);
  }

  /**
   * The sort key of packaging's {@code LegacyVersion}: runs of digits zero-padded to 8, words
   * prefixed by '*', with pre/preview/rc as 'c', dev as '@', '-' as 'final-', a closing
   * '*final', and zeros and 'final-' markers dropped before each word.
   */
  private static List<String> legacyKey(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    List<String> raw = new ArrayList<>();
    StringBuilder other = new StringBuilder();
    int i = 0;
    while (i < lower.length()) {
      char c = lower.charAt(i);
      int j = i + 1;
      if (Digits.isDigit(c)) {
        while (j < lower.length() && Digits.isDigit(lower.charAt(j))) {
          j++;
        }
      } else if (c >= 'a' && c <= 'z') {
        while (j < lower.length() && lower.charAt(j) >= 'a' && lower.charAt(j) <= 'z') {
          j++;
        }
      } else if (c != '.' && c != '-') {
        other.append(c); // text between matches is a part of its own
        i = j;
        continue;
      }
      if (other.length() > 0) {
        raw.add(other.toString());
        other.setLength(0);
      }
      raw.add(lower.substring(i, j));
      i = j;
    }
    if (other.length() > 0) {
      raw.add(other.toString());
    }
    List<String> parts = new ArrayList<>();
    for (String part : raw) {
      part = replaceLegacy(part);
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      String key;
      if (Digits.isDigit(part.charAt(0))) {
        key = part.length() >= 8 ? part : "0".repeat(8 - part.length()) + part;
      } else {
        key = "*" + part;
      }
      addLegacyPart(parts, key);
    }
    addLegacyPart(parts, "*final");
    return List.copyOf(parts);
  }

  private static String replaceLegacy(String part) {
    switch (part) {
      case "pre":
      case "preview":
      case "rc":
        return "c";
      case "-":
        return "final-";
      case "dev":
        return "@";
      default:
        return part;
    }
  }

  private static void addLegacyPart(List<String> parts, String key) {
    if (key.startsWith("*")) {
      if (key.compareTo("*final") < 0) {
        while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("*final-")) {
          parts.remove(parts.size() - 1);
        }
      }
      while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("00000000")) {
        parts.remove(parts.size() - 1);
      }
    }
    parts.add(key);
  }

  /** A numeric local-version segment; they sort after alphanumeric ones. */
  private record Num(String digits) {}

  private record Pep440(
      String epoch,
      List<String> release,
      int prePhase,
      String preNumber,
      String post,
      String dev,
      List<Object> local,
      boolean hasLocal) {

    int compare(Pep440 o) {
      int c = Digits.compare(epoch, o.epoch);
      if (c != 0) {
        return c;
      }
      int n = Math.max(release.size(), o.release.size());
      for (int i = 0; i < n && c == 0; i++) {
        c =
            Digits.compare(
                i < release.size() ? release.get(i) : "0",
                i < o.release.size() ? o.release.get(i) : "0");
      }
      if (c == 0) {
        c = Integer.compare(prePhase, o.prePhase);
      }
      if (c == 0 && prePhase != PRE_NONE && prePhase != PRE_DEV_ONLY) {
        c = Digits.compare(preNumber, o.preNumber);
      }
      if (c == 0) {
        c = compareAbsentFirst(post, o.post);
      }
      if (c == 0) {
        c = compareAbsentLast(dev, o.dev);
      }
      return c != 0 ? c : compareLocal(o);
    }

    private int compareLocal(Pep440 o) {
      if (!hasLocal || !o.hasLocal) {
        return Boolean.compare(hasLocal, o.hasLocal);
      }
      int n = Math.min(local.size(), o.local.size());
      for (int i = 0; i < n; i++) {
        Object a = local.get(i);
        Object b = o.local.get(i);
        int c;
        if (a instanceof Num x && b instanceof Num y) {
          c = Digits.compare(x.digits(), y.digits());
        } else if (a instanceof Num) {
          c = 1;
        } else if (b instanceof Num) {
          c = -1;
        } else {
          c = Integer.signum(((String) a).compareTo((String) b));
        }
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(local.size(), o.local.size());
    }

    private static int compareAbsentFirst(String a, String b) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : -1) : 1;
      }
      return Digits.compare(a, b);
    }

    private static int compareAbsentLast(String a, String b) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : 1) : -1;
      }
      return Digits.compare(a, b);
    }
  }

  /** A PyPI version: PEP 440, or legacy when PEP 440 refuses the text. */
  public static final class PypiVersion extends SchemeVersion {
    private final Pep440 pep440; // null for a legacy version
    private final List<String> legacy; // null for a PEP 440 version

    private PypiVersion(String text, PypiScheme scheme, Pep440 pep440, List<String> legacy) {
      super(text, scheme);
      this.pep440 = pep440;
      this.legacy = legacy;
    }

    /** True when the text is not PEP 440 and is ordered by the pre-2022 legacy rules. */
    public boolean isLegacy() {
      return pep440 == null;
    }



    @Override
    public int compareTo(Version o) {
      PypiVersion other = InvalidVersion.sameScheme(this, o, PypiVersion.class);
      if (isLegacy() != other.isLegacy()) {
        return isLegacy() ? -1 : 1; // legacy versions have epoch -1
      }
      if (!isLegacy()) {
        return pep440.compare(other.pep440);
      }
      int n = Math.min(legacy.size(), other.legacy.size());
      for (int i = 0; i < n; i++) {
        int c = legacy.get(i).compareTo(other.legacy.get(i));
        if (c != 0) {
          return Integer.signum(c);
        }
      }
      return Integer.compare(legacy.size(), other.legacy.size());
    }

  }
}
