package io.vigie.core.model;

import java.util.Locale;

/**
 * How a flow's protocol travels, read from the protocol name the maker wrote. It decides from where
 * an attacker can reach the flow: radio links are reachable by anyone in range (adjacent), wired
 * local buses only by someone holding the device (physical), IP protocols from wherever the network
 * between the two zones runs.
 */
public enum Transport {
  IP,
  RADIO,
  WIRED_LOCAL,
  IN_PROCESS;

  private static final java.util.Set<String> RADIO_WORDS = java.util.Set.of("ble", "bluetooth", "nfc", "zigbee",
      "ant+", "lora", "lorawan", "radio", "rf", "mics", "wifi-direct");
  private static final java.util.Set<String> WIRED_WORDS = java.util.Set.of("usb", "serial", "uart", "jtag", "spi", "i2c",
      "can-bus", "canbus", "rs232", "rs-232", "swd");
  private static final java.util.Set<String> LOCAL_WORDS = java.util.Set.of("in-process", "ipc", "local-file",
      "shared-memory", "function-call");

  /**
   * Classifies a protocol name by its words ("BLE GATT", "ble/gatt", "USB-serial", "https (TLS)"):
   * the first radio, wired or local word decides; anything else is IP. Words are split on spaces,
   * slashes, parentheses, commas and plus signs, and hyphenated pairs are tried whole too.
   */
  public static Transport of(String protocol) {
    String p = protocol.toLowerCase(Locale.ROOT);
    if (LOCAL_WORDS.contains(p)) {
      return IN_PROCESS;
    }
    for (String word : p.split("[\\s/(),;:]+")) {
      if (word.isEmpty()) {
        continue;
      }
      Transport t = classify(word);
      if (t != null) {
        return t;
      }
      for (String part : word.split("[-_+.]")) {
        t = classify(part);
        if (t != null) {
          return t;
        }
      }
    }
    return IP;
  }

  private static Transport classify(String word) {
    if (RADIO_WORDS.contains(word)) {
      return RADIO;
    }
    if (WIRED_WORDS.contains(word)) {
      return WIRED_LOCAL;
    }
    if (LOCAL_WORDS.contains(word)) {
      return IN_PROCESS;
    }
    return null;
  }
}
