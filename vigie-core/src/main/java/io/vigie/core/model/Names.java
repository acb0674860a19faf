package io.vigie.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one mapping between enum constants and the words users write in files and read in reports:
 * {@code HOSPITAL_NETWORK} is {@code hospital-network}. Kept in one place so that no enum carries
 * serialisation code and every format spells values the same way.
 */
public final class Names {
  private Names() {}

  public static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String word) {
    String constant = word.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(constant)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public static <E extends Enum<E>> List<String> all(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Names::of).toList();
  }
}
