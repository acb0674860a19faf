package io.vigie.core.vuln.version;

/**
 * Compares runs of ASCII digits as unbounded non-negative integers without allocating: versions
 * carry numbers such as {@code 20240101123456} or 30-digit test values that overflow {@code long}.
 */
final class Digits {
  private Digits() {}

  /** Compares {@code a[aFrom,aTo)} with {@code b[bFrom,bTo)}, both runs of digits (maybe empty). */
  static int compare(CharSequence a, int aFrom, int aTo, CharSequence b, int bFrom, int bTo) {
    // leading zeros carry no value; an empty run counts as zero (dpkg compares "" and "0" equal)
    while (aFrom < aTo && a.charAt(aFrom) == '0') {
      aFrom++;
    }
    while (bFrom < bTo && b.charAt(bFrom) == '0') {
      bFrom++;
    }
    int lengths = Integer.compare(aTo - aFrom, bTo - bFrom);
    if (lengths != 0) {
      return lengths;
    }
    for (; aFrom < aTo; aFrom++, bFrom++) {
      int diff = a.charAt(aFrom) - b.charAt(bFrom);
      if (diff != 0) {
        return diff < 0 ? -1 : 1;
      }
    }
    return 0;
  }

  static int compare(String a, String b) {
    return compare(a, 0, a.length(), b, 0, b.length());
  }

  /** The digits with leading zeros removed ("0" stays "0"). */
  static String strip(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  static boolean isAllDigits(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
