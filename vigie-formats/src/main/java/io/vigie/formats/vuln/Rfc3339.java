package io.vigie.formats.vuln;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The instant of a feed's timestamp: exactly what {@code OffsetDateTime.parse(text).toInstant()}
 * answers, the same instant or the same {@link DateTimeParseException}, faster for the form feeds
 * write ({@code 2024-03-05T14:07:09Z}, or with 1 to 9 fraction digits).
 *
 * <p>Why by hand: the JDK's ISO formatter resolves fields generically and costs 50 to 80 µs per
 * timestamp in a short-lived JVM. A scan rebuilds a package's advisories from their stored records
 * (Django has over a hundred, three timestamps each), so the formatter was a tenth of that step,
 * and a full import parses tens of thousands. The common form is read by its fixed positions and
 * checked by {@code LocalDateTime.of}, which refuses the same out-of-range fields (month 13, 30
 * February, hour 24, second 60) as the formatter's strict resolver; anything else (offsets, a
 * lower-case {@code t} or {@code z}, no seconds) and any refusal go to the formatter itself, so
 * the messages are the JDK's. {@code Rfc3339Test} holds the two equal on generated and mutated
 * timestamps.
 */
public final class Rfc3339 {
  private Rfc3339() {}

  /** The instant {@code text} names; see the class comment. */
  public static Instant parse(String text) {
    Instant fast = utc(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} read by position, or null for the formatter to decide. */
  private static Instant utc(String s) {
    int n = s.length();
    if (n < 20 || n == 21 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.') {
        return null;
      }
      int digits = n - 21;
      for (int i = 20; i < n - 1; i++) {
        int d = digit(s, i);
        if (d < 0) {
          return null;
        }
        nanos = nanos * 10 + d;
      }
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    }
    int year = number(s, 0, 4);
    int month = number(s, 5, 2);
    int day = number(s, 8, 2);
    int hour = number(s, 11, 2);
    int minute = number(s, 14, 2);
    int second = number(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException outOfRange) {
      return null; // the formatter refuses it too, in its own words
    }
  }

  /** The decimal number of {@code length} ASCII digits at {@code from}, or -1. */
  private static int number(String s, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      int d = digit(s, i);
      if (d < 0) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static int digit(String s, int i) {
    char c = s.charAt(i);
    return c >= '0' && c <= '9' ? c - '0' : -1;
  }
}
