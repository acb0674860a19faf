package io.vigie.formats.threatdragon;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Readable IDs from the names people gave their diagram elements: lower case, ASCII letters and
 * digits joined by dashes, made unique across the whole model (the validator requires it) with a
 * numeric suffix. The same file always gives the same IDs, because cells are visited in file order.
 */
final class IdAllocator {
  /** Long enough for a few words, short enough to read in a flow's {@code from:}. */
  private static final int MAX_LENGTH = 40;
  private final Set<String> taken = new HashSet<>();

  /** A fresh ID for {@code name}, or for {@code fallback} when the name has no letter or digit. */
  String allocate(String name, String fallback) {
    String base = slug(name);
    if (base.isEmpty()) {
      base = slug(fallback);
    }
    String id = base;
    for (int n = 2; !taken.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    if (slug.length() > MAX_LENGTH) {
      int cut = slug.lastIndexOf('-', MAX_LENGTH);
      slug = slug.substring(0, cut > 0 ? cut : MAX_LENGTH);
    }
    return slug;
  }
}
