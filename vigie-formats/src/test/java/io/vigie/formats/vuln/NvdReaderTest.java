package io.vigie.formats.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.cpe.CpeMatchCriterion;
import io.vigie.core.vuln.cpe.CpeNode;
import io.vigie.core.vuln.cpe.NvdCve;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvdReaderTest {
  @TempDir Path tmp;

  static Path fixture(String name) {
    try {
      return Path.of(NvdReaderTest.class.getResource("/nvd/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private final List<NvdRecord> records = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private NvdReadSummary read(Path file) {
    return new NvdReader().readAll(file, records::add, problems::add);
  }

  @Test
  void readsTheRealRecordsWithTheirConfigurationsDatesAndVectors() {
    NvdReadSummary s = read(fixture("medical-device-real.json"));

    assertThat(s).isEqualTo(new NvdReadSummary(5, 0, 0));
    NvdCve cve = records.stream().map(NvdRecord::cve).filter(c -> c.id().equals("CVE-2021-37155")).findFirst().orElseThrow();
    assertThat(cve.published()).contains(Instant.parse("2021-07-21T15:16:20.733Z"));
    assertThat(cve.lastModified()).isEqualTo(Instant.parse("2026-06-17T04:00:09.490Z"));
    assertThat(cve.vulnStatus()).isEqualTo("Modified");
    assertThat(cve.description()).startsWith("wolfSSL 4.6.x through 4.7.x before 4.8.0");
    assertThat(cve.cvssVectors()).containsExactly("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    assertThat(cve.weaknesses()).containsExactly("NVD-CWE-noinfo");
    assertThat(cve.source()).isEqualTo("medical-device-real.json");
    assertThat(cve.sourceRecord()).isEqualTo("vulnerabilities[0]");
    CpeMatchCriterion m = cve.configurations().get(0).nodes().get(0).cpeMatch().get(0);
    assertThat(m.vulnerable()).isTrue();
    assertThat(m.cpe().vendorProduct()).isEqualTo("wolfssl:wolfssl");
    assertThat(m.versionStartIncluding()).contains("4.6.0");
    assertThat(m.versionEndExcluding()).contains("4.8.0");
    assertThat(records.get(0).json()).startsWith("{\"id\":\"CVE-2021-37155\"");
  }

  @Test
  void countsRejectedRecordsAndReadsAndConfigurationsWithPlatforms() {
    NvdReadSummary s = read(fixture("medical-device-traps.json"));
    assertThat(s).isEqualTo(new NvdReadSummary(5, 1, 0));
    NvdCve windows = records.get(1).cve();
    assertThat(windows.configurations().get(0).operator()).contains(CpeNode.Operator.AND);
    assertThat(windows.configurations().get(0).nodes().get(1).cpeMatch().get(0).vulnerable()).isFalse();
    assertThat(records.get(4).cve().isRejected()).isTrue();
  }

  @Test
  void readsAGzippedYearlyFeedAndTheStoredCveObjectAgain() throws IOException {
    Path gz = tmp.resolve("nvdcve-2.0-2022.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(fixture("medical-device-real.json")));
    }
    assertThat(read(gz).read()).isEqualTo(5);
    NvdRecord first = records.get(0);
    NvdCve again = new NvdReader().parse(first.json(), "vulndb", first.cve().source(), first.cve().sourceRecord());
    assertThat(again).isEqualTo(first.cve());
  }

  @Test
  void readsCvss40And30VectorsNvdsOwnFirst() throws IOException {
    Path f = write("""
        {"vulnerabilities":[{"cve":{"id":"CVE-2024-0001","lastModified":"2024-01-02T00:00:00.000","vulnStatus":"Analyzed",
          "metrics":{"cvssMetricV30":[{"source":"x","type":"Primary","cvssData":{"vectorString":"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}}],
                     "cvssMetricV40":[{"source":"cna","type":"Secondary","cvssData":{"vectorString":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N"}}]}}}]}
        """);
    read(f);
    assertThat(records.get(0).cve().cvssVectors()).containsExactly(
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    assertThat(records.get(0).cve().published()).isEqualTo(Optional.empty());
  }

  @Test
  void skipsInvalidRecordsNamingFileIndexAndFieldAndKeepsTheOthers() throws IOException {
    Path f = write("""
        {"vulnerabilities":[
          {"cve":{"id":"CVE-2024-0001","lastModified":"2024-01-02T00:00:00.000","vulnStatus":"Analyzed"}},
          {"cve":{"id":"GHSA-xxxx","lastModified":"2024-01-02T00:00:00.000"}},
          {"cve":{"id":"CVE-2024-0003","lastModified":"yesterday"}},
          {"cve":{"id":"CVE-2024-0004","lastModified":"2024-01-02T00:00:00.000","configurations":[{"nodes":[{"operator":"OR",
            "cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:acme:tool"}]}]}]}},
          {"cve":{"id":"CVE-2024-0005","lastModified":"2024-01-02T00:00:00.000","configurations":[{"nodes":[{"operator":"XOR",
            "cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:acme:tool:*:*:*:*:*:*:*:*"}]}]}]}},
          {"nope":1}
        ]}
        """);
    NvdReadSummary s = read(f);
    assertThat(s).isEqualTo(new NvdReadSummary(1, 0, 5));
    assertThat(problems).extracting(Problem::toString).containsExactly(
        f + ": vulnerabilities[1].cve.id: record GHSA-xxxx: expected a CVE ID (CVE-YYYY-NNNN), found 'GHSA-xxxx'",
        f + ": vulnerabilities[2].cve.lastModified: record CVE-2024-0003: expected an ISO 8601 timestamp, found 'yesterday'",
        f + ": vulnerabilities[3].cve.configurations[0].nodes[0].cpeMatch[0].criteria: record CVE-2024-0004: not a valid CPE"
            + " 'cpe:2.3:a:acme:tool': a CPE 2.3 formatted string has 11 attributes after 'cpe:2.3:', found 3 (a ':' inside a value is written '\\:')",
        f + ": vulnerabilities[4].cve.configurations[0].nodes[0].operator: record CVE-2024-0005: expected operator AND or OR, found 'XOR'",
        f + ": vulnerabilities[5]: expected an object with a 'cve' object");
  }

  @Test
  void refusesATruncatedFileWithItsPosition() throws IOException {
    String whole = Files.readString(fixture("medical-device-real.json"));
    Path f = write(whole.substring(0, whole.length() / 2));
    assertThatThrownBy(() -> read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(f.toString()).hasMessageContaining("damaged JSON");
  }

  @Test
  void refusesATruncatedGzip() throws IOException {
    Path gz = tmp.resolve("nvdcve-2.0-2021.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(fixture("medical-device-real.json")));
    }
    byte[] bytes = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> read(gz)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith(gz.toString());
  }

  @Test
  void refusesJsonThatIsNotAnNvdFile() throws IOException {
    assertThatThrownBy(() -> read(write("{\"id\":\"GHSA-1\",\"modified\":\"2024-01-01T00:00:00Z\"}")))
        .hasMessageContaining("no 'vulnerabilities' array");
    assertThatThrownBy(() -> read(write("[]"))).hasMessageContaining("expected an NVD CVE API 2.0 object");
    assertThatThrownBy(() -> read(write("{\"vulnerabilities\":{}}"))).hasMessageContaining("'vulnerabilities' is not an array");
    assertThatThrownBy(() -> read(write("{\"vulnerabilities\":[]} {}"))).hasMessageContaining("unexpected content");
    assertThatThrownBy(() -> read(tmp.resolve("missing.json"))).hasMessageContaining("no such NVD file");
  }

  private Path write(String json) throws IOException {
    Path f = Files.createTempFile(tmp, "nvd", ".json");
    Files.writeString(f, json, StandardCharsets.UTF_8);
    return f;
  }
}
