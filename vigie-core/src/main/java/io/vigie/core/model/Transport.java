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

  public static Transport of(String protocol) {
    String p = protocol.toLowerCase(Locale.ROOT);
    if (containsAny(p, "ble", "bluetooth", "nfc", "zigbee", "ant+", "wifi-direct", "lora", "radio",
        "rf", "mics")) {
      return RADIO;
    }
    if (containsAny(p, "usb", "serial", "uart", "jtag", "spi", "i2c", "can-bus", "rs232", "swd")) {
      return WIRED_LOCAL;
    }
    if (containsAny(p, "in-process", "ipc", "local-file", "shared-memory", "function-call")) {
      return IN_PROCESS;
    }
    return IP;
  }

  private static boolean containsAny(String text, String... words) {
    for (String w : words) {
      if (text.equals(w) || text.startsWith(w + " ") || text.startsWith(w + "-")
          || text.startsWith(w + "/") || text.contains(" " + w) || text.contains("/" + w)
          || text.contains("(" + w)) {
        return true;
      }
    }
    return false;
  }
}
