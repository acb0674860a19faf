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

  /** The words of each enum type, computed once: reports ask for them hundreds of thousands of times. */
  private static final ClassValue<String[]> WORDS = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      String[] words = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        words[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
      }
      return words;
    }
  };

  public static String of(Enum<?> value) {
    return WORDS.get(value.getDeclaringClass())[value.ordinal()];
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
