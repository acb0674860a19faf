package io.vigie.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransportTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "ble, RADIO", "BLE GATT, RADIO", "ble/gatt, RADIO", "Bluetooth LE, RADIO", "NFC, RADIO", "zigbee, RADIO",
      "LoRaWAN, RADIO", "wifi-direct, RADIO", "ble-bonded, RADIO",
      "usb, WIRED_LOCAL", "USB-serial, WIRED_LOCAL", "uart, WIRED_LOCAL", "JTAG, WIRED_LOCAL", "rs232, WIRED_LOCAL",
      "in-process, IN_PROCESS", "ipc, IN_PROCESS", "shared-memory, IN_PROCESS",
      "https, IP", "fhir-over-https, IP", "grpc-mtls, IP", "mqtt, IP", "postgresql-tls, IP", "sms, IP", "smtp, IP",
      "https (TLS 1.3), IP", "spiffe-mtls, IP", "surf, IP"})
  void classifiesProtocolsByTheirWordsNotByLetters(String protocol, Transport expected) {
    assertThat(Transport.of(protocol)).isEqualTo(expected);
  }
}
